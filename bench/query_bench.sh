#!/usr/bin/env bash
# Times `flowmon query` against `flowmon top` and DuckDB on the same flow-log
# file, in one hyperfine run per query; quote the ratios, absolute times
# drift on shared machines (docs/benchmarks.md).
#
# usage: bench/query_bench.sh [-b path/to/flowmon] [-f FILE] [-r RUNS] [-t TASK]...
#   tasks: count_by_src   stats count(*) by srcAddr
#          sum_by_pair    stats sum(bytes) by srcAddr, dstAddr
#          reject_5m      filter action="REJECT" | stats count(*) by bin(5m)
# FILE defaults to the 1 GiB bench file, $FLOWMON_BENCH_DIR/flows-1024mb.log
# (made by `python3 gen_flowlogs.py 1024` of the shared bench scripts).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${FLOWMON:-./build/flowmon}
dir=${FLOWMON_BENCH_DIR:-/tmp/flowmon-bench}
data=$dir/flows-1024mb.log runs=5 tasks=()
usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }
while getopts "b:f:r:t:h" o; do
  case $o in b) bin=$OPTARG ;; f) data=$OPTARG ;; r) runs=$OPTARG ;; t) tasks+=("$OPTARG") ;;
    h) usage; exit 0 ;; *) usage >&2; exit 2 ;; esac
done
((${#tasks[@]})) || tasks=(count_by_src sum_by_pair reject_5m)
for task in "${tasks[@]}"; do
  case $task in count_by_src | sum_by_pair | reject_5m) ;; *) echo "unknown task $task" >&2; exit 2 ;; esac
done
[[ -s $data ]] || { echo "no bench file $data" >&2; exit 2; }
command -v hyperfine >/dev/null || { echo "hyperfine is needed (apt-get install hyperfine)" >&2; exit 2; }
# DuckDB: the npm package ships a prebuilt engine; installed once into the
# cache dir.
duck=$dir/duckdb
if [[ ! -d $duck/node_modules/@duckdb/node-api ]]; then
  mkdir -p "$duck" && (cd "$duck" && npm init -y >/dev/null 2>&1 &&
    npm install --silent @duckdb/node-api >/dev/null 2>&1) || echo "duckdb unavailable" >&2
fi
cp "$here/duckdb_stats.mjs" "$duck/stats.mjs"
cat "$data" >/dev/null  # warm the page cache

for task in "${tasks[@]}"; do
  case $task in
  count_by_src)
    cmds=("$bin query 'stats count(*) by srcAddr' $data"
          "$bin top --by srcaddr --limit 0 $data") ;;
  sum_by_pair)
    cmds=("$bin query 'stats sum(bytes) by srcAddr, dstAddr' $data"
          "$bin top --by srcaddr,dstaddr --sum bytes --limit 0 $data") ;;
  reject_5m)
    cmds=("$bin query 'filter action=\"REJECT\" | stats count(*) by bin(5m)' $data"
          "$bin top --by 5m --where '[..., action=REJECT, status]' --limit 0 $data") ;;
  *) echo "unknown task $task" >&2; exit 2 ;;
  esac
  cmds+=("node $duck/stats.mjs $data $task")
  echo "== $task on $(du -h "$data" | cut -f1) ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
  hyperfine -w 1 -r "$runs" --style basic --output=null \
    --export-markdown "$dir/query-$task.md" "${cmds[@]}" >/dev/null
  cat "$dir/query-$task.md"
done
