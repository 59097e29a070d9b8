#!/usr/bin/env python3
"""Runs a command and prints its peak anonymous memory (RssAnon: heap,
stacks, buffers; not the page cache a mapped input shows in RSS), sampled
from /proc every few milliseconds.
usage: anon_peak.py [--stdin FILE] -- CMD [ARG...]
--stdin FILE feeds FILE through a pipe (cat FILE | CMD)."""
import subprocess, sys, time

args = sys.argv[1:]
feed = None
if args[:1] == ["--stdin"]:
    feed, args = args[1], args[2:]
if args[:1] == ["--"]:
    args = args[1:]
cat = subprocess.Popen(["cat", feed], stdout=subprocess.PIPE) if feed else None
proc = subprocess.Popen(args, stdin=cat.stdout if cat else subprocess.DEVNULL,
                        stdout=subprocess.DEVNULL)
if cat:
    cat.stdout.close()
peak = 0
while proc.poll() is None:
    try:
        with open(f"/proc/{proc.pid}/status") as f:
            for line in f:
                if line.startswith("RssAnon:"):
                    peak = max(peak, int(line.split()[1]))
    except OSError:
        pass
    time.sleep(0.003)
if cat:
    cat.wait()
print(f"{peak / 1024:.1f}")
sys.exit(0 if proc.returncode in (0, 1) else proc.returncode)
