#!/usr/bin/env python3
"""Prints a hyperfine JSON export as ratios to its first command (wall
medians; CPU is the mean user + system time).
usage: ratios.py RUN.json "NAME>=X NAME<=X ..."
NAME>=X: NAME's median is at least X times the first command's (flowmon is
X times faster). NAME<=X: the first command's median is at most X times
NAME's (flowmon within X of NAME)."""
import json, re, statistics, sys

results = json.load(open(sys.argv[1]))["results"]
targets = sys.argv[2].split() if len(sys.argv) > 2 else []
base = statistics.median(results[0]["times"])


def cpu_of(r):
    # hyperfine exports the mean user and system times of the runs.
    return r.get("user", float("nan")) + r.get("system", float("nan"))


base_cpu = cpu_of(results[0])
print(f"{'command':<34} {'median s':>9} {'cpu s':>7} {'time/flowmon':>13}")
by_name = {}
for r in results:
    med = statistics.median(r["times"])
    cpu = cpu_of(r)
    by_name[r["command"]] = (med, cpu)
    print(f"{r['command']:<34} {med:>9.3f} {cpu:>7.3f} {med / base:>12.2f}x")
for t in targets:
    m = re.fullmatch(r"(.+?)(>=|<=)([0-9.]+)(cpu)?", t)
    if not m or m.group(1) not in by_name:
        print(f"target {t}: no such command")
        continue
    name, op, x, cpu = m.group(1), m.group(2), float(m.group(3)), m.group(4)
    i = 1 if cpu else 0
    mine = base_cpu if cpu else base
    theirs = by_name[name][i]
    what = "CPU" if cpu else "time"
    if op == ">=":
        ratio = theirs / mine
        ok = ratio >= x
        print(f"target: {name} {what} >= {x}x {results[0]['command']}'s: {ratio:.2f}x "
              f"{'met' if ok else 'MISSED'}")
    else:
        ratio = mine / theirs
        ok = ratio <= x
        print(f"target: {results[0]['command']} {what} <= {x}x {name}'s: {ratio:.2f}x "
              f"{'met' if ok else 'MISSED'}")
