# A headerless custom-format file read in the default format: no line has
# its field count, so the input is an input error with one message that
# says which format was assumed, what the lines look like and what fixes
# it (not a report per line and a count of 0 with exit 1).
flowmon filter -c '[..., action=REJECT, status]' samples/custom_noheader.log
echo "exit $?"
# The wrong --format on default-format records.
flowmon filter -c --format '${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action}' '[]' samples/ssh_rejects.log
echo "exit $?"
# Other inputs still count; every line read is still counted once.
flowmon filter --verbose -c '[..., action=REJECT, status]' samples/custom_noheader.log samples/ssh_rejects.log
echo "exit $?"
# A pipe is told after its first chunk; without --max-report there is no
# example line.
cat samples/custom_noheader.log | flowmon filter -c --max-report 0 '[]'
echo "exit $?"
# A header line whose field count no line has.
printf 'version srcaddr dstaddr\n2 10.0.1.25 52.94.201.63 443\n2 10.0.1.25 52.94.201.63 443 6\n' > short_header.log
flowmon filter '[]' short_header.log
echo "exit $?"
# One line that fits is enough: the others are bad lines, reported as such.
{ head -2 samples/custom_noheader.log; head -1 samples/v2.log; } > mostly_custom.log
flowmon filter -c '[]' mostly_custom.log
