# Three S3 objects whose header lines order (and choose) the fields
# differently. Text output repeats each input's header before its records;
# CSV keeps the first input's columns and puts every record's fields under
# them by name (a column an input lacks is empty); JSON names each field.
flowmon filter REJECT samples/mixed_headers
flowmon filter -o csv REJECT samples/mixed_headers
flowmon filter -o ndjson ACCEPT samples/mixed_headers
# The three objects concatenated on one stream: each later header line names
# the format of the lines after it, so the records come out as from the files.
cat samples/mixed_headers/a.log samples/mixed_headers/b.log samples/mixed_headers/c.log | flowmon filter REJECT
cat samples/mixed_headers/a.log samples/mixed_headers/b.log samples/mixed_headers/c.log | flowmon filter -o ndjson ACCEPT
