#!/usr/bin/env bash
# Installs the Debian packages flowmon builds and tests with, if missing.
set -euo pipefail
pkgs=(g++ cmake make pkg-config python3 gzip
      libcli11-dev libfmt-dev libspdlog-dev catch2 libdeflate-dev zlib1g-dev libsnappy-dev
      libsimdjson-dev libre2-dev libcurl4-openssl-dev libyaml-cpp-dev)
# Tests only: the Trino grammar the athena_sql tests parse flowmon's SQL
# with (their DuckDB comes from npm, when the registry is reachable); the
# stand-in SMTP server and the SigV4 check of the stand-in AWS server.
pkgs+=(python3-sqlglot python3-aiosmtpd python3-botocore)
# Tests only: the sanitizer builds and the libFuzzer harnesses (clang's
# ASan, UBSan, TSan and libFuzzer runtimes; docs/fuzzing.md).
pkgs+=(clang libclang-rt-14-dev)
# Tests only: rendering the man pages (groff -ww, man -l), a terminal for
# the colour tests (script(1) from bsdutils), the .deb's dependencies
# (dpkg-shlibdeps from dpkg-dev).
pkgs+=(groff-base man-db bsdutils dpkg-dev)
# Tests only: loading the zsh and fish completions (install/completions).
pkgs+=(zsh fish)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
((${#missing[@]} == 0)) && exit 0
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "flowmon: installing ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
