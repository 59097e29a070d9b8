# A header line naming a field flowmon does not know (AWS keeps adding
# them) is still a header line: the field is read as a string, with one
# warning for the whole run, however many files repeat it.
printf 'version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status future-field\n' > head.txt
(cat head.txt; sed -n 2p samples/aws_examples/default.log | sed 's/$/ value-1/') > a.log
(cat head.txt; sed -n 3p samples/aws_examples/default.log | sed 's/$/ -/') > b.log
cat a.log b.log | gzip > c.log.gz
flowmon filter -o ndjson '' a.log b.log c.log.gz
# top and query can use it by its name.
flowmon top --by action,future-field a.log b.log
flowmon query 'stats count(*) as n by `future-field`' a.log b.log
