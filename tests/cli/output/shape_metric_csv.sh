# docs/output.md's table, metric -o csv: one datapoint per period.
flowmon metric --pattern '[..., action=REJECT, status]' --period 300 -o csv samples/v2.log
