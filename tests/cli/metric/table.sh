# Rejected records per minute: minutes without a match have no datapoint.
flowmon metric --pattern '[..., action=REJECT, status]' samples/v2.log
