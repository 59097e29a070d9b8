# The same records without their header line (as CloudWatch Logs delivers
# them), named by --format: the very same fields and values as through the
# header line.
for f in default tcp_flags nat_gateway transit_gateway traffic_path encryption_status; do
  file=samples/aws_examples/$f.log
  format=$(head -n 1 $file | sed -E 's/([^ ]+)/${\1}/g')
  tail -n +2 $file | flowmon filter --format "$format" -o ndjson '' > by_format.ndjson
  flowmon filter -o ndjson '' $file > by_header.ndjson
  cmp by_format.ndjson by_header.ndjson && echo "$f: $(wc -l < by_format.ndjson) records, the same through --format '$format'"
done
# The default format needs no --format at all.
tail -n +2 samples/aws_examples/default.log | flowmon filter -c ''
