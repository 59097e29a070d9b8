# One table over a bucket's accounts and regions (AWS's multi-account
# table); without the lists the projections are injected.
flowmon athena ddl --bucket org-flow-logs --account 111122223333,444455556666 --region us-east-1,eu-west-1 --per-hour
flowmon athena ddl --bucket org-flow-logs --prefix central --parquet
