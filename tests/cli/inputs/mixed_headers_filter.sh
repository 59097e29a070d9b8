# Three S3 objects whose header lines order (and choose) the fields
# differently. Text output repeats each input's header before its records;
# CSV keeps the first input's columns and puts every record's fields under
# them by name (a column an input lacks is empty); JSON names each field.
flowmon filter REJECT samples/mixed_headers
flowmon filter -o csv REJECT samples/mixed_headers
flowmon filter -o ndjson ACCEPT samples/mixed_headers
