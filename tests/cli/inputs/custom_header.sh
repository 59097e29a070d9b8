# A v8 custom format described by its header line, as S3 writes it.
flowmon filter -o ndjson '[version, vpc, subnet, instance, eni, account, type, src, dst, sport, dport=22, ...]' samples/custom_fields.log
