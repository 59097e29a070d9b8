# An exception no stage expects (here std::bad_alloc: a 70 MB config read
# under a 100 MB address-space limit) is caught in main, reported with its
# message, and the exit is 2; never an abort. One thread: the stacks of
# many would use up the limit first. Sanitizer builds reserve more address
# space than the limit allows: there, the case is skipped.
(ulimit -v 100000; flowmon version > /dev/null 2>&1) || { echo "flowmon does not start under ulimit -v 100000 (a sanitizer build?)" >&2; exit 77; }
head -c 70000000 /dev/zero > big.json
(ulimit -v 100000; flowmon detect --threads 1 --config big.json samples/v2.log); echo "exit $?"
