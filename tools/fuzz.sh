#!/usr/bin/env bash
# Runs flowmon's libFuzzer harnesses (tests/fuzz/, docs/fuzzing.md).
#
#   tools/fuzz.sh HOURS   every harness, HOURS split evenly between them;
#                         findings in build/fuzz/findings/<harness>/, new
#                         inputs in build/fuzz/corpus/<harness>/ (kept
#                         between runs), a summary at the end
#   tools/fuzz.sh --ci    what CI runs: each harness for a fixed number of
#                         runs from a fixed seed; fails on any finding
#
# Harnesses build in build/fuzz (clang, -DFLOWMON_FUZZ=ON). FUZZERS="a b"
# picks harnesses.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build=build/fuzz

usage() { echo "usage: tools/fuzz.sh HOURS | --ci" >&2; exit 2; }
(($# == 1)) || usage
mode=long
if [ "$1" = --ci ]; then
  mode=ci
elif ! [[ $1 =~ ^[0-9]+([.][0-9]+)?$ ]]; then
  usage
fi

all=(pattern regex pipeline cloudwatch insights check_config gzip parquet)
read -r -a fuzzers <<<"${FUZZERS:-${all[*]}}"

# Seeds: tests/fuzz/corpus/<harness>/ and the samples and test data each
# harness reads (read only: libFuzzer writes to the first directory only).
seeds() {
  local d="tests/fuzz/corpus/$1"
  case $1 in
    pipeline) echo "$d samples samples/aws_examples samples/mixed_headers samples/tgw samples/detect" ;;
    cloudwatch) echo "$d samples/cloudwatch" ;;
    check_config) echo "$d samples/check" ;;
    gzip) echo "$d samples samples/cloudwatch" ;;
    parquet) echo "$d tests/data/parquet" ;;
    *) echo "$d" ;;
  esac
}
dict() {
  case $1 in
    pattern) echo tests/fuzz/dict/pattern.dict ;;
    regex) echo tests/fuzz/dict/regex.dict ;;
    pipeline) echo tests/fuzz/dict/flowlog.dict ;;
    cloudwatch) echo tests/fuzz/dict/json.dict ;;
    insights) echo tests/fuzz/dict/insights.dict ;;
    check_config) echo tests/fuzz/dict/check.dict ;;
    parquet) echo tests/fuzz/dict/parquet.dict ;;
    *) echo "" ;;
  esac
}
# The longest input: past a SIMD block and the pattern limit, room for a
# config or Parquet file, small enough to run fast.
max_len() {
  case $1 in
    parquet) echo 32768 ;;
    check_config | pipeline | cloudwatch) echo 16384 ;;
    *) echo 4096 ;;
  esac
}
# CI: runs per harness, chosen for about 30-60 s each on a 2-core runner
# (docs/fuzzing.md has the measured times).
ci_runs() {
  case $1 in
    pattern) echo 25000 ;;
    regex) echo 20000 ;;
    pipeline) echo 3000 ;;
    cloudwatch) echo 3500 ;;
    insights) echo 9000 ;;
    check_config) echo 7000 ;;
    gzip) echo 60000 ;;
    parquet) echo 8000 ;;
  esac
}

if [ ! -x "$build/tests/fuzz/pattern_fuzz" ] || [ "$mode" = ci ]; then
  CXX=${CXX:-clang++} cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release \
    "-DCMAKE_CXX_FLAGS_RELEASE=-O1 -gline-tables-only" \
    -DFLOWMON_BUILD_TESTS=OFF -DFLOWMON_FUZZ=ON >/dev/null
  cmake --build "$build" -j"$(nproc)" --target fuzzers
fi

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
seconds=0
if [ "$mode" = long ]; then
  seconds=$(awk -v h="$1" -v n="${#fuzzers[@]}" 'BEGIN { printf "%d", h * 3600 / n }')
fi
summary=()
failed=0
for f in "${fuzzers[@]}"; do
  corpus="$build/corpus/$f"
  findings="$build/findings/$f"
  mkdir -p "$corpus" "$findings"
  [ "$mode" = ci ] && rm -rf "${corpus:?}"/* "${findings:?}"/*
  args=(-max_len="$(max_len "$f")" -timeout=10 -rss_limit_mb=2048
        -artifact_prefix="$findings/" -print_final_stats=1)
  d=$(dict "$f")
  [ -n "$d" ] && args+=(-dict="$d")
  if [ "$mode" = ci ]; then
    args+=(-seed=1 -runs="$(ci_runs "$f")" -max_total_time=120)
  else
    args+=(-max_total_time="$seconds")
  fi
  log="$build/findings/$f.log"
  # shellcheck disable=SC2046  # seeds() lists directories
  start=$(date +%s)
  if "$build/tests/fuzz/${f}_fuzz" "${args[@]}" "$corpus" $(seeds "$f") >"$log" 2>&1; then
    status=ok
  else
    status=FINDING
    failed=1
  fi
  took=$(($(date +%s) - start))
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  edges=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 | cut -d' ' -f2 || true)
  found=$(find "$findings" -maxdepth 1 -type f -name '*-*' | wc -l)
  summary+=("$(printf '%-13s %-8s %8s runs %6s edges %4ss %3s artifacts' \
    "$f" "$status" "${runs:-?}" "${edges:-?}" "$took" "$found")")
  if [ "$status" != ok ]; then
    echo "== $f: finding (log $log)" >&2
    grep -E -A30 'ERROR: |runtime error|deadly signal|Timeout|out-of-memory' "$log" | head -60 >&2 || true
  fi
done
echo "fuzz summary ($mode; findings under $root/$build/findings):"
printf '  %s\n' "${summary[@]}"
exit "$failed"
