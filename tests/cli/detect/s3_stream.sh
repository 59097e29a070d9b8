# The same findings from the S3 layout, a file and a stream.
flowmon gen --duration 3h --scenario ssh-brute-force:at=01:00 --scenario gap:host=api,at=01:30,minutes=40 --s3 out
flowmon gen --duration 3h --scenario ssh-brute-force:at=01:00 --scenario gap:host=api,at=01:30,minutes=40 > flat.log
flowmon detect -o ndjson out > a.json
flowmon detect -o ndjson flat.log > b.json
cat flat.log | flowmon detect -o ndjson > c.json
cmp a.json b.json && cmp b.json c.json && wc -l < a.json
