#!/usr/bin/env bash
# Builds a Release flowmon and shows the rejected SSH records of the samples.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release -DFLOWMON_BUILD_TESTS=OFF >/dev/null
cmake --build build/release -j"$(nproc)" >/dev/null
set -x
./build/release/flowmon filter '[version, account, eni, source, destination, srcport, destport="22", protocol="6", packets, bytes, windowstart, windowend, action="REJECT", flowlogstatus]' samples/ssh_rejects.log
./build/release/flowmon filter -c '[..., dstport=22, protocol, packets, bytes, start, end, action=REJECT, status]' samples/AWSLogs/
