#!/usr/bin/env bash
# Builds flowmon with its tests (warnings are errors) and runs them all.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
cmake -S . -B build/test -DCMAKE_BUILD_TYPE=Release -DFLOWMON_BUILD_TESTS=ON -DFLOWMON_WERROR=ON >/dev/null
cmake --build build/test -j"$(nproc)"
ctest --test-dir build/test --output-on-failure -j"$(nproc)"
