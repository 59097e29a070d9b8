. "$(dirname "$0")/../aws/lib.bash"
# A server that wants a login: user and password come from the environment
# only. format=json sends the SNS JSON alone, for machines.
start_smtp --auth alerts:s3cret
export FLOWMON_SMTP_USER=alerts FLOWMON_SMTP_PASSWORD=s3cret
flowmon alarm -q --notify '{format=json;on=ALARM}email:ops@example.com,Oncall <oncall@example.com>' \
  --smtp-url "$smtp" --smtp-starttls off --smtp-from 'Alarms <alarms@example.com>' \
  --pattern "$SSH" --threshold 1 --comparison GreaterThanOrEqualToThreshold samples/ssh_rejects.log > /dev/null
echo "exit $?"
echo "# with a user, STARTTLS is required by default: this server has none"
flowmon alarm -q --notify '{on=ALARM;retries=0}email:ops@example.com' --smtp-url "$smtp" \
  --pattern "$SSH" --threshold 1 --comparison GreaterThanOrEqualToThreshold samples/ssh_rejects.log 2>&1 > /dev/null | sed 's/127.0.0.1:[0-9]*/127.0.0.1:PORT/' | head -1
stop_smtp
show_mail
