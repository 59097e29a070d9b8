# A CloudFormation template in YAML: intrinsic functions on keys that do not
# change the evaluation are ignored with a warning; the EC2 alarm is skipped.
flowmon check --config samples/check/template.yaml samples/v2.log
echo "exit $?"
# The same verdicts as the JSON template.
for log in samples/v2.log samples/check/ssh-burst.log; do
  flowmon check -q --config samples/check/template.json -o ndjson $log | sed 's/"origin":"[^"]*",//' > json.out
  flowmon check -q --config samples/check/template.yaml -o ndjson $log | grep -v '"skipped"' | sed 's/"origin":"[^"]*",//' > yaml.out
  cmp json.out yaml.out && echo "$log: same verdicts ($(wc -l < json.out) alarms)"
done
