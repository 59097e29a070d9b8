F="--config samples/check/metric-filters.json --config samples/check/account-alarms.json"
flowmon check $F --alarm 'nope-*' samples/ssh_rejects.log; echo "exit $?"
flowmon check $F --expect 'cpu-high-web-1=fires' samples/ssh_rejects.log; echo "exit $?"
flowmon check $F --alarm 'ssh-*' --expect 'rejected-bytes-high=fires' samples/ssh_rejects.log; echo "exit $?"
flowmon check $F --expect 'ssh-rejects=fire' samples/ssh_rejects.log; echo "exit $?"
flowmon check $F --expect 'ssh-rejects=transitions two' samples/ssh_rejects.log; echo "exit $?"
flowmon check $F --expect 'fires' samples/ssh_rejects.log; echo "exit $?"
flowmon check $F -o yaml samples/ssh_rejects.log; echo "exit $?"
printf '{"expectations":{"cpu-high-web-1":"OK"}}' > e.json
flowmon check $F --config e.json samples/ssh_rejects.log; echo "exit $?"
# Every alarm selected is skipped: nothing would be checked.
flowmon check $F --alarm 'cpu-*' --alarm 'alb-*' samples/ssh_rejects.log; echo "exit $?"
