. "$(dirname "$0")/lib.bash"
# A full disk: the error names the file and says why.
flowmon alarm -q --notify file:/dev/full --pattern "$SSH" --threshold 1 --comparison GreaterThanOrEqualToThreshold samples/ssh_rejects.log > /dev/null
echo "exit $?"
