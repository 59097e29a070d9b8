#!/usr/bin/env bash
# Issue #13, "many files": an S3 tree of 64 .log.gz files (the bench data
# split and gzipped) on every core against one thread; and one big .gz
# against `zcat | wc -l` and flowmon on the plain file.
#   bash bench/gzip_inputs.sh [-b FLOWMON] [-s SIZE_MB] [-r RUNS]
# Target: the tree on all cores >= 1.8x the one-thread rate on 2 cores.
source "$(dirname "$0")/lib.sh"
data=$(bench_data "$size"); cat "$data" >/dev/null
tree=$dir/s3-${size}mb
leaf=$tree/AWSLogs/123456789010/vpcflowlogs/us-east-1/2023/11/14
if [[ ! -s $leaf/part-63.log.gz ]]; then
  mkdir -p "$leaf"
  split -n l/64 -d -a 2 "$data" "$leaf/part-"
  for f in "$leaf"/part-??; do mv "$f" "$f.log"; gzip -6 -f "$f.log"; done
fi
big=$dir/flows-${size}mb.log.gz
[[ -s $big ]] || gzip -6 -c "$data" >"$big"
cat "$leaf"/*.gz "$big" >/dev/null
compare "64 .log.gz files: all cores against one thread" "one-thread>=1.8" -- \
  flowmon "$bin filter -c REJECT $tree" \
  one-thread "$bin filter -c REJECT --threads 1 $tree"
compare "one big .gz" "" -- \
  flowmon-gz "$bin filter -c REJECT $big" \
  zcat-wc "zcat $big | wc -l" \
  flowmon-plain "$bin filter -c REJECT $data"
