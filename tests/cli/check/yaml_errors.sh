# Errors in YAML name the file and the line.
cat > t.yaml <<'YAML'
Resources:
  Filter:
    Type: AWS::Logs::MetricFilter
    Properties:
      LogGroupName: !Ref Group
      FilterPattern: REJECT
      MetricTransformations:
        - {MetricName: m, MetricNamespace: n, MetricValue: "1"}
  Alarm:
    Type: AWS::CloudWatch::Alarm
    Properties:
      MetricName: m
      Namespace: n
      Statistic: Sum
      Period: 60
      EvaluationPeriods: 1
      Threshold: !Ref AlarmThreshold
      ComparisonOperator: GreaterThanThreshold
YAML
flowmon check --config t.yaml samples/v2.log; echo "exit $?"
sed -e 's/!Ref AlarmThreshold/1/' -e 's/FilterPattern: REJECT/FilterPattern:\n        Fn::Sub: "${Action}"/' t.yaml > sub.yaml
flowmon check --config sub.yaml samples/v2.log; echo "exit $?"
sed -e 's/!Ref AlarmThreshold/1/' -e 's/MetricName: m$/MetricName: !ImportValue shared-metric/' t.yaml > import.yaml
flowmon check --config import.yaml samples/v2.log; echo "exit $?"
# An intrinsic in the AlarmName: the alarm is named by its logical id.
sed -e 's/!Ref AlarmThreshold/1000/' -e 's/MetricName: m$/MetricName: m\n      AlarmName: !Sub "${AWS::StackName}-rejects"/' t.yaml > name.yaml
flowmon check --config name.yaml samples/v2.log; echo "exit $?"
printf 'Resources:\n  A: [1, 2\n' > broken.yaml
flowmon check --config broken.yaml samples/v2.log; echo "exit $?"
printf -- '- Resources\n' > list.yaml
flowmon check --config list.yaml samples/v2.log; echo "exit $?"
