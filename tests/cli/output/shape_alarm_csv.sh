# docs/output.md's table, alarm -o csv: the alarm's replay: transitions (and, but for csv/tsv, the datapoints).
flowmon alarm -o csv --name ssh-rejects --pattern '[version, account, eni, source, destination, srcport, destport="22", protocol="6", packets, bytes, windowstart, windowend, action="REJECT", flowlogstatus]' --threshold 1 --comparison GreaterThanOrEqualToThreshold samples/ssh_rejects.log
