# A key holding ',' or '"' is quoted in CSV (RFC 4180), as filter and query
# quote; TSV writes it as it is.
printf '%s\n' \
  '2 123456789012 eni-1 10.0.0.1 10.0.0.2 1 22 6 1 60 1563108021 1563108074 ACCEPT,X OK' \
  '2 123456789012 eni-1 10.0.0.1 10.0.0.2 1 22 6 1 60 1563108021 1563108074 ACCEPT,X OK' \
  '2 123456789012 eni-1 10.0.0.1 10.0.0.2 1 22 6 1 60 1563108021 1563108074 RE"JECT OK' > keys.log
flowmon top --by action -o csv keys.log
flowmon top --by action,dstport -o tsv keys.log
