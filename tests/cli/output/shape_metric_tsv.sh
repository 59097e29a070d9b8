# docs/output.md's table, metric -o tsv: one datapoint per period.
flowmon metric --pattern '[..., action=REJECT, status]' --period 300 -o tsv samples/v2.log
