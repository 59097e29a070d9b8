# docs/output.md's table, metric -o json: one datapoint per period.
flowmon metric --pattern '[..., action=REJECT, status]' --period 300 -o json samples/v2.log
