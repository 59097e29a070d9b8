#!/usr/bin/env bash
# Builds a Release flowmon and installs it with its man pages and bash, zsh
# and fish completions: PREFIX (default /usr/local) and DESTDIR (staging,
# as for packaging) are honoured. With --deb, builds the .deb instead
# (build/release/flowmon_*.deb) and installs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=${PREFIX:-/usr/local}
bash tools/install-deps.sh
cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release -DFLOWMON_BUILD_TESTS=OFF \
  -DCMAKE_INSTALL_PREFIX="$prefix" >/dev/null
cmake --build build/release -j"$(nproc)" >/dev/null
if [ "${1:-}" = "--deb" ]; then
  # A package installs under /usr, whatever PREFIX says.
  (cd build/release && cpack -G DEB -D CPACK_PACKAGING_INSTALL_PREFIX=/usr >/dev/null)
  ls build/release/flowmon_*.deb
  exit 0
fi
sudo=""
target="${DESTDIR:-}$prefix"
mkdir -p "$target" 2>/dev/null || true
if [ ! -w "$target" ] && [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
$sudo env DESTDIR="${DESTDIR:-}" cmake --install build/release
echo "flowmon: installed ${DESTDIR:-}$prefix/bin/flowmon ($("./build/release/flowmon" --version))" >&2
