# docs/output.md's table, gen: flow-log records (text) or CloudWatch's
# filter-log-events JSON (cloudwatch); results formats are not gen's.
flowmon gen --duration 1m --volume 2 -o text | head -3
