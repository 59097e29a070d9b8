. "$(dirname "$0")/lib.bash"
# A webhook answering with a redirect to file://: not followed, not read,
# a failed delivery (libcurl also speaks only http and https here).
start_listener redirect
flowmon alarm -q --notify "webhook:$url" --notify-retries 0 --pattern "$SSH" --threshold 1 --comparison GreaterThanOrEqualToThreshold samples/ssh_rejects.log 2> err.txt | grep -c root:
echo "exit ${PIPESTATUS[0]}"
kill $listener
sed "s/127.0.0.1:[0-9]*/127.0.0.1:PORT/" err.txt
