# Quiet and correct under | head.
for i in $(seq 200); do cat samples/v2.log; done > big.log
flowmon filter '[]' big.log | head -2
