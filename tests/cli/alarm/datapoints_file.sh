# Datapoints by hand: epoch seconds, no header, an empty value = no datapoint.
printf '1563108000,0\n1563108060,5\n1563108120,\n1563108180,7\n' > dp.csv
flowmon alarm --datapoints dp.csv --threshold 3 --comparison GreaterThanThreshold --evaluation-periods 2 --treat-missing-data ignore -o json
printf 'time,value\n2019-07-14T12:00:00Z,x\n' > bad.csv
flowmon alarm --datapoints bad.csv --threshold 3 --comparison GreaterThanThreshold
