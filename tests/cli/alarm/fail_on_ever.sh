# Ends OK, but was in ALARM: --fail-on ever fails.
flowmon alarm -q --pattern '[..., action=REJECT, status]' --threshold 2 --comparison GreaterThanOrEqualToThreshold --treat-missing-data notBreaching -o json samples/v2.log > /dev/null; echo "final: $?"
flowmon alarm -q --fail-on ever --pattern '[..., action=REJECT, status]' --threshold 2 --comparison GreaterThanOrEqualToThreshold --treat-missing-data notBreaching -o json samples/v2.log > /dev/null; echo "ever: $?"
