# docs/output.md's table: gen writes inputs, not results: json, ndjson, csv
# and tsv are errors naming the formats it has.
flowmon gen -o json; echo "exit $?"
flowmon gen -o ndjson; echo "exit $?"
flowmon gen -o csv; echo "exit $?"
flowmon gen -o tsv; echo "exit $?"
