# Which accounts, regions, days and hours a question reads.
flowmon athena sql --top srcaddr --account 111122223333 --region us-east-1,eu-west-1 --since 2019-07-14T12:00:00Z --until 2019-07-14T14:30:00Z
flowmon athena sql --top srcaddr --per-hour --since 2019-07-14T12:00:00Z --until 2019-07-14T23:30:00Z
flowmon athena sql --metric '[..., action=REJECT, status]' --hive --per-hour --since 2019-07-14T12:00:00Z --until 2019-07-14T14:30:00Z
flowmon athena sql --query 'stats count(*) by srcAddr' --format tgw --region us-east-1
# --limit 0 is every key, as in flowmon top.
flowmon athena sql --top dstport --limit 0
