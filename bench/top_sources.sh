#!/usr/bin/env bash
# Issue #13, row 4: the top 20 sources of rejected records against DuckDB
# and mawk.
#   bash bench/top_sources.sh [-b FLOWMON] [-s SIZE_MB] [-r RUNS]
# Targets: >= 6x DuckDB, >= 12x mawk.
source "$(dirname "$0")/lib.sh"
data=$(bench_data "$size"); cat "$data" >/dev/null
duck=$(duckdb_script)
cmds=(flowmon "$bin top --by srcaddr --where '[..., action=REJECT, status]' --limit 20 $data")
[[ -n $duck ]] && cmds+=(duckdb "node $duck $data top")
have mawk mawk && cmds+=(mawk "mawk '\$13==\"REJECT\"{c[\$4]++} END{for(k in c) print c[k],k}' $data | sort -rn | head -20")
compare "top: 20 rejected sources" "duckdb>=6 mawk>=12" -- "${cmds[@]}"
