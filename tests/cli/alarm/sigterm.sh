# SIGTERM ends a stream cleanly: the final summary still comes out.
mkfifo in
( cat samples/ssh_rejects.log; sleep 30 ) > in &
writer=$!
flowmon alarm -o json --pattern '[..., dstport=22, protocol, packets, bytes, start, end, action=REJECT, status]' --threshold 1 --comparison GreaterThanOrEqualToThreshold in > out.json &
alarm=$!
sleep 1
kill -TERM $alarm
wait $alarm; echo "exit $?"
kill $writer 2>/dev/null
cat out.json
