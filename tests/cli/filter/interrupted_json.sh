# An interrupted `filter -o json` (SIGINT) ends its input as at its end, and
# still closes its array: the output is valid JSON.
mkfifo in
( cat samples/ssh_rejects.log; exec sleep 20 ) > in 2>/dev/null &
writer=$!
set -m  # a background job then gets SIGINT as a foreground one does
flowmon filter -o json '[..., action=REJECT, status]' in > out.json &
pid=$!
set +m
# A pipe is live: each chunk's matches are written as they arrive.
for _ in $(seq 400); do
  [ "$(grep -c '"action"' out.json 2>/dev/null)" = 3 ] && break
  sleep 0.05
done
kill -INT $pid
wait $pid
echo "exit $?"
kill $writer
python3 -c 'import json; print(len(json.load(open("out.json"))), "records, valid JSON")'
