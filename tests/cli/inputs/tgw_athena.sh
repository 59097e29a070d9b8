# The Athena table for Transit Gateway flow logs: every column of their
# default format, in order, with AWS's types.
flowmon athena ddl --format tgw --bucket my-flow-logs --account 123456789010 --region us-east-1 --table tgw_flows
flowmon athena sql --format tgw --top tgw-attachment-id --sum bytes --since 2023-11-14 --until 2023-11-15
# They have no action column.
flowmon athena sql --format tgw --top action
