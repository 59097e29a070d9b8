#!/usr/bin/env bash
# Issue #13, row 3: REJECT records per minute against DuckDB and mawk.
#   bash bench/metric_minute.sh [-b FLOWMON] [-s SIZE_MB] [-r RUNS]
# Targets: >= 6x DuckDB, >= 12x mawk.
source "$(dirname "$0")/lib.sh"
data=$(bench_data "$size"); cat "$data" >/dev/null
duck=$(duckdb_script)
cmds=(flowmon "$bin metric --pattern '[..., action=REJECT, status]' --period 60 $data")
[[ -n $duck ]] && cmds+=(duckdb "node $duck $data minute")
have mawk mawk && cmds+=(mawk "mawk '\$13==\"REJECT\"{c[int(\$11/60)]++} END{for(k in c) print k*60, c[k]}' $data")
compare "metric: REJECT per minute" "duckdb>=6 mawk>=12" -- "${cmds[@]}"
