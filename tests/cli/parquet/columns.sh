# Column-wise reading: each command decodes only the Parquet columns it can
# observe (and its pattern's one-field conditions first), yet every
# subcommand prints what it prints on the text file, on one thread and on
# several (row groups decode in parallel). flows_gzip.parquet has four row
# groups. Only differences are printed, then one line per command.
data=$(dirname "$0")/../../data/parquet
cp "$data"/flows.log "$data"/flows_gzip.parquet .
n=0
same() {
  n=$((n + 1))
  for t in 1 3; do
    flowmon "$@" --threads $t flows.log > text.out 2> text.err
    echo "exit $?" >> text.out
    flowmon "$@" --threads $t flows_gzip.parquet > pq.out 2> pq.err
    echo "exit $?" >> pq.out
    sed -i 's/flows_gzip.parquet/flows.log/g' pq.out pq.err
    if cmp -s text.out pq.out && cmp -s text.err pq.err; then
      echo "same ($n, threads $t): $(wc -l < text.out) lines"
    else
      echo "DIFFERENT ($n, threads $t): flowmon $*"
      diff text.out pq.out | head -5
      diff text.err pq.err | head -5
    fi
  done
}
P='[..., action=REJECT, status]'
same filter -c "$P"
same filter -c -v "$P"
same filter -c '[version, account, eni, src, dst, srcport, dstport=443 || dstport=53, protocol, packets, bytes>1000000, ...]'
same filter -c '[version, account, eni, src, dst, srcport=443 || dstport=443, dstport, ...]'
same filter -c --since 1700000100 --until 1700000400 "$P"
same filter -c 'REJECT'
same filter "$P"
same filter -o ndjson '[..., bytes>3000000, start, end, action=ACCEPT, status]'
same filter -o csv -v "$P"
same metric --pattern "$P" --period 60
same metric --pattern '[version, account, eni, src, dst, srcport, dstport, protocol, packets, bytes, start, end, action=REJECT, status]' --value '$bytes' --dimension 'Port=$dstport' --period 300 --stat Sum
same metric --pattern "$P" --default-value 0 --period 60
same top --by srcaddr --where "$P" --limit 3
same top --by dstport,5m --sum bytes --where '[..., action=ACCEPT, status]' --limit 4
same top --by srcaddr/16 --limit 3
same query 'filter action="REJECT" | stats count(*) as n by bin(5m) | sort n desc | limit 3'
same query 'fields @message | filter dstPort = 22 | limit 2'
same query 'stats sum(bytes) as b, count(*) by srcAddr, dstPort | sort b desc | limit 3'
same query 'fields srcAddr, dstPort | filter dstPort = 22 and action = "ACCEPT" | limit 3'
same query 'filter packets > 4000 | stats avg(bytes) by bin(1m) | limit 3'
same alarm --pattern "$P" --period 60 --threshold 30 --comparison GreaterThanThreshold
same test-pattern "$P"
same check --config samples/check/metric-filters.json --config samples/check/account-alarms.json
same detect
