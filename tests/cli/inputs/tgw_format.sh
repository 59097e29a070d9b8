# Without the header line (CloudWatch Logs), --format tgw names the same
# fields: the output is the same as through the header line.
tail -n +2 samples/tgw/tgw_flows.log | flowmon filter --format tgw -o ndjson '' > by_format.ndjson
flowmon filter -o ndjson '' samples/tgw/tgw_flows.log > by_header.ndjson
cmp by_format.ndjson by_header.ndjson && echo "$(wc -l < by_format.ndjson) records, the same through --format tgw"
tail -n +2 samples/tgw/tgw_flows.log | flowmon filter --format tgw -o csv '[..., noroute>0, blackhole, mtu, ttl, flags, region, direction, srcsvc, dstsvc]'
