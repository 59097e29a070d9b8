# The user guide's "Match optional terms": only '?' terms match any of
# them; beside other terms they are ignored (and test-pattern says so).
printf '%s\n' '[ERROR 400] BAD REQUEST' '[ERROR 419] MISSING ARGUMENTS' \
  '[INFO] REQUEST FAILED' '[INFO 200] OK' > events.log
flowmon test-pattern '?ERROR ?ARGUMENTS' events.log
flowmon test-pattern '?ERROR ?ARGUMENTS REQUEST' events.log
