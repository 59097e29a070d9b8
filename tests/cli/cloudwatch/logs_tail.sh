# `aws logs tail` output, detected automatically: each line's timestamp is
# the event time (here 112 s after the first flow started), the message is
# the record; the log stream name is dropped. The default (detailed)
# format, then --format short (no stream, seconds, UTC).
cat > tail.txt <<'TAIL'
2019-07-14T12:45:00.123000+00:00 eni-0d5d75b41f9befe9e-all 2 086112738802 eni-0d5d75b41f9befe9e 61.177.172.128 172.31.83.158 39611 22 6 1 40 1563108188 1563108227 REJECT OK
2019-07-14T12:57:10.000000+00:00 eni-0d5d75b41f9befe9e-all 2 086112738802 eni-0d5d75b41f9befe9e 182.68.238.8 172.31.83.158 42227 22 6 1 44 1563109030 1563109067 REJECT OK
2019-07-15T11:44:29.000000+00:00 eni-0d5d75b41f9befe9e-all 2 086112738802 eni-0d5d75b41f9befe9e 42.171.23.181 172.31.83.158 52417 22 6 24 4065 1563191069 1563191121 ACCEPT OK
2019-07-14T12:45:00.123000+00:00 eni-0d5d75b41f9befe9e-all 2 086112738802 eni-0d5d75b41f9befe9e 61.177.172.128 172.31.83.158 39611 80 6 1 40 1563108188 1563108227 REJECT OK
TAIL
echo "detailed:"
flowmon filter '[..., dstport=22, protocol, packets, bytes, start, end, action=REJECT, status]' tail.txt
echo "the event time wins over start:"
flowmon filter -c --since 2019-07-14T12:44:00Z REJECT tail.txt
flowmon query 'stats count(*) as n by bin(1m)' tail.txt
sed -E 's/^([^.]*)\.[0-9]+\+00:00 [^ ]+ /\1 /' tail.txt > short.txt
echo "short:"
head -1 short.txt
flowmon filter -c --since 2019-07-14T12:44:00Z REJECT short.txt
echo "from a pipe, forced:"
cat short.txt | flowmon filter -o ndjson --input-format tail '[..., dstport=80, protocol, packets, bytes, start, end, action, status]'
