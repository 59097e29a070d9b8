# AWS, "Percentile-based alarms and low data samples": with ignore, "the
# alarm state does not change during periods with too few data points to be
# statistically significant": fewer than 10/(1-p) samples, 1000 for p99.
# The sample counts come from the CSV's third column...
printf 'time,value,sample_count\n2019-07-14T12:40:00Z,250,400\n2019-07-14T12:41:00Z,250,1500\n2019-07-14T12:42:00Z,50,999\n2019-07-14T12:43:00Z,50,1000\n' > p99.csv
for low in evaluate ignore; do
  flowmon alarm --datapoints p99.csv --stat p99 --threshold 100 --comparison GreaterThanThreshold --evaluate-low-sample-count-percentile $low
done
# ... or from the records: 50 rejects of 5000 bytes at 12:40, 100 at 12:41;
# p90 needs 100 samples.
for i in $(seq 150); do
  t=$((1563108000 + (i > 50) * 60))
  echo "2 123456789010 eni-1 10.0.0.$i 10.0.1.1 4444 22 6 10 5000 $t $((t + 30)) REJECT OK"
done > rejects.log
for low in evaluate ignore; do
  flowmon alarm --pattern '[v, a, e, src, dst, sp, dp, p, packets, bytes, start, end, action=REJECT, status]' --value '$bytes' --stat p90 --threshold 1000 --comparison GreaterThanThreshold --evaluate-low-sample-count-percentile $low -o json rejects.log
done
# The same through `flowmon metric -o csv`, which writes the sample counts.
flowmon metric --pattern '[v, a, e, src, dst, sp, dp, p, packets, bytes, start, end, action=REJECT, status]' --value '$bytes' --stat p90 -o csv rejects.log |
  flowmon alarm --datapoints - --stat p90 --threshold 1000 --comparison GreaterThanThreshold --evaluate-low-sample-count-percentile ignore -o json
echo "exit $?"
