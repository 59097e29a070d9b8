#!/usr/bin/env bash
# Issue #13, "check with many monitors": 10 metric filters, each with an
# alarm, over the bench file in one pass, against one `metric` run.
#   bash bench/check_monitors.sh [-b FLOWMON] [-s SIZE_MB] [-r RUNS]
# Target: check <= 1.5x one metric.
source "$(dirname "$0")/lib.sh"
data=$(bench_data "$size"); cat "$data" >/dev/null
cfg=$dir/ten-monitors
mkdir -p "$cfg"
python3 - "$cfg" <<'PY'
import json, sys
d = sys.argv[1]
# Ten questions about rejected or missing traffic, as a security team's
# monitors would be: each has a literal for the prefilter.
pats = [('ssh', 'destport="22", protocol="6", packets, bytes, windowstart, windowend, action="REJECT"'),
        ('rdp', 'destport="3389", protocol, packets, bytes, windowstart, windowend, action="REJECT"'),
        ('telnet', 'destport="23", protocol, packets, bytes, windowstart, windowend, action="REJECT"'),
        ('smb', 'destport="445", protocol, packets, bytes, windowstart, windowend, action="REJECT"'),
        ('mssql', 'destport="1433", protocol, packets, bytes, windowstart, windowend, action="REJECT"'),
        ('mysql', 'destport="3306", protocol, packets, bytes, windowstart, windowend, action="REJECT"'),
        ('udp-rejects', 'destport, protocol="17", packets, bytes, windowstart, windowend, action="REJECT"'),
        ('nodata', 'destport, protocol, packets, bytes, windowstart, windowend, action, flowlogstatus="NODATA"'),
        ('skipdata', 'destport, protocol, packets, bytes, windowstart, windowend, action, flowlogstatus="SKIPDATA"'),
        ('web-rejects', 'destport="8080", protocol, packets, bytes, windowstart, windowend, action="REJECT"')]
filters, alarms = [], []
for name, tail in pats:
    if 'flowlogstatus' not in tail:
        tail += ', flowlogstatus'
    filters.append({"filterName": name, "logGroupName": "vpc-flow-logs",
        "filterPattern": "[version, account, eni, source, destination, srcport, " + tail + "]",
        "metricTransformations": [{"metricName": name, "metricNamespace": "Bench", "metricValue": "1"}]})
    alarms.append({"AlarmName": name + "-high", "MetricName": name, "Namespace": "Bench",
        "Statistic": "Sum", "Period": 60, "EvaluationPeriods": 1, "Threshold": 1000.0,
        "ComparisonOperator": "GreaterThanThreshold", "TreatMissingData": "notBreaching"})
json.dump({"metricFilters": filters}, open(d + "/metric-filters.json", "w"), indent=1)
json.dump({"MetricAlarms": alarms, "CompositeAlarms": []}, open(d + "/alarms.json", "w"), indent=1)
PY
compare "check: 10 monitors in one pass against one metric" "metric<=1.5" -- \
  check "$bin check --config $cfg/metric-filters.json --config $cfg/alarms.json $data >/dev/null" \
  metric "$bin metric --pattern '[version, account, eni, source, destination, srcport, destport=\"22\", protocol=\"6\", packets, bytes, windowstart, windowend, action=\"REJECT\", flowlogstatus]' --period 60 $data"
