# An unreadable input is reported; the others are still read; exit 3.
flowmon filter -c '[..., action=REJECT, status]' samples/nope.log samples/ssh_rejects.log
