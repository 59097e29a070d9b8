# Numbers past what AWS allows are usage errors naming the value, never an
# overflow (issue 16 item 14; record times: extreme_start.sh).
flowmon query 'stats pct(bytes, 1e47)' samples/v2.log; echo "pct 1e47: exit $?"
flowmon query 'fields bytes | limit 3e21' samples/v2.log; echo "limit 3e21: exit $?"
flowmon alarm --pattern '[..., action=REJECT, status]' --period 2160000000000000000 --threshold 1 --comparison GreaterThanThreshold samples/v2.log; echo "alarm --period 2.16e18: exit $?"
echo '{"monitors": [{"name": "a", "pattern": "[..., action=REJECT, status]", "period": 2.16e18, "threshold": 1, "comparison": "GreaterThanThreshold"}]}' > period.json
flowmon check --config period.json samples/v2.log; echo "check period 2.16e18: exit $?"
