# "After the attack stops, does the SSH alarm go back to OK?" Without
# --until the replay ends with the burst's last minute (in ALARM: FAIL, see
# cloudformation.sh); with it, every minute up to 14:20 is evaluated and
# the notBreaching alarm returns to OK.
flowmon check --config samples/check/template.json --until 2019-07-15T14:20:00Z samples/check/ssh-burst.log
echo "exit $?"
# --since: the burst (14:13) is before it, but in the evaluation range of
# the first evaluation, at 14:15.
flowmon check --config samples/check/template.json --since 2019-07-15T14:15:00Z --until 2019-07-15T14:20:00Z samples/check/ssh-burst.log
echo "exit $?"
# EvaluateLowSampleCountPercentile from describe-alarms output: 50 samples
# at 12:40, 100 at 12:41; p90 needs 100, so 'ignore' first fires at 12:42.
for i in $(seq 150); do
  t=$((1563108000 + (i > 50) * 60))
  echo "2 123456789010 eni-1 10.0.0.$i 10.0.1.1 4444 22 6 10 5000 $t $((t + 30)) REJECT OK"
done > rejects.log
cat > filters.json <<'JSON'
{"metricFilters": [{"filterName": "rejected-bytes", "filterPattern": "[v, a, e, src, dst, sp, dp, p, packets, bytes, start, end, action=REJECT, status]",
  "metricTransformations": [{"metricName": "RejectedBytes", "metricNamespace": "VPCFlowLogs", "metricValue": "$bytes"}]}]}
JSON
cat > alarms.json <<'JSON'
{"MetricAlarms": [
  {"AlarmName": "p90-evaluate", "MetricName": "RejectedBytes", "Namespace": "VPCFlowLogs", "ExtendedStatistic": "p90", "Period": 60,
   "EvaluationPeriods": 1, "Threshold": 1000, "ComparisonOperator": "GreaterThanThreshold", "EvaluateLowSampleCountPercentile": "evaluate"},
  {"AlarmName": "p90-ignore", "MetricName": "RejectedBytes", "Namespace": "VPCFlowLogs", "ExtendedStatistic": "p90", "Period": 60,
   "EvaluationPeriods": 1, "Threshold": 1000, "ComparisonOperator": "GreaterThanThreshold", "EvaluateLowSampleCountPercentile": "ignore"}]}
JSON
flowmon check --config filters.json --config alarms.json rejects.log
echo "exit $?"
