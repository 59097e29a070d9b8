#!/usr/bin/env bash
# Issue #13, row 2 and "terms and JSON patterns": the term REJECT and the
# quoted term "REJECT" against `rg -c REJECT` (CPU time, as in the issue);
# a JSON pattern on JSON lines made from the same records against jq and rg.
#   bash bench/filter_terms.sh [-b FLOWMON] [-s SIZE_MB] [-r RUNS]
# Target: >= 1.5x rg's CPU time on the term.
source "$(dirname "$0")/lib.sh"
data=$(bench_data "$size"); cat "$data" >/dev/null
cmds=(flowmon-term "$bin filter -c REJECT $data"
      flowmon-quoted "$bin filter -c '\"REJECT\"' $data")
have rg ripgrep && cmds+=(rg "rg -c REJECT $data")
compare "filter: the term REJECT" "rg>=1.5cpu" -- "${cmds[@]}"

# JSON lines: one object per record, a tenth of the size (jq is slow).
json=$dir/flows-$((size / 10 > 0 ? size / 10 : 1))mb.ndjson
if [[ ! -s $json ]]; then
  head -c $(((size / 10 > 0 ? size / 10 : 1) << 20)) "$data" | head -n -1 | mawk '{
    printf "{\"version\":%s,\"account\":\"%s\",\"eni\":\"%s\",\"srcaddr\":\"%s\",\"dstaddr\":\"%s\",\"srcport\":\"%s\",\"dstport\":\"%s\",\"protocol\":\"%s\",\"packets\":\"%s\",\"bytes\":\"%s\",\"start\":%s,\"end\":%s,\"action\":\"%s\",\"status\":\"%s\"}\n",
      $1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14 }' >"$json"
fi
cat "$json" >/dev/null
cmds=(flowmon-json "$bin filter -c '{ \$.action = \"REJECT\" }' $json")
have jq jq && cmds+=(jq "jq -c 'select(.action == \"REJECT\")' $json | wc -l")
have rg ripgrep && cmds+=(rg "rg -c '\"action\":\"REJECT\"' $json")
compare "filter: a JSON pattern on $(du -h "$json" | cut -f1) of JSON lines" "" -- "${cmds[@]}"
