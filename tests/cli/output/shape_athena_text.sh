# docs/output.md's table: athena writes SQL (text), and has no -o.
flowmon athena sql --top srcaddr --since 2024-03-04 --until 2024-03-05
flowmon athena sql --top srcaddr -o json; echo "exit $?"
