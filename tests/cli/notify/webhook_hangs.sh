. "$(dirname "$0")/lib.bash"
# A listener that never answers: each attempt times out (0.3 s here).
start_listener hang
start=$(date +%s)
flowmon alarm --notify "webhook:$url" --notify-timeout 0.3 --notify-retries 0 --pattern "$SSH" --threshold 1 --comparison GreaterThanOrEqualToThreshold samples/ssh_rejects.log > /dev/null 2> err.txt
echo "exit $?"
kill $listener
[ $(( $(date +%s) - start )) -lt 10 ] && echo "bounded"
sed "s/127.0.0.1:[0-9]*/127.0.0.1:PORT/; s/after [0-9]* milliseconds/after N milliseconds/; s/Operation timed out.*with 0 bytes received/Timeout was reached/" err.txt
