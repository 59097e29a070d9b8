flowmon filter --since tomorrow '[]' samples/v2.log
echo "exit $?"
# --since after --until selects nothing whatever the input: a usage error
# in every command that takes them, as in alarm and check (AWS rejects an
# end time before the start time too).
since='--since 2019-07-15 --until 2019-07-14'
flowmon filter $since '[]' samples/v2.log; echo "filter: exit $?"
flowmon top $since --by srcaddr samples/v2.log; echo "top: exit $?"
flowmon query $since 'stats count(*)' samples/v2.log; echo "query: exit $?"
flowmon detect $since samples/v2.log; echo "detect: exit $?"
flowmon athena sql $since --filter '[]'; echo "athena: exit $?"
