# SIGTERM or SIGINT on a long filter over a pipe (an endless generator):
# the input ends there and the output is still finished (the JSON array is
# closed), a message says the result covers only what was read, and the
# exit status is 128 + the signal: 143 for SIGTERM, 130 for SIGINT.
for sig in TERM INT; do
  rm -f in && mkfifo in
  flowmon gen --duration 36500d --seed 7 > in 2>/dev/null &
  writer=$!
  set -m  # a background job then gets SIGINT as a foreground one does
  flowmon filter -o json '[..., action=REJECT, status]' in > out.json 2> err.txt &
  pid=$!
  set +m
  # A pipe is live: matches are written as they arrive.
  for _ in $(seq 600); do
    # out.json may not exist yet: the shell opens it in the job.
    n=$(grep -c '"action"' out.json 2>/dev/null)
    [ "${n:-0}" -ge 3 ] && break
    sleep 0.05
  done
  kill -$sig $pid
  wait $pid
  echo "SIG$sig: exit $?"
  kill $writer 2>/dev/null
  wait $writer 2>/dev/null
  python3 -c 'import json; n = len(json.load(open("out.json"))); print("partial result:", "valid JSON," if n >= 3 else "too short:", "3 or more records" if n >= 3 else n)'
  cat err.txt
done
