# Logs Insights queries on Transit Gateway flow logs: their fields by
# Insights name (camelCase) or by flow-log name.
flowmon query 'stats sum(bytes) as bytes, sum(packetsLostBlackhole) as blackholed by tgwAttachmentId | sort bytes desc' samples/tgw/tgw_flows.log
flowmon query 'filter `packets-lost-no-route` > 0 | fields srcAddr, dstAddr, tgwPairAttachmentId' samples/tgw/tgw_flows.log
# A field the format lacks is null in every record, as in Logs Insights:
# action is never "REJECT" there.
flowmon query 'filter action = "REJECT" | stats count(*) as n' samples/tgw/tgw_flows.log
flowmon query 'fields srcAddr, action | limit 1' samples/tgw/tgw_flows.log
