flowmon alarm --notify 'smtp:ops@example.com' --pattern '[]' --threshold 1 --comparison GreaterThanThreshold samples/v2.log
flowmon alarm --notify 'webhook:ftp://example.com' --pattern '[]' --threshold 1 --comparison GreaterThanThreshold samples/v2.log
