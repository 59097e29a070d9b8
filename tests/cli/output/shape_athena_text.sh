# docs/output.md's table: athena writes SQL (text), and has no -o (the
# exit status on stderr: stdout is all SQL, which athena_sql/parse reads).
flowmon athena sql --top srcaddr --since 2024-03-04 --until 2024-03-05
flowmon athena sql --top srcaddr -o json || echo "exit $?" >&2
