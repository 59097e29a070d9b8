# A 5-minute period slides minute by minute.
flowmon alarm --pattern '[..., action=REJECT, status]' --period 300 --threshold 7 --comparison GreaterThanThreshold -o json samples/v2.log
