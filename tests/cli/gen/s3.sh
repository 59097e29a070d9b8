# The S3 layout: a .log.gz object per five minutes behind the header line.
flowmon gen --duration 15m --s3 bucket --account 111122223333 --region eu-west-1
(cd bucket && find . -type f | sort)
zcat "$(find bucket -type f | sort | head -1)" | head -2
