# Both tables of AWS's "Configuring how CloudWatch alarms treat missing data"
# (Using Amazon CloudWatch alarms), every row under every setting. A row is
# five one-minute datapoints, oldest first (0 not breaching, X breaching,
# - missing: a line without a value), fed to `alarm --datapoints -` and
# evaluated --until the end of the fifth, where the evaluation range (5
# datapoints for 3 evaluation periods) is exactly the row. Each cell is
# replayed from OK, from ALARM and from INSUFFICIENT_DATA: one state when
# every start ends in it, "Retain current state" when each start is kept.
# The expected output is AWS's two tables.
t0=1563108000
replay() {  # datapoints-to-alarm row treat-missing-data initial-state
  local i=0 c v
  for c in $2; do
    case $c in 0) v=0 ;; X) v=2 ;; *) v= ;; esac
    echo "$((t0 + 60 * i)),$v"
    i=$((i + 1))
  done | flowmon alarm --datapoints - --until $((t0 + 300)) --threshold 1 \
    --comparison GreaterThanOrEqualToThreshold --evaluation-periods 3 \
    --datapoints-to-alarm "$1" --treat-missing-data "$3" --initial-state "$4" \
    -o json | sed 's/.*"final_state":"\([A-Z_]*\)".*/\1/'
}
cell() {  # datapoints-to-alarm row treat-missing-data
  local ok alarm insufficient
  ok=$(replay "$1" "$2" "$3" OK)
  alarm=$(replay "$1" "$2" "$3" ALARM)
  insufficient=$(replay "$1" "$2" "$3" INSUFFICIENT_DATA)
  if [ "$ok/$alarm/$insufficient" = OK/ALARM/INSUFFICIENT_DATA ]; then
    echo "Retain current state"
  elif [ "$ok" = "$alarm" ] && [ "$ok" = "$insufficient" ]; then
    [ "$ok" = INSUFFICIENT_DATA ] && echo "Insufficient data" || echo "$ok"
  else
    echo "from OK $ok, from ALARM $alarm, from INSUFFICIENT_DATA $insufficient"
  fi
}
table() {  # datapoints-to-alarm rows...
  local m=$1 row missing
  shift
  echo "Datapoints to alarm $m, evaluation periods 3"
  echo "| Data points | # of missing data points | MISSING | IGNORE | BREACHING | NOT BREACHING |"
  for row in "$@"; do
    missing=${row//[^-]/}
    echo "| $row | ${#missing} | $(cell "$m" "$row" missing) | $(cell "$m" "$row" ignore) | $(cell "$m" "$row" breaching) | $(cell "$m" "$row" notBreaching) |"
  done
}
table 3 "0 - X - X" "0 - - - -" "- - - - -" "0 X X - X" "- - - - X" "X - - - -"
table 2 "0 - X - X" "0 0 X 0 X" "0 - X - -" "- - - - 0" "- - - - X"
