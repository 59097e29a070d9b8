# The S3 header line names the fields and is repeated before the matches.
flowmon filter '[..., action=REJECT, status]' samples/v2_header.log
flowmon filter --no-header -c '[..., action=REJECT, status]' samples/v2_header.log
