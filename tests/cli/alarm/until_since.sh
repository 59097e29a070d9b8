# After the data stops. AWS, on the table's second row "0 - - - -" with
# breaching: the alarm stays OK; "the next time this alarm is evaluated, if
# the data is still missing it will go to ALARM". --until is that time.
printf '1563108000,0\n' > row2.csv
flowmon alarm --datapoints row2.csv --threshold 1 --comparison GreaterThanOrEqualToThreshold --evaluation-periods 3 --treat-missing-data breaching --until 1563108300
flowmon alarm --datapoints row2.csv --threshold 1 --comparison GreaterThanOrEqualToThreshold --evaluation-periods 3 --treat-missing-data breaching --until 1563108360
echo "exit $?"
# The seed lab after the attack: notBreaching goes back to OK, missing to
# INSUFFICIENT_DATA once the evaluation range holds no data; without --until
# the replay ends at 12:58 in ALARM.
flowmon alarm --pattern '[version, account, eni, source, destination, srcport, destport="22", protocol="6", packets, bytes, windowstart, windowend, action="REJECT", flowlogstatus]' --threshold 1 --comparison GreaterThanOrEqualToThreshold --treat-missing-data notBreaching --until 2019-07-14T13:05:00Z samples/ssh_rejects.log
flowmon alarm --pattern '[version, account, eni, source, destination, srcport, destport="22", protocol="6", packets, bytes, windowstart, windowend, action="REJECT", flowlogstatus]' --threshold 1 --comparison GreaterThanOrEqualToThreshold --until 2019-07-14T13:05:00Z -o json samples/ssh_rejects.log
# A line without a value is a period without data: trailing ones extend the
# replay (here to 12:44, when the range holds no datapoint).
printf '2019-07-14T12:40:00Z,5\n2019-07-14T12:41:00Z,\n2019-07-14T12:42:00Z,\n2019-07-14T12:43:00Z,\n' |
  flowmon alarm --datapoints - --threshold 1 --comparison GreaterThanOrEqualToThreshold -o json
# --since: no evaluation before it; the datapoints before it still fill the
# evaluation range (3 of them for N = 1), and evaluations run from it on
# whether data comes or not (breaching: ALARM as soon as the range is empty).
printf '1563108000,5\n1563108600,0\n' > since.csv
flowmon alarm --datapoints since.csv --threshold 1 --comparison GreaterThanOrEqualToThreshold --since 1563108120 -o json
printf '1563108000,5\n1563108060,0\n1563108600,0\n' > dp.csv
flowmon alarm --datapoints dp.csv --threshold 1 --comparison GreaterThanOrEqualToThreshold --treat-missing-data breaching --since 2019-07-14T12:30:00Z --until 2019-07-14T12:45:00Z
echo "exit $?"
