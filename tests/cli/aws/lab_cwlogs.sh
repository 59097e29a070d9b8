. "$(dirname "$0")/lib.bash"
# The seed lab replayed from a (stand-in) log group: FilterLogEvents pages
# (3 events each), the pattern pushed down (the stand-in ignores it, so
# flowmon's own check is what counts), events put in timestamp order; the
# alarm's transitions end as CloudWatch's email, a signed SNS Publish and a
# PagerDuty trigger then resolve.
start_aws --log-group VPCFlowLogs=samples/ssh_rejects.log --page-size 3
start_smtp
export PD_ROUTING_KEY=R0UT1NGK3Y
flowmon alarm -q --endpoint-url "$endpoint" --name ssh-rejects --account-id 086112738802 \
  --metric-name SSHRejects --namespace VPCFlowLogs --description 'Rejected SSH connection attempts' \
  --pattern "$SSH" --threshold 1 --comparison GreaterThanOrEqualToThreshold --treat-missing-data notBreaching \
  --notify '{on=ALARM}email:ops@example.com' --smtp-url "$smtp" \
  --notify sns:arn:aws:sns:us-east-1:086112738802:ssh-alerts \
  --notify "{endpoint=$endpoint/v2/enqueue}pagerduty:\${PD_ROUTING_KEY}" \
  --since 2019-07-14T12:40:00Z --until 2019-07-14T13:30:00Z cwlogs://VPCFlowLogs > /dev/null
echo "exit $?"
stop_aws
stop_smtp
requests
show_mail > mail.txt
# The real emails end lines CRLF: no bare LF in what the server got.
$PY -c "import re; d = open('mail/1.eml', 'rb').read(); print('bare LF:', len(re.findall(rb'(?<!\r)\n', d)))"
head -40 mail.txt
