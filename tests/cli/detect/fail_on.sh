# Exit 1 only when a finding is at least --fail-on severe.
flowmon gen --duration 3h --scenario ssh-brute-force:at=01:00 > ssh.log
flowmon detect -q -o ndjson --fail-on high ssh.log > /dev/null; echo "high: $?"
flowmon detect -q -o ndjson --fail-on low ssh.log > /dev/null; echo "low: $?"
flowmon detect -q -o ndjson --fail-on 2 ssh.log > /dev/null; echo "2: $?"
flowmon gen --duration 3h | flowmon detect -q --fail-on low > /dev/null; echo "nothing: $?"
