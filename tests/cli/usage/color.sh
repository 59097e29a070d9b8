# --color always paints states, severities and bars; never and pipes do not.
pattern='[..., action=REJECT, status]'
flowmon --color always alarm --pattern "$pattern" --threshold 2 --comparison GreaterThanOrEqualToThreshold --evaluation-periods 3 --datapoints-to-alarm 2 --treat-missing-data notBreaching samples/v2.log | cat -v
echo "never:"; flowmon --color never alarm --pattern "$pattern" --threshold 2 --comparison GreaterThanOrEqualToThreshold samples/v2.log | grep -c $'\e'
echo "auto on a pipe:"; flowmon alarm --pattern "$pattern" --threshold 2 --comparison GreaterThanOrEqualToThreshold samples/v2.log | grep -c $'\e'
echo "metric:"; flowmon --color always metric --pattern "$pattern" samples/v2.log | head -3 | cat -v
