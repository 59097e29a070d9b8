#!/usr/bin/env bash
# Times `flowmon check` with the samples' configs on the 1 GiB bench file,
# for two builds in one hyperfine run (issue #9: check matching through the
# pipeline, with the literal prefilter). Quote the ratios (docs/benchmarks.md).
#
# usage: bench/check_bench.sh -a OLD_FLOWMON -b NEW_FLOWMON [-f FILE] [-r RUNS]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
dir=${FLOWMON_BENCH_DIR:-/tmp/flowmon-bench}
data=$dir/flows-1024mb.log runs=5 old="" new=""
while getopts "a:b:f:r:" o; do
  case $o in a) old=$OPTARG ;; b) new=$OPTARG ;; f) data=$OPTARG ;; r) runs=$OPTARG ;; *) exit 2 ;; esac
done
[[ -n $old && -n $new ]] || { echo "usage: $0 -a OLD -b NEW [-f FILE] [-r RUNS]" >&2; exit 2; }
[[ -s $data ]] || python3 "$here/../shared/bench/gen_flowlogs.py" 1024 >"$data"
cat "$data" >/dev/null  # warm the page cache
c=$here/samples/check
pair="check --config $c/metric-filters.json --config $c/alarms.json $data"
monitors="check --config $c/monitors.json $data"
# check exits 1 when a monitor fails; the time is what is compared.
hyperfine -N -i -w 1 -r "$runs" \
  -n "old: metric-filters + alarms" "$old $pair" \
  -n "new: metric-filters + alarms" "$new $pair" \
  -n "old: monitors.json" "$old $monitors" \
  -n "new: monitors.json" "$new $monitors" --export-markdown /dev/stdout
