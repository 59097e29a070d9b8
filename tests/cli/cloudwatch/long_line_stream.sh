# A Firehose object is one line (payloads back to back): read from a pipe,
# a line of 3 MB is kept whole, as when the file is read by path.
python3 - <<'PY'
import gzip
event = ('{"id":"1","timestamp":1563108188000,"message":"2 123456789012 eni-1 '
         '10.0.0.1 10.0.0.2 443 49152 6 10 840 1563108188 1563108227 ACCEPT OK"}')
message = ('{"messageType":"DATA_MESSAGE","owner":"123456789012","logGroup":"vpc",'
           '"logStream":"eni-1-all","logEvents":[' + ','.join([event] * 100) + ']}')
with gzip.open('big-firehose.gz', 'wt') as f:
    f.write(message * 225)
PY
echo "by path: $(flowmon filter -c '[]' big-firehose.gz)"
echo "from a pipe: $(cat big-firehose.gz | flowmon filter -c '[]')"
echo "inflated, from a pipe: $(zcat big-firehose.gz | flowmon filter -c '[]')"
