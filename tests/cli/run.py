#!/usr/bin/env python3
"""Runs end-to-end CLI cases (zstd cli-tests style).

Each tests/cli/<group>/<case>.sh runs with bash in a scratch directory that
holds a `samples` link to the repository's samples/, with the built flowmon
first on PATH. Beside it:
  <case>.stdout.exact  expected stdout (missing: must be empty)
  <case>.stderr.exact  expected stderr, or
  <case>.stderr.glob   expected stderr where a line '...' matches any lines
  <case>.exit          expected exit status (missing: 0)
A case that exits 77 (and does not expect to) is skipped: what it needs is not
there (its stderr says what); run.py then exits 77, which ctest shows as a skip.

usage: run.py --flowmon BIN --samples DIR [--set-exact-output] CASE.sh...
With --set-exact-output the goldens are (re)written from the actual run.
"""
import argparse, difflib, os, re, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SKIP = 77  # the exit status of a case that cannot run here (automake's)


def glob_match(pattern, text):
    parts = [re.escape(p) for p in pattern.split('...\n')]
    return re.fullmatch('(?:.*\n)*?'.join(parts), text, re.S) is not None or \
        re.fullmatch('.*'.join(parts), text, re.S) is not None


def diff(name, want, got):
    return ''.join(difflib.unified_diff(want.splitlines(True), got.splitlines(True),
                                        'expected ' + name, 'actual ' + name))


def run_case(case, flowmon, samples, set_exact):
    script = os.path.join(HERE, case)
    base = script[:-3]
    env = dict(os.environ)
    env['PATH'] = os.path.dirname(os.path.abspath(flowmon)) + os.pathsep + env.get('PATH', '')
    env['LC_ALL'] = 'C'
    env.pop('COLUMNS', None)
    with tempfile.TemporaryDirectory() as tmp:
        os.symlink(os.path.abspath(samples), os.path.join(tmp, 'samples'))
        p = subprocess.run(['bash', script], cwd=tmp, env=env,
                           stdin=subprocess.DEVNULL, capture_output=True, timeout=120)
    out, err, code = p.stdout.decode(errors='replace'), p.stderr.decode(errors='replace'), p.returncode
    want_code = int(open(base + '.exit').read()) if os.path.exists(base + '.exit') else 0
    if code == SKIP and want_code != SKIP:
        return None, err.strip()
    if set_exact:
        with open(base + '.stdout.exact', 'w') as f:
            f.write(out)
        if not os.path.exists(base + '.stderr.glob'):
            with open(base + '.stderr.exact', 'w') as f:
                f.write(err)
        if code != 0:
            with open(base + '.exit', 'w') as f:
                f.write('%d\n' % code)
        elif os.path.exists(base + '.exit'):
            os.remove(base + '.exit')
        return [], None
    failures = []
    want_out = open(base + '.stdout.exact').read() if os.path.exists(base + '.stdout.exact') else ''
    if out != want_out:
        failures.append(diff('stdout', want_out, out))
    if os.path.exists(base + '.stderr.exact'):
        want_err = open(base + '.stderr.exact').read()
        if err != want_err:
            failures.append(diff('stderr', want_err, err))
    elif os.path.exists(base + '.stderr.glob'):
        if not glob_match(open(base + '.stderr.glob').read(), err):
            failures.append('stderr does not match %s.stderr.glob:\n%s' % (case[:-3], err))
    if code != want_code:
        failures.append('exit status %d, expected %d\nstderr:\n%s' % (code, want_code, err))
    return failures, None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--flowmon', required=True)
    ap.add_argument('--samples', required=True)
    ap.add_argument('--set-exact-output', action='store_true')
    ap.add_argument('cases', nargs='+')
    a = ap.parse_args()
    bad = skipped = 0
    for case in a.cases:
        failures, skip = run_case(case, a.flowmon, a.samples, a.set_exact_output)
        if failures is None:
            skipped += 1
            print('skip %s: %s' % (case, skip))
        elif failures:
            bad += 1
            print('FAIL %s\n%s' % (case, '\n'.join(failures)))
        else:
            print('ok   %s' % case)
    sys.exit(1 if bad else SKIP if skipped else 0)


if __name__ == '__main__':
    main()
