# Transit Gateway flow logs as AWS delivers them: gzip objects in the S3
# tree (each with its header line), and CloudWatch Logs events (no header:
# --format tgw).
dir=AWSLogs/123456789010/vpcflowlogs/us-east-1/2023/11/14
mkdir -p $dir
(head -n 1 samples/tgw/tgw_flows.log; sed -n 2,5p samples/tgw/tgw_flows.log) | gzip > $dir/123456789010_vpcflowlogs_us-east-1_fl-0123456789abcdef0_20231114T2215Z_hash1.log.gz
(head -n 1 samples/tgw/tgw_flows.log; sed -n 6,9p samples/tgw/tgw_flows.log) | gzip > $dir/123456789010_vpcflowlogs_us-east-1_fl-0123456789abcdef0_20231114T2220Z_hash2.log.gz
flowmon top --by tgw-attachment-id --sum bytes -o csv AWSLogs
flowmon filter -c --since 2023-11-14T00:00:00Z --until 2023-11-15T00:00:00Z '' AWSLogs
{
  echo '{"events": ['
  tail -n +2 samples/tgw/tgw_flows.log | head -n 3 | awk '{ printf "%s{\"logStreamName\": \"tgw-attach-0a1b2c3d4e5f60718\", \"timestamp\": %d000, \"message\": \"%s\"}", (NR > 1 ? ",\n" : ""), $24, $0 }'
  echo ']}'
} > events.json
flowmon filter --format tgw -o csv '[..., direction=ingress, srcsvc, dstsvc]' events.json
