# The seed lab: the rejected SSH records of the four sample records.
flowmon filter '[version, account, eni, source, destination, srcport, destport="22", protocol="6", packets, bytes, windowstart, windowend, action="REJECT", flowlogstatus]' samples/ssh_rejects.log
