# Every subcommand's --help shows its examples.
for cmd in "" filter test-pattern metric alarm check top query athena "athena ddl" "athena sql" fields detect gen version completion; do
  flowmon $cmd --help | grep -q '^Examples\?:' || echo "flowmon $cmd --help: no examples"
done
flowmon athena --help | sed -n '/^Examples:/,$p'
