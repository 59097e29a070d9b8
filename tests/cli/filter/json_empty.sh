flowmon filter -o json '[..., action=NOPE, status]' samples/ssh_rejects.log
