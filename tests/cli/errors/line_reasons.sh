# Each reason a line is malformed, reported with its place and counted in
# the summary; the run goes on and its exit status is the run's (here 0:
# a record matched). field-count and binary: bad_lines.sh; bad-value:
# extreme_start.sh and filter/bad_value.sh. A later header line is not
# malformed: it names the format of the lines after it
# (inputs/mixed_headers_*.sh).
python3 - <<'PY'
good = "2 123456789012 eni-1 10.0.0.1 10.0.0.2 1 22 6 1 40 1563108188 1563108227 REJECT OK\n"
with open("reasons.log", "w") as f:
    f.write(good)
    f.write(" ".join(["x"] * 300) + "\n")          # too-many-fields (over 256)
    f.write("2 " + "y" * (1 << 20) + "\n")         # too-long (over 1 MiB)
    f.write(good)
PY
flowmon filter -c '[..., action=REJECT, status]' reasons.log; echo "exit $?"
flowmon filter -c '[..., action=REJECT, status]' < reasons.log; echo "stdin: exit $?"
