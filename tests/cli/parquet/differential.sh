# Parquet files DuckDB wrote (tests/data/parquet/generate.mjs) give the
# records of the text file they came from: the same NDJSON, byte for byte,
# for each codec, with nulls, dictionary and PLAIN pages, four row groups.
data=$(dirname "$0")/../../data/parquet
cp "$data"/flows.log "$data"/*.parquet .
flowmon filter -o ndjson '[]' flows.log > text.ndjson
for f in flows_gzip flows_snappy flows_none; do
  flowmon filter -o ndjson '[]' $f.parquet > $f.ndjson
  cmp text.ndjson $f.ndjson && echo "$f: same $(wc -l < $f.ndjson) records"
done
# Version 2 data pages (dictionary-encoded, nulls in action): the columns
# they hold, cut from the text file.
awk '{print $2, $13, $14}' flows.log | flowmon filter -o ndjson '[]' - > few.ndjson
flowmon filter -o ndjson '[]' flows_v2pages.parquet > v2pages.ndjson
cmp few.ndjson v2pages.ndjson && echo "flows_v2pages: same $(wc -l < v2pages.ndjson) records"
# The check: counts equal the text file's.
flowmon filter -c '[..., action=REJECT, status]' flows.log
flowmon filter -c '[..., action=REJECT, status]' flows_gzip.parquet
