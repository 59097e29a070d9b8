. "$(dirname "$0")/lib.bash"
# Each message arrives on the command's stdin; a failing command is reported.
flowmon alarm -q --notify 'exec:python3 -c "import json,sys; m=json.load(sys.stdin); print(m[\"NewStateValue\"], m[\"OldStateValue\"], m[\"Trigger\"][\"Threshold\"])" >> got.txt' --notify 'exec:exit 3' --pattern "$SSH" --threshold 1 --comparison GreaterThanOrEqualToThreshold samples/ssh_rejects.log > /dev/null
echo "exit $?"
cat got.txt
