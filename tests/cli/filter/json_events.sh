# JSON events come out of json/ndjson output as their own JSON, minified,
# whatever the pattern, when the input is read without a flow-log format
# (a JSON pattern, or --format raw); other events are split into fields.
flowmon filter -o json '{ $.latency >= 500 }' samples/cloudwatch/app-events.ndjson
flowmon filter -o ndjson --format raw UpdateTrail samples/cloudwatch/app-events.ndjson
# CloudWatch events whose messages are JSON (here from filter-log-events).
cat > events.json <<'JSON'
{"events": [
 {"timestamp": 1563108188000, "message": "{\"eventType\": \"ConsoleLogin\", \"sourceIPAddress\": \"123.123.1.7\",\n \"latency\": 950}"},
 {"timestamp": 1563108189000, "message": "plain ConsoleLogin text"}
]}
JSON
flowmon filter -o ndjson --format raw ConsoleLogin events.json
