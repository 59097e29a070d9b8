# Every example record of AWS's "Flow log record examples" page (VPC User
# Guide) and of the VPC encryption controls post, each file behind the
# header line S3 would write for its format: the records come out with the
# documented field names and types.
for f in default tcp_flags nat_gateway transit_gateway traffic_path encryption_status; do
  echo "== $f"
  flowmon filter -o ndjson '' samples/aws_examples/$f.log
done
