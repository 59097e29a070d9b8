flowmon athena ddl --bucket my-flow-logs --account 123456789012 --region us-east-1 --start-date 2019/07/01
