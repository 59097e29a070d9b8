# Typed output never writes a string for an integer field: a record whose
# srcport is "abc" is a malformed line (bad-value), reported with its line
# and a caret and counted in the summary. "-" (no value) is null, and
# digits are a number even with a leading zero.
cat > bad.log <<'LOG'
2 123456789012 eni-0a1b2c3d4e5f60718 61.177.172.218 10.0.1.25 abc 22 6 1 40 1563115010 1563115030 REJECT OK
2 123456789012 eni-0a1b2c3d4e5f60718 61.177.172.218 10.0.1.25 30123 22 6 1 40 1563115010 1563115030 REJECT OK
2 123456789012 eni-0a1b2c3d4e5f60718 - - - - - - - 1563115010 1563115030 - NODATA
2 123456789012 eni-0a1b2c3d4e5f60718 61.177.172.218 10.0.1.25 30124 22 6 1 4O 1563115010 1563115030 REJECT OK
2 123456789012 eni-0a1b2c3d4e5f60718 61.177.172.218 10.0.1.25 030125 22 6 1 40 1563115010 1563115030 REJECT OK
LOG
flowmon filter -o ndjson '[]' bad.log
flowmon filter -o json --verbose '[..., action=REJECT, status]' bad.log
flowmon filter -o csv --max-report 0 '[]' bad.log
# Records the pattern does not select are not looked at.
flowmon filter -o ndjson '[..., status=NODATA]' bad.log
# Text prints the records as they are, and -c counts them.
flowmon filter '[]' bad.log
flowmon filter -c -o json '[]' bad.log
