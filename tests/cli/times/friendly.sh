# The examples of docs/times.md, against a clock fixed by FLOWMON_NOW.
export FLOWMON_NOW=1563108400  # 2019-07-14T12:46:40Z
for since in 5m 300s 1563108100 2019-07-14T12:41:40Z 1h today 2019-07-14 yesterday 1d 1w; do
  echo "--since $since: $(flowmon filter -c --since "$since" '[]' samples/v2.log)"
done
echo "--since yesterday --until today: $(flowmon filter -c --since yesterday --until today '[]' samples/v2.log)"
echo "--until now: $(flowmon filter -c --until now '[]' samples/v2.log)"
echo "--until 2m: $(flowmon filter -c --until 2m '[]' samples/v2.log)"
echo "alarm --since 5m:"
flowmon alarm --pattern "[]" --threshold 5 --comparison GreaterThanThreshold --since 5m --until now samples/v2.log | head -1
echo "gen --start 1h:"
flowmon gen --start 1h --duration 1m --volume 1 | head -1 | cut -d' ' -f11,12
