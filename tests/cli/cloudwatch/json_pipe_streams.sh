# aws logs JSON pages on a pipe are converted page by page: the first
# page's matches come out while the writer still holds the pipe open.
mkfifo in
( cat samples/cloudwatch/filter-log-events.json; exec sleep 20 ) > in 2>/dev/null &
writer=$!
flowmon filter -o ndjson '[..., action=REJECT, status]' in > out.ndjson &
pid=$!
for _ in $(seq 400); do
  [ -s out.ndjson ] && break
  sleep 0.05
done
echo "before the end of input: $(wc -l < out.ndjson) records"
kill -TERM $pid
wait $pid; echo "exit $?"
kill $writer
