#!/usr/bin/env python3
"""Every SQL statement the tests print for Athena parses as Athena reads it.

Reads the expected stdout of every CLI case that runs `flowmon athena`
(tests/cli/**/*.sh) and the translation of every case in cases.py, and
parses each statement: queries with sqlglot's Trino grammar, DDL with its
Hive grammar (Athena runs DDL in Hive's dialect). A query that divides two
exact numbers is an error too: Trino divides bigints as integers and
DECIMALs at their scale, where Insights, top and metric divide in double.

usage: check_trino.py --flowmon BIN [--cli-dir tests/cli]
Exits 1 listing every statement that fails.
"""
import argparse
import glob
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cases  # noqa: E402
import trino_sql  # noqa: E402


def golden_statements(cli_dir):
    """(where, statement) for the SQL in the goldens of the cases that run
    only flowmon athena sql and ddl (their stdout is SQL, errors aside)."""
    out = []
    for script in sorted(glob.glob(os.path.join(cli_dir, '**', '*.sh'), recursive=True)):
        commands = [line for line in open(script).read().splitlines()
                    if line.strip() and not line.lstrip().startswith('#')]
        if not commands or not all(c.startswith(('flowmon athena sql ', 'flowmon athena ddl '))
                                   for c in commands):
            continue
        golden = script[:-3] + '.stdout.exact'
        if not os.path.exists(golden):
            continue
        name = os.path.relpath(golden, cli_dir)
        for i, sql in enumerate(trino_sql.statements(open(golden).read())):
            out.append(('%s #%d' % (name, i + 1), sql))
    return out


def case_statements(flowmon):
    out = []
    for c in cases.CASES:
        p = subprocess.run([flowmon, 'athena', 'sql', *c.sql], capture_output=True, text=True)
        if p.returncode != 0:
            out.append(('cases.py: ' + c.name, None, p.stderr.strip()))
            continue
        for sql in trino_sql.statements(p.stdout):
            out.append(('cases.py: ' + c.name, sql, None))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--flowmon', required=True)
    ap.add_argument('--cli-dir', default=trino_sql.repo_path('tests', 'cli'))
    args = ap.parse_args()
    columns = trino_sql.column_types(args.flowmon)
    todo = [(w, s, None) for w, s in golden_statements(args.cli_dir)]
    todo += case_statements(args.flowmon)
    failures = 0
    for where, sql, error in todo:
        if error is None:
            try:
                tree = trino_sql.parse(sql)
                bad = [] if trino_sql.is_ddl(sql) else trino_sql.exact_divisions(tree, columns)
                if bad:
                    error = 'divides exact numbers (Trino: integer or DECIMAL division): ' + \
                        '; '.join(bad)
            except Exception as e:  # sqlglot's ParseError and TokenError
                error = str(e)
        if error is not None:
            failures += 1
            print('FAIL %s\n%s\n  %s\n' % (where, sql, error.replace('\n', '\n  ')))
    print('%d statements, %d failed (%s %s)' % (len(todo), failures, 'sqlglot',
                                                trino_sql.sqlglot.__version__))
    return 1 if failures or not todo else 0


if __name__ == '__main__':
    sys.exit(main())
