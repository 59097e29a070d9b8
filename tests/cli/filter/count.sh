flowmon filter -c '[..., action=REJECT, status]' samples/v2.log
