# Keys come from each input's own columns (top once read b.log and c.log
# with a.log's column indexes); the three concatenated on one stream are one
# input whose later header lines name the format of the lines after them,
# so the stream gives the same rows as the three files.
flowmon top --by dstport -o csv samples/mixed_headers
flowmon top --by srcaddr --sum bytes -o csv samples/mixed_headers
flowmon top --by dstport,srcaddr --where REJECT -o csv samples/mixed_headers
cat samples/mixed_headers/a.log samples/mixed_headers/b.log samples/mixed_headers/c.log | flowmon top --by dstport -o csv
