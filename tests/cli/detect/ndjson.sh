# A finding per line as it is decided, in GuardDuty's shape.
flowmon gen --duration 3h --scenario ssh-brute-force:at=01:00 | flowmon detect -o ndjson
