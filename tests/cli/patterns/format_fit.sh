# Space-delimited patterns bind fields by position, as in CloudWatch. When
# the names of a pattern say other fields than the ones at their positions,
# or the pattern cannot fit the format's field count, a warning says so
# before the records, with the pattern that binds what the names say.
#
# A custom format whose 13th field is traffic-path: `action` binds it.
CUSTOM='${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${action} ${traffic-path} ${log-status}'
awk '{ print $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $13, 1, $14 }' samples/v2.log > custom14.log
flowmon filter -c --format "$CUSTOM" '[..., action=REJECT, status]' custom14.log
flowmon filter -c --format "$CUSTOM" '[..., action=REJECT, traffic_path, status]' custom14.log
# An S3 object whose header line orders the fields its own way: the
# warning comes once for the format, however many inputs have it.
flowmon filter -c '[..., action=REJECT, status]' samples/custom_fields.log samples/custom_fields.log
flowmon filter -c '[..., action=REJECT, tcp_flags, status, flow_direction, traffic_path, reject_reason]' samples/custom_fields.log
# The AWS guide's names, one field too many and no '...': no record can match.
flowmon filter -c '[version, account, eni, source, destination, srcport, destport="22", protocol="6", packets, bytes, windowstart, windowend, action="REJECT", flowlogstatus, extra]' samples/ssh_rejects.log
flowmon filter -c '[a, b, c]' samples/ssh_rejects.log
# Names that are no flow-log fields, raw text and other pattern kinds: nothing.
flowmon filter -c '[a, b, c, d, e, f, g, h, i, j, k, l, m, n=OK]' samples/ssh_rejects.log
flowmon filter -c --format raw '[ip, user, username, timestamp, request, status_code = 2* && bytes > 4000, bytes]' samples/apache.log
flowmon filter -c REJECT samples/custom_fields.log
