# Event numbers count CloudWatch events (the control message is not one).
flowmon test-pattern 'REJECT -"61.177.172.128"' samples/cloudwatch/subscription-payloads.txt
