# 2 of 3 minutes with 2 or more rejects; missing minutes are not breaching.
flowmon alarm --pattern '[..., action=REJECT, status]' --threshold 2 --comparison GreaterThanOrEqualToThreshold --evaluation-periods 3 --datapoints-to-alarm 2 --treat-missing-data notBreaching samples/v2.log
