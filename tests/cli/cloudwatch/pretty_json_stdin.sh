# Pretty-printed aws logs JSON starts with "{" and a line break: on stdin it
# is still told from text, and stdin and the file agree.
echo "by path: $(flowmon filter -c '[..., action=REJECT, status]' samples/cloudwatch/filter-log-events.json)"
echo "from stdin: $(cat samples/cloudwatch/filter-log-events.json | flowmon filter -c '[..., action=REJECT, status]')"
