#!/usr/bin/env bash
# Builds flowmon with its tests (warnings are errors) and runs them all; then
# the same suite under ASan+UBSan, the unit tests (the threaded pipeline and
# sinks) under TSan, and every libFuzzer harness for a fixed number of runs
# (docs/fuzzing.md). Each stage has its own build directory and prints how
# long it took.
#
#   tools/test.sh          the stages CI runs: test asan tsan fuzz
#   tools/test.sh STAGE..  only these: test asan tsan fuzz
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
jobs=$(nproc)
stages=("$@")
((${#stages[@]} > 0)) || stages=(test asan tsan fuzz)

# Sanitizer builds: clang, optimised enough to run the suite quickly, line
# tables for the reports' stack traces. Warnings are the gcc build's job.
sanitized() {  # DIR SANITIZERS
  CXX=clang++ cmake -S . -B "$1" -DCMAKE_BUILD_TYPE=Release \
    "-DCMAKE_CXX_FLAGS_RELEASE=-O1 -gline-tables-only" \
    -DFLOWMON_BUILD_TESTS=ON -DFLOWMON_SANITIZE="$2" >/dev/null
}
# A sanitizer report fails the test it happens in (the builds do not
# recover); tests get more time than in the plain build.
export ASAN_OPTIONS=detect_leaks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1

times=()
for stage in "${stages[@]}"; do
  start=$(date +%s)
  case $stage in
    test)
      cmake -S . -B build/test -DCMAKE_BUILD_TYPE=Release -DFLOWMON_BUILD_TESTS=ON -DFLOWMON_WERROR=ON >/dev/null
      cmake --build build/test -j"$jobs"
      ctest --test-dir build/test --output-on-failure -j"$jobs"
      ;;
    asan)
      # The CLI tests run build/asan/flowmon (ctest passes each test its
      # build's binary).
      sanitized build/asan address,undefined,float-cast-overflow
      cmake --build build/asan -j"$jobs"
      ctest --test-dir build/asan --output-on-failure -j"$jobs" --timeout 900
      ;;
    tsan)
      sanitized build/tsan thread
      cmake --build build/tsan -j"$jobs" --target flowmon_tests
      # The unit tests hold the threaded runs (pipeline workers, sinks'
      # Absorb, detect, notify's delivery threads); one process, all tests.
      build/tsan/tests/flowmon_tests
      ;;
    fuzz)
      bash tools/fuzz.sh --ci
      ;;
    *)
      echo "tools/test.sh: unknown stage '$stage' (test asan tsan fuzz)" >&2
      exit 2
      ;;
  esac
  times+=("$stage $(($(date +%s) - start))s")
done
echo "tools/test.sh: stage times: ${times[*]}"
