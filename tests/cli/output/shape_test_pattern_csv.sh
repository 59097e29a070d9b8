# docs/output.md's table, test-pattern -o csv: one entry per match (csv/tsv: per extracted value).
flowmon test-pattern -o csv '[..., dstport=22, protocol, packets, bytes, start, end, action=REJECT, status]' samples/ssh_rejects.log
