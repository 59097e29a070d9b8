# A config file: internal blocks, lists (relative to the file), thresholds;
# --set wins over it. exfil.min-bytes is low here, but the hourly backup goes
# to S3, which the AWS ranges name and exfil leaves out.
flowmon gen --duration 4h --scenario port-scan:at=01:00,ports=25 --scenario blocklisted:at=02:00 > four.log
flowmon detect --config samples/detect/config.json four.log
echo ---
flowmon detect --config samples/detect/config.json --set port-scan.min-ports=30 --only port-scan,exfil four.log
