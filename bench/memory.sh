#!/usr/bin/env bash
# Issue #13, "memory": peak anonymous memory (RssAnon, not the mapped page
# cache) of filter, metric, top and alarm on the bench file mapped, with
# --no-mmap and through stdin; and of top with one million distinct keys.
#   bash bench/memory.sh [-b FLOWMON] [-s SIZE_MB]
# Target: <= 64 MiB for every row of the first table.
source "$(dirname "$0")/lib.sh"
data=$(bench_data "$size"); cat "$data" >/dev/null
peak="python3 $bench_root/bench/anon_peak.py"
P='[..., action=REJECT, status]'
declare -A q=(
  [filter]="filter --count $P"
  [metric]="metric --pattern $P --period 60"
  [top]="top --by srcaddr --where $P --limit 20"
  [alarm]="alarm --pattern $P --period 60 --threshold 1000 --comparison GreaterThanThreshold"
)
echo "== peak anonymous memory, MiB ($(du -h "$data" | cut -f1) of records; target <= 64)"
printf '%-8s %8s %9s %8s\n' command mapped --no-mmap stdin
worst=0
for c in filter metric top alarm; do
  read -r -a argv <<<"${q[$c]%%\[*}"
  pattern="[${q[$c]#*\[}"; pattern=${pattern%%\]*}]
  rest=${q[$c]#*\]}
  read -r -a tail <<<"$rest"
  m=$($peak -- "$bin" "${argv[@]}" "$pattern" "${tail[@]}" "$data")
  n=$($peak -- "$bin" "${argv[@]}" "$pattern" "${tail[@]}" --no-mmap "$data")
  s=$($peak --stdin "$data" -- "$bin" "${argv[@]}" "$pattern" "${tail[@]}")
  printf '%-8s %8s %9s %8s\n' "$c" "$m" "$n" "$s"
  for v in $m $n $s; do worst=$(python3 -c "print(max($worst, $v))"); done
done
python3 -c "print('target: <= 64 MiB:', '$worst MiB', 'met' if $worst <= 64 else 'MISSED')"

# One million distinct sources: the key table's memory.
keys=$dir/distinct-1m.log
if [[ ! -s $keys ]]; then
  python3 - >"$keys" <<'PY'
import sys
out = []
for i in range(1_000_000):
    a = f"10.{i >> 16 & 255}.{i >> 8 & 255}.{i & 255}" if i < 1 << 24 else "-"
    out.append(f"2 123456789010 eni-0123456789abcdef0 {a} 172.31.16.21 {1024 + i % 60000} 22 6 1 40 {1700000000 + i // 1000} {1700000060 + i // 1000} REJECT OK\n")
sys.stdout.write("".join(out))
PY
fi
echo "== top with one million distinct keys, MiB"
echo "top --by srcaddr (mapped): $($peak -- "$bin" top --by srcaddr --limit 20 "$keys")"
echo "top --by srcaddr (stdin):  $($peak --stdin "$keys" -- "$bin" top --by srcaddr --limit 20)"
