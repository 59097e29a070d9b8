# The seed lab: the SSH-reject alarm goes to ALARM in the minute of each
# rejected SSH attempt, with CloudWatch's reason text; it ends in ALARM: exit 1.
flowmon alarm --pattern '[version, account, eni, source, destination, srcport, destport="22", protocol="6", packets, bytes, windowstart, windowend, action="REJECT", flowlogstatus]' --threshold 1 --comparison GreaterThanOrEqualToThreshold samples/ssh_rejects.log
