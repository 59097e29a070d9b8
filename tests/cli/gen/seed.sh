# The same seed writes the same bytes; another seed does not.
flowmon gen --duration 2h --scenario spike:at=01:00 | md5sum
flowmon gen --duration 2h --scenario spike:at=01:00 | md5sum
flowmon gen --duration 2h --scenario spike:at=01:00 --seed 2 | md5sum
