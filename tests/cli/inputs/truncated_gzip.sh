# The records before the damage come out; the exit status is 3.
flowmon filter -c '[]' samples/truncated.log.gz
