# What the Parquet reader does not read is an input error (exit 3) that
# names the thing: other encodings and codecs, truncated and corrupt files.
data=$(dirname "$0")/../../data/parquet
cp "$data"/flows_delta.parquet "$data"/flows_zstd.parquet "$data"/flows_gzip.parquet .
flowmon filter -c '[]' flows_delta.parquet; echo "exit $?"
flowmon filter -c '[]' flows_zstd.parquet; echo "exit $?"
# Cut short: no footer, no "PAR1" at the end.
head -c 9000 flows_gzip.parquet > truncated.parquet
flowmon filter -c '[]' truncated.parquet; echo "exit $?"
# A footer length larger than the file.
{ head -c $(($(wc -c < flows_gzip.parquet) - 8)) flows_gzip.parquet; printf '\377\377\377\000PAR1'; } > long_footer.parquet
flowmon filter -c '[]' long_footer.parquet; echo "exit $?"
# Garbage in the footer.
size=$(wc -c < flows_gzip.parquet)
footer=$(od -An -tu4 -j $((size - 8)) -N4 flows_gzip.parquet | tr -d ' ')
{ head -c $((size - 8 - footer)) flows_gzip.parquet; head -c "$footer" /dev/zero | tr '\0' '\377'; tail -c 8 flows_gzip.parquet; } > bad_footer.parquet
flowmon filter -c '[]' bad_footer.parquet; echo "exit $?"
# Damaged pages (a page header zeroed).
{ head -c 4 flows_gzip.parquet; head -c 6000 /dev/zero; tail -c +6005 flows_gzip.parquet; } > bad_pages.parquet
flowmon filter -c '[]' bad_pages.parquet; echo "exit $?"
# Parquet on a pipe: its footer is out of reach.
cat flows_gzip.parquet | flowmon filter -c '[]' -; echo "exit $?"
# Schemas it does not read: nested, a DOUBLE column, no flow-log names.
cp "$data"/nested.parquet "$data"/double.parquet "$data"/unnamed.parquet .
for f in nested double unnamed; do flowmon filter -c '[]' $f.parquet; echo "exit $?"; done
