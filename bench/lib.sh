# Shared by the bench/*.sh drivers (sourced): options, the bench data, the
# peers, and one hyperfine run whose ratios bench/ratios.py prints.
#
# Every driver takes: -b FLOWMON (default ./build/release/flowmon, else
# ./build/flowmon), -s SIZE_MB of generated v2 records (default 1024),
# -r RUNS (default 5). Data is generated once per size (deterministic) into
# $FLOWMON_BENCH_DIR (default /tmp/flowmon-bench), the directory the shared
# peers.sh uses.
set -euo pipefail
bench_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bin="" size=1024 runs=5
while getopts "b:s:r:" o; do
  case $o in b) bin=$OPTARG ;; s) size=$OPTARG ;; r) runs=$OPTARG ;;
  *) echo "usage: $0 [-b FLOWMON] [-s SIZE_MB] [-r RUNS]" >&2; exit 2 ;; esac
done
if [[ -z $bin ]]; then
  for b in "$bench_root/build/release/flowmon" "$bench_root/build/flowmon"; do
    [[ -x $b ]] && { bin=$b; break; }
  done
fi
[[ -n $bin && -x $bin ]] || { echo "no flowmon binary: build one or pass -b" >&2; exit 2; }
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
dir=${FLOWMON_BENCH_DIR:-/tmp/flowmon-bench}
mkdir -p "$dir"
# The shared generator and DuckDB query (../shared/bench beside the repo).
shared=${FLOWMON_SHARED_BENCH:-$bench_root/../shared/bench}
[[ -f $shared/gen_flowlogs.py ]] || shared=/work/shared/bench
command -v hyperfine >/dev/null || { echo "hyperfine is needed (apt-get install hyperfine)" >&2; exit 2; }

# Prints the path of SIZE_MB of generated records, making it once.
bench_data() {
  local f=$dir/flows-${1}mb.log
  [[ -s $f ]] || python3 "$shared/gen_flowlogs.py" "$1" >"$f"
  echo "$f"
}

# True when the peer command exists; says so when it does not.
have() {
  command -v "$1" >/dev/null && return 0
  echo "($1 not installed: its rows are left out; apt-get install $2)" >&2
  return 1
}

# DuckDB from npm (a prebuilt engine), installed once into the cache dir;
# prints the query script's path, or nothing when npm is unavailable.
duckdb_script() {
  local duck=$dir/duckdb
  if [[ ! -d $duck/node_modules/@duckdb/node-api ]]; then
    mkdir -p "$duck" && (cd "$duck" && npm init -y >/dev/null 2>&1 &&
      npm install --silent @duckdb/node-api >/dev/null 2>&1) ||
      { echo "(DuckDB unavailable: its rows are left out)" >&2; return 0; }
  fi
  cp "$shared/duckdb_query.mjs" "$duck/q.mjs"
  echo "$duck/q.mjs"
}

# compare TITLE TARGETS -- NAME CMD [NAME CMD]...: one hyperfine run (shell,
# warm-up 1), the first command being flowmon's; prints each command's
# median wall and CPU time and its ratio to the first. TARGETS are
# "NAME>=X" (NAME at least X times flowmon's time) or "NAME<=X" (flowmon at
# most X times NAME's), checked and printed as met or missed.
compare() {
  local title=$1 targets=$2
  shift 3
  local args=()
  while (($#)); do args+=(-n "$1" "$2"); shift 2; done
  local json
  json=$(mktemp "$dir/run.XXXXXX.json")
  echo "== $title ($(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))"
  hyperfine -i -w 1 -r "$runs" --style none --export-json "$json" "${args[@]}" >/dev/null
  python3 "$bench_root/bench/ratios.py" "$json" "$targets"
  rm -f "$json"
}
