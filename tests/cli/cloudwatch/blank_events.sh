# CloudWatch events that are only white space (or empty) are events: the
# patterns "" and " " match every event, as in CloudWatch. Blank lines of
# text files are still skipped.
cat > events.json <<'JSON'
{"events": [
 {"timestamp": 1563108188000, "message": "2 086112738802 eni-0d5d75b41f9befe9e 61.177.172.128 172.31.83.158 39611 22 6 1 40 1563108188 1563108227 REJECT OK"},
 {"timestamp": 1563108189000, "message": " "},
 {"timestamp": 1563108190000, "message": ""},
 {"timestamp": 1563109030000, "message": "2 086112738802 eni-0d5d75b41f9befe9e 182.68.238.8 172.31.83.158 42227 22 6 1 44 1563109030 1563109067 REJECT OK"}
]}
JSON
echo '"":'; flowmon filter -c --format raw '""' events.json
echo '" ":'; flowmon filter -c --format raw '" "' events.json
echo '"[]":'; flowmon filter -c --format raw '[]' events.json
echo 'REJECT:'; flowmon filter -c --format raw 'REJECT' events.json
echo 'the counts add up:'; flowmon filter --verbose -c --format raw --invert REJECT events.json
echo 'the events themselves:'; flowmon filter --format raw '""' events.json | sed 's/^$/(empty)/; s/^ $/(space)/' | cut -c1-40
echo 'a text file:'; printf 'a b\n\n   \nc\n' > plain.log; flowmon filter --verbose -c --format raw '""' plain.log
