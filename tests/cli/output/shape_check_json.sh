# docs/output.md's table, check -o json: one entry per alarm, skipped ones too (their state is null).
flowmon check --config samples/check/metric-filters.json --config samples/check/account-alarms.json -o json samples/ssh_rejects.log; echo "exit $?"
