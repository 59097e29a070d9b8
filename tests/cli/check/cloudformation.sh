# A CloudFormation template: passes on quiet logs, fails on an SSH burst.
flowmon check --config samples/check/template.json samples/v2.log
echo "exit $?"
flowmon check --config samples/check/template.json samples/check/ssh-burst.log
echo "exit $?"
