# A start no time can be (past 9999-12-31, negative, 1e300) is a bad value:
# reported and counted as malformed, never a minute in 1969 (a float-to-int
# overflow once put them all at 1969-12-31T23:58:52Z).
for start in 1563108188 9223372036854775807 -9223372036854775808 1e300 253402300800; do
  echo "2 123456789012 eni-1 10.0.0.1 10.0.0.2 1 22 6 1 40 $start 1563108227 REJECT OK"
done > extreme.log
flowmon metric --pattern '[..., action=REJECT, status]' extreme.log
