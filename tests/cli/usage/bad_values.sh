# Values that make no sense are usage errors naming the option (exit 2).
run() { flowmon "$@"; echo "exit $?"; }
run filter --limit -1 '[]' samples/v2.log
run filter --limit 1.5 '[]' samples/v2.log
run filter --threads 0 '[]' samples/v2.log
run filter --max-report -3 '[]' samples/v2.log
run filter --max-errors -1 '[]' samples/v2.log
run top --by srcaddr --limit -1 samples/v2.log
run metric --pattern '[]' --period 90 samples/v2.log
run metric --pattern '[]' --period 0 samples/v2.log
run metric --pattern '[]' --period 10 samples/v2.log
run alarm --pattern '[]' --threshold 1 --comparison GreaterThanThreshold --period 30 samples/v2.log
run alarm --pattern '[]' --threshold 1 --comparison GreaterThanThreshold --evaluation-periods 0 samples/v2.log
run alarm --pattern '[]' --threshold 1 --comparison GreaterThanThreshold --datapoints-to-alarm -2 samples/v2.log
run alarm --pattern '[]' --threshold 1 --comparison GreaterThanThreshold --notify - --notify-timeout 0 samples/v2.log
run alarm --pattern '[]' --threshold 1 --comparison GreaterThanThreshold --notify - --notify-retries -1 samples/v2.log
run athena sql --metric '[]' --period 45
run athena sql --filter '[]' --limit -5
run gen --volume -1
run gen --rate -2
run gen --seed -1
run fields --version 1
run detect --threads 0 samples/v2.log
run check --config samples/check/alarms.json --threads 0 samples/v2.log
