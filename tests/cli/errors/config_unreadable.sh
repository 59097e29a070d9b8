# A config, detect setting or blocklist file that cannot be read is an
# input error (exit 3) naming it, before any record is read.
flowmon check --config nowhere.json samples/v2.log; echo "check --config: exit $?"
flowmon detect --config nowhere.json samples/v2.log; echo "detect --config: exit $?"
flowmon detect --blocklist nowhere.txt samples/v2.log; echo "detect --blocklist: exit $?"
flowmon detect --aws-ranges nowhere.json samples/v2.log; echo "detect --aws-ranges: exit $?"
# A folder given as a config is not a config.
mkdir -p folder.json
flowmon check --config folder.json samples/v2.log; echo "check --config folder: exit $?"
