# The same records without a header (a CloudWatch export), named by --format.
flowmon filter -c --format '${version} ${vpc-id} ${subnet-id} ${instance-id} ${interface-id} ${account-id} ${type} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${pkt-srcaddr} ${pkt-dstaddr} ${protocol} ${bytes} ${packets} ${start} ${end} ${action} ${tcp-flags} ${log-status} ${flow-direction} ${traffic-path} ${reject-reason}' '[..., reject=BPA]' samples/custom_noheader.log
# Without it, no line fits the default format: one input error (exit 3).
flowmon filter -q -c '[]' samples/custom_noheader.log
