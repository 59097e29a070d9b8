# Names that go into the SQL unquoted are checked against what AWS allows,
# so that no value can break out of its quotes (a silent wrong DDL):
# usage errors, exit 2. Good names still work.
run() { flowmon athena "$@" > out.sql; echo "exit $?"; }
run ddl --bucket 'b c'
run ddl --bucket "logs'--"
run ddl --bucket Upper-Case
run ddl --bucket my-flow-logs --prefix "a'b"
run ddl --bucket my-flow-logs --account "1234'56789012"
run ddl --bucket my-flow-logs --region "us-east-1'"
run ddl --bucket my-flow-logs --database 'x`y'
run sql --filter '[]' --table 'flows"; DROP TABLE t; --'
run ddl --bucket my-flow-logs --start-date "2019/01/01'"
run ddl --bucket my.flow-logs.2 --prefix logs/vpc --account 123456789012 --region eu-west-1 --database flow_db --table vpc_2024
grep -c "s3://my.flow-logs.2/logs/vpc/AWSLogs/" out.sql
