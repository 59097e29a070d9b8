printf '{"MetricAlarms":[{"AlarmName":"a","Metrics":[],"MetricName":"m","Namespace":"n","Statistic":"Sum","Period":60,"EvaluationPeriods":1,"Threshold":1,"ComparisonOperator":"GreaterThanThreshold"}]}' > math.json
flowmon check --config math.json samples/v2.log; echo "exit $?"
printf '{"MetricAlarms":[{"AlarmName":"a","MetricName":"m","Namespace":"n","Statistic":"Sum","Period":60,"EvaluationPeriods":1,"Threshold":1,"ComparisonOperator":"GreaterThanThreshold","Colour":"red"}]}' > lonely.json
flowmon check --config lonely.json samples/v2.log; echo "exit $?"
printf '{"Resources":{"A":{"Type":"AWS::CloudWatch::Alarm","Properties":{"MetricName":{"Ref":"M"},"Namespace":"n","Statistic":"Sum","Period":60,"EvaluationPeriods":1,"Threshold":1,"ComparisonOperator":"GreaterThanThreshold"}}}}' > ref.json
flowmon check --config ref.json samples/v2.log; echo "exit $?"
printf '{"monitors":[{"name":"x","pattern":"[a,","threshold":1,"comparison":"GreaterThanThreshold"}]}' > badpattern.json
flowmon check --config badpattern.json samples/v2.log; echo "exit $?"
printf '{"something":"else"}' > other.json
flowmon check --config other.json samples/v2.log; echo "exit $?"
printf '{"metricFilters":[' > broken.json
flowmon check --config broken.json samples/v2.log; echo "exit $?"
printf '{"MetricAlarms":[{"AlarmName":"a","MetricName":"m","Namespace":"n","Statistic":"Sum","Period":60,"EvaluationPeriods":1,"Threshold":1,"ComparisonOperator":"GreaterThanThreshold","Dimensions":["x"]}]}' > dimobj.json
flowmon check --config dimobj.json samples/v2.log; echo "exit $?"
printf '{"Resources":{"F":{"Type":"AWS::Logs::MetricFilter","Properties":{"FilterPattern":"","LogGroupName":"g","MetricTransformations":[{"MetricName":"m","MetricNamespace":"n","MetricValue":"1","Dimensions":[{"Value":"$srcaddr"}]}]}}}}' > dimkey.json
flowmon check --config dimkey.json samples/v2.log; echo "exit $?"
