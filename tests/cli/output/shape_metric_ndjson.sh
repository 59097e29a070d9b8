# docs/output.md's table, metric -o ndjson: one datapoint per period.
flowmon metric --pattern '[..., action=REJECT, status]' --period 300 -o ndjson samples/v2.log
