# Each a usage error (exit 2) that starts with flowmon: and says what was meant.
for args in "athena sqll" "top --limt 3 --by srcaddr samples/v2.log" "tpo" "alarm --treshold=1" "filter -x '[]'" "xyzzy" "--colour never fields"; do
  eval flowmon $args; echo "exit $?"
done
