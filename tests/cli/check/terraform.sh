# terraform show -json output, of a plan (with a child module) and of a state.
flowmon check --config samples/check/terraform-plan.json samples/ssh_rejects.log
echo "exit $?"
# Both give the same verdicts as the describe output they were made from.
flowmon check --config samples/check/metric-filters.json --config samples/check/alarms.json -o ndjson samples/ssh_rejects.log | sed 's/"origin":"[^"]*",//' > describe.out
for f in terraform-plan.json terraform-state.json; do
  flowmon check --config samples/check/$f -o ndjson samples/ssh_rejects.log | grep -v '"skipped"' | sed 's/"origin":"[^"]*",//' > tf.out
  cmp describe.out tf.out && echo "$f: same verdicts ($(wc -l < tf.out) alarms)"
done
flowmon check --config samples/check/terraform-state.json --expect 'ssh-rejects=fires,ends-in OK' -o ndjson samples/ssh_rejects.log | python3 -c "import json,sys; [print(a['name'], a['origin'], a['verdict']) for a in map(json.loads, sys.stdin)]"
