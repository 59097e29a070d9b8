flowmon filter -o csv '[..., action=REJECT, status]' samples/ssh_rejects.log
