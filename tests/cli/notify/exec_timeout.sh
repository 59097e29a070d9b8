. "$(dirname "$0")/lib.bash"
# A command past its timeout is killed (its process group); SIGTERM to
# flowmon ends a command with a long timeout at once, and flowmon with it.
flowmon alarm -q --notify '{timeout=0.3}exec:sleep 30' --pattern "$SSH" --threshold 1 --comparison GreaterThanOrEqualToThreshold samples/ssh_rejects.log > /dev/null 2> err.txt
echo "exit $?"
cat err.txt
start=$(date +%s)
flowmon alarm -q --notify '{timeout=600}exec:sleep 30' --pattern "$SSH" --threshold 1 --comparison GreaterThanOrEqualToThreshold samples/ssh_rejects.log > /dev/null 2> err2.txt &
pid=$!
sleep 1
kill -TERM $pid
wait $pid
echo "exit $?"
[ $(( $(date +%s) - start )) -lt 10 ] && echo "ended by SIGTERM"
cat err2.txt
