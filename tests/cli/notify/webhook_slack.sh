. "$(dirname "$0")/lib.bash"
start_listener ok
flowmon alarm -q --notify "webhook:$url" --notify-format slack --name ssh-rejects --pattern "$SSH" --threshold 1 --comparison GreaterThanOrEqualToThreshold samples/ssh_rejects.log > /dev/null
kill $listener
cut -d' ' -f2- bodies.txt | head -1
