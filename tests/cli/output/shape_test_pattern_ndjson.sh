# docs/output.md's table, test-pattern -o ndjson: one entry per match (csv/tsv: per extracted value).
flowmon test-pattern -o ndjson '[..., dstport=22, protocol, packets, bytes, start, end, action=REJECT, status]' samples/ssh_rejects.log
