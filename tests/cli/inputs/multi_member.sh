flowmon filter '[..., action=REJECT, status]' samples/multi_member.log.gz
