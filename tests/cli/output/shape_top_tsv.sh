# docs/output.md's table, top -o tsv: one row per key: flows, packets, bytes, share; '-' keys are null.
flowmon top --by srcaddr/24,protocol --since 2019-07-14T12:45:00Z --limit 3 -o tsv samples/v2.log
