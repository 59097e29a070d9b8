#!/usr/bin/env bash
# Issue #13, "streams": the bench file through a pipe, at the pipe's own
# speed (`cat file | wc -l`).
#   bash bench/stream.sh [-b FLOWMON] [-s SIZE_MB] [-r RUNS]
# Target: filter through the pipe within 1.2x of `cat | wc -l`.
source "$(dirname "$0")/lib.sh"
data=$(bench_data "$size"); cat "$data" >/dev/null
P='[version, account, eni, source, destination, srcport, destport="22", protocol="6", packets, bytes, windowstart, windowend, action="REJECT", flowlogstatus]'
compare "streams: cat file | ..." "cat-wc<=1.2" -- \
  flowmon-filter "cat $data | $bin filter --count '$P'" \
  cat-wc "cat $data | wc -l" \
  flowmon-metric "cat $data | $bin metric --pattern '[..., action=REJECT, status]' --period 60" \
  flowmon-top "cat $data | $bin top --by srcaddr --where '[..., action=REJECT, status]' --limit 20"
