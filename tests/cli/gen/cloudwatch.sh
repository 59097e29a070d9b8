# aws logs filter-log-events JSON, which flowmon reads back.
flowmon gen --duration 1m -o cloudwatch | head -9
flowmon gen --duration 30m -o cloudwatch > events.json
flowmon top --by interface-id --limit 3 events.json
