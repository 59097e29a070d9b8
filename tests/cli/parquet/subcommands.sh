# Every subcommand reads Parquet as it reads the text file it came from.
data=$(dirname "$0")/../../data/parquet
cp "$data"/flows.log "$data"/flows_snappy.parquet .
for f in flows.log flows_snappy.parquet; do
  echo "== $f"
  flowmon metric --pattern '[..., action=REJECT, status]' --period 60 $f
  flowmon top --by srcaddr --where '[..., action=REJECT, status]' --limit 3 $f
  flowmon query 'stats sum(bytes) as b by dstPort | sort b desc | limit 3' $f
  flowmon filter -c '[version, account, eni, source, destination, srcport, destport="22", protocol="6", ...]' $f
done
# alarm, check and test-pattern too.
for f in flows.log flows_snappy.parquet; do
  echo "== $f"
  flowmon alarm --pattern '[..., action=REJECT, status]' --period 60 --threshold 30 --comparison GreaterThanThreshold $f
  flowmon test-pattern '[..., action=REJECT, status]' $f | tail -3
done
# check: the same verdicts (its report names the input, so the names are cut).
for f in flows.log flows_snappy.parquet; do
  flowmon check --config samples/check/metric-filters.json --config samples/check/account-alarms.json $f > $f.check
  echo "check exit $?"
done
sed 's/flows_snappy.parquet/flows.log/g' flows_snappy.parquet.check | cmp - flows.log.check && echo "check: same report ($(wc -l < flows.log.check) lines)"
