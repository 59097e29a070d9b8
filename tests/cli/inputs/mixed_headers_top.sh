# Keys come from each input's own columns (top once read b.log and c.log
# with a.log's column indexes), also when one stream switches its format
# at each header line.
flowmon top --by dstport -o csv samples/mixed_headers
flowmon top --by srcaddr --sum bytes -o csv samples/mixed_headers
flowmon top --by dstport,srcaddr --where REJECT -o csv samples/mixed_headers
cat samples/mixed_headers/a.log samples/mixed_headers/b.log samples/mixed_headers/c.log | flowmon top --by dstport -o csv
