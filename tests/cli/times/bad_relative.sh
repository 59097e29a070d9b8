# A number and one unit, as aws logs tail: 5h30m is not one.
echo "exit $(flowmon filter --since 5h30m '[]' samples/v2.log; echo $?)"
echo "exit $(flowmon alarm --pattern '[]' --threshold 1 --comparison GreaterThanThreshold --until 1y samples/v2.log; echo $?)"
echo "exit $(flowmon gen --start -1h; echo $?)"
