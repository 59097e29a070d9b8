# A custom format brings the instance, VPC and subnet into the resource;
# -o json writes every finding at the end.
flowmon gen --duration 3h --scenario port-probe:at=01:00 --scenario port-scan:kind=horizontal,at=02:00 \
  --format '${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status} ${vpc-id} ${subnet-id} ${instance-id} ${flow-direction}' > custom.log
flowmon detect -o json custom.log
