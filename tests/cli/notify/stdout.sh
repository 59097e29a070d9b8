. "$(dirname "$0")/lib.bash"
# The seed lab's alarm delivers the message CloudWatch publishes to SNS.
flowmon alarm -o json --name ssh-rejects --account-id 086112738802 --metric-name SSHRejects --namespace VPCFlowLogs --description 'Rejected SSH connection attempts' --notify stdout --pattern "$SSH" --threshold 1 --comparison GreaterThanOrEqualToThreshold samples/ssh_rejects.log
