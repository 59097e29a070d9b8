# A metric filter on Transit Gateway flow logs: space-delimited patterns
# are positional, so name the fields by their place in the Transit Gateway
# format (here: ..., packets-lost-no-route is the 28th of 36).
flowmon metric -o csv --pattern '[version, rtype, account, tgw, attachment, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, src, dst, sport, dport, proto, packets, bytes, start, end, status, iptype, noroute > 0, ...]' --value '$noroute' samples/tgw/tgw_flows.log
tail -n +2 samples/tgw/tgw_flows.log | flowmon metric -o csv --format tgw --pattern '[..., region, direction=ingress, srcsvc, dstsvc]' --value '1'
