. "$(dirname "$0")/lib.bash"
# A Microsoft Teams body (Workflows: one Adaptive Card), with a header whose
# token comes from the environment.
export HOOK_TOKEN=t0k3n
start_listener ok
flowmon alarm -q --notify "{format=teams;on=ALARM;header=Authorization: Bearer \${HOOK_TOKEN}}webhook:$url" --name ssh-rejects --pattern "$SSH" --threshold 1 --comparison GreaterThanOrEqualToThreshold samples/ssh_rejects.log > /dev/null
kill $listener
cut -d' ' -f2- bodies.txt | head -1
