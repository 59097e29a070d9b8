# top on Transit Gateway flow logs: their own fields (attachments, VPCs, the
# packets-lost counters) and the shared ones work, by header line or by
# --format tgw.
flowmon top --by tgw-attachment-id,flow-direction --sum bytes samples/tgw/tgw_flows.log
tail -n +2 samples/tgw/tgw_flows.log | flowmon top --format tgw --by tgw-src-vpc-id,tgw-dst-vpc-id -o csv
flowmon top --by 1m --sum packets -o csv samples/tgw/tgw_flows.log
# They have no action: a key the format lacks is an error naming the field
# and the format (exit 3), never a quiet empty table.
flowmon top --by action samples/tgw/tgw_flows.log
