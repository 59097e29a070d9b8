#!/usr/bin/env bash
# Soak test (not in CI): an endless pipe of generated flow logs through
# `filter`, `metric`, `alarm` and `detect`, each for MINUTES, with the
# command's resident memory sampled every second. Prints the largest RSS
# per command; streaming memory must stay flat however long the pipe runs.
#
#   bench/soak.sh [MINUTES] [FLOWMON]     (defaults: 5, build/test/flowmon)
#
# The four pipes run at once; each flowmon reads a generator that would
# write a hundred years of traffic. Figures go in docs/benchmarks.md from a
# quiet machine only.
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-5}
flowmon=$(realpath "${2:-build/test/flowmon}")
[ -x "$flowmon" ] || { echo "soak: no flowmon at $flowmon (build it first)" >&2; exit 2; }
[[ $minutes =~ ^[0-9]+$ ]] && ((minutes > 0)) || { echo "soak: MINUTES must be a positive integer" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

pattern='[..., dstport=22, protocol, packets, bytes, start, end, action=REJECT, status]'
declare -A cmds=(
  [filter]="filter -c '$pattern'"
  [metric]="metric --pattern '$pattern' --period 60"
  [alarm]="alarm --pattern '$pattern' --threshold 5 --comparison GreaterThanOrEqualToThreshold"
  [detect]="detect"
)
names=(filter metric alarm detect)

declare -A pids
for name in "${names[@]}"; do
  # The pipe's flowmon is the last process of the pipeline: its pid is $!.
  eval "\"$flowmon\" gen --duration 36500d --seed 7 | \"$flowmon\" ${cmds[$name]} - \
    >\"$work/$name.out\" 2>\"$work/$name.err\" &"
  pids[$name]=$!
done

rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }
declare -A max
for name in "${names[@]}"; do max[$name]=0; done
end=$(($(date +%s) + minutes * 60))
while (($(date +%s) < end)); do
  for name in "${names[@]}"; do
    r=$(rss_kb "${pids[$name]}")
    ((r > max[$name])) && max[$name]=$r
  done
  sleep 1
done

status=0
for name in "${names[@]}"; do
  if ! kill -0 "${pids[$name]}" 2>/dev/null; then
    echo "soak: $name ended before the time was up:" >&2
    tail -5 "$work/$name.err" >&2
    status=1
  fi
  # SIGTERM ends the stream as at end of input; the generator then gets
  # SIGPIPE.
  kill -TERM "${pids[$name]}" 2>/dev/null || true
done
wait || true
printf 'soak: %d min per command (flowmon %s)\n' "$minutes" "$flowmon"
printf '  %-7s max RSS %8s KiB\n' filter "${max[filter]}" metric "${max[metric]}" \
  alarm "${max[alarm]}" detect "${max[detect]}"
exit "$status"
