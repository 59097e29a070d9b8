# Transit Gateway flow logs have no action: port-probe is off for them,
# with one note; the scan is found on the attachment.
flowmon gen --duration 3h --format tgw --scenario port-scan:at=01:00 --scenario port-probe:at=02:00 | flowmon detect
