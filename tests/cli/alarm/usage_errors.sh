flowmon alarm --threshold 1 --comparison Bigger --pattern '[]' samples/v2.log
flowmon alarm --threshold 1 --comparison GreaterThanThreshold samples/v2.log
flowmon alarm --threshold 1 --comparison GreaterThanThreshold --evaluation-periods 2 --datapoints-to-alarm 3 --pattern '[]' samples/v2.log
flowmon alarm --threshold 1 --comparison GreaterThanThreshold --treat-missing-data maybe --pattern '[]' samples/v2.log
