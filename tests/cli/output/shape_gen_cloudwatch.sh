# docs/output.md's table, gen -o cloudwatch: aws logs filter-log-events JSON.
flowmon gen --duration 1m --volume 2 -o cloudwatch | python3 -c 'import json,sys; d=json.load(sys.stdin); print(sorted(d), len(d["events"]) > 0)'
