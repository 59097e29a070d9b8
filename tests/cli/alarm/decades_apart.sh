# Two records 126 years apart (start 0 and start in 2096): the evaluations
# between them see no data and change nothing, so the replay skips them
# and ends at once, with the same transitions as one minute at a time.
printf '%s\n' \
  '2 123456789012 eni-1 10.0.0.1 10.0.0.2 1 22 6 1 40 0 1 REJECT OK' \
  '2 123456789012 eni-1 10.0.0.1 10.0.0.2 1 22 6 1 40 3976214400 3976214401 REJECT OK' > far.log
flowmon alarm --pattern '[..., action=REJECT, status]' --threshold 1 --comparison GreaterThanOrEqualToThreshold far.log
