# docs/output.md's table, metric -o text: one datapoint per period.
flowmon metric --pattern '[..., action=REJECT, status]' --period 300 -o text samples/v2.log
