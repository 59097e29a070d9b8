# With no path and a terminal on stdin, every subcommand that reads records
# prints its usage and exits 2 instead of waiting silently.
python3 - <<'PY'
import os, subprocess
master, slave = os.openpty()
for args in (["filter", "REJECT"], ["filter", "-c", "REJECT", "-"],
             ["test-pattern", "REJECT"], ["metric", "--pattern", "REJECT"],
             ["alarm", "--pattern", "REJECT", "--threshold", "1",
              "--comparison", "GreaterThanThreshold"],
             ["check", "--config", "samples/check/monitors.json"], ["top", "--by", "srcaddr"],
             ["query", "stats count(*)"], ["detect"],
             ["alarm", "--datapoints", "-", "--threshold", "1",
              "--comparison", "GreaterThanThreshold"]):
    try:
        p = subprocess.run(["flowmon"] + args, stdin=slave, capture_output=True,
                           timeout=5)
        err = p.stderr.decode().rstrip("\n").split("\n")
        print(" ".join(args), "->", p.returncode, err[0].split(" ")[0], "|", err[-1])
    except subprocess.TimeoutExpired:
        print(" ".join(args), "-> waited")
PY
