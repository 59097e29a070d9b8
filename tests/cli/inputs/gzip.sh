flowmon filter -c '[..., action=REJECT, status]' samples/flows.log.gz
zcat samples/flows.log.gz | flowmon filter -c '[..., action=REJECT, status]'
cat samples/flows.log.gz | flowmon filter -c '[..., action=REJECT, status]'
