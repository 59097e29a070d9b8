# docs/output.md's table, test-pattern -o text: one entry per match (csv/tsv: per extracted value).
flowmon test-pattern -o text '[..., dstport=22, protocol, packets, bytes, start, end, action=REJECT, status]' samples/ssh_rejects.log
