# --since/--until skip whole S3 day folders before opening them.
flowmon --verbose filter -c --since 2019-07-15 '[]' samples/AWSLogs
flowmon --verbose top --by srcaddr/8 --until 2019-07-14T23:00:00Z samples/AWSLogs
