cat samples/ssh_rejects.log | flowmon filter -c '[..., action=REJECT, status]'
cat samples/ssh_rejects.log | flowmon filter -c '[..., action=REJECT, status]' -
