# Transit Gateway flow log records in their default format (every field of
# the Transit Gateway table, versions 2 to 6), behind their S3 header line.
flowmon filter -o ndjson '' samples/tgw/tgw_flows.log
flowmon filter -o csv '[..., region, direction=egress, srcsvc, dstsvc]' samples/tgw/tgw_flows.log
