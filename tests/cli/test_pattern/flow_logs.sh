flowmon test-pattern -o json '[..., dstport=22, protocol, packets, bytes, start, end, action=REJECT, status]' samples/ssh_rejects.log
