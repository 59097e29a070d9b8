#!/usr/bin/env python3
"""Runs flowmon's Athena translations on a SQL engine and compares the rows
with flowmon's own answer over the same records.

For every case in cases.py: `flowmon athena sql` writes the SQL, sqlglot
reads it as Trino and writes it for DuckDB, DuckDB runs it over a table of
samples/v2.log built as Athena's table is (the columns and types of
`flowmon athena ddl`; text fields as they stand, so a NODATA record's
srcaddr is '-'; integer fields NULL where they are '-', as Athena's
LazySimpleSerDe reads them), and the rows must equal those of the local
command (`flowmon query`/`top`/`metric`/`filter -c`).

DuckDB lacks Trino's IP functions and its lambda form of regexp_replace:
macros stand in for them (IPv4 only). DuckDB comes from npm
(@duckdb/node-api), installed once into a cache directory
($FLOWMON_DUCKDB_DIR, default $FLOWMON_BENCH_DIR/duckdb or
/tmp/flowmon-bench/duckdb, shared with bench/peers.sh). Without node or
npm's registry the test is skipped (exit 77); sqlglot missing is a failure.

usage: execute.py --flowmon BIN --samples DIR
"""
import argparse
import fcntl
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cases  # noqa: E402
import trino_sql  # noqa: E402
from trino_sql import exp  # noqa: E402

SKIP = 77
HERE = os.path.dirname(os.path.abspath(__file__))
ACCOUNT, REGION = '123456789012', 'us-east-1'

# Trino functions DuckDB lacks, over IPv4 text: an IPADDRESS is the
# address's text, or NULL where Trino's try_cast would give NULL.
MACROS = [
    r"""CREATE MACRO trino_ipaddress(s) AS CASE WHEN regexp_full_match(s,
        '(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}')
        THEN s END""",
    """CREATE MACRO trino_ipv4_bits(s) AS (CAST(split_part(s, '.', 1) AS BIGINT) << 24)
        + (CAST(split_part(s, '.', 2) AS BIGINT) << 16) + (CAST(split_part(s, '.', 3) AS BIGINT) << 8)
        + CAST(split_part(s, '.', 4) AS BIGINT)""",
    """CREATE MACRO trino_ipv4_text(b) AS CAST((b >> 24) & 255 AS VARCHAR) || '.'
        || CAST((b >> 16) & 255 AS VARCHAR) || '.' || CAST((b >> 8) & 255 AS VARCHAR) || '.'
        || CAST(b & 255 AS VARCHAR)""",
    # ip_prefix(ip, n): the network of ip's first n bits, 'a.b.c.d/n'.
    """CREATE MACRO ip_prefix(ip, n) AS CASE WHEN ip IS NOT NULL THEN
        trino_ipv4_text(trino_ipv4_bits(ip) >> (32 - n) << (32 - n)) || '/' || CAST(n AS VARCHAR) END""",
    # contains(cidr, ip) of an IPADDRESS.
    """CREATE MACRO trino_cidr_contains(cidr, ip) AS CASE WHEN ip IS NOT NULL THEN
        trino_ipv4_bits(ip) >> (32 - CAST(split_part(cidr, '/', 2) AS INTEGER))
        = trino_ipv4_bits(split_part(cidr, '/', 1)) >> (32 - CAST(split_part(cidr, '/', 2) AS INTEGER)) END""",
    # regexp_replace(s, '([0-9]+)', d -> lpad(d[1], 20, '0')).
    """CREATE MACRO trino_natural_key(s) AS array_to_string(list_transform(
        regexp_extract_all(s, '[0-9]+|[^0-9]+'),
        lambda t: CASE WHEN regexp_full_match(t, '[0-9]+') THEN lpad(t, 20, '0') ELSE t END), '')""",
]


def skip(why):
    print('SKIP: ' + why)
    sys.exit(SKIP)


def duckdb_dir():
    """The directory whose node_modules holds @duckdb/node-api, installed
    from npm if missing (one installer at a time)."""
    if shutil.which('node') is None or shutil.which('npm') is None:
        skip('node and npm are not installed')
    d = os.environ.get('FLOWMON_DUCKDB_DIR') or os.path.join(
        os.environ.get('FLOWMON_BENCH_DIR', '/tmp/flowmon-bench'), 'duckdb')
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, '.install.lock'), 'w') as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not os.path.isdir(os.path.join(d, 'node_modules', '@duckdb', 'node-api')):
            if not os.path.exists(os.path.join(d, 'package.json')):
                subprocess.run(['npm', 'init', '-y'], cwd=d, capture_output=True)
            try:
                p = subprocess.run(['npm', 'install', '--no-audit', '--no-fund',
                                    '--fetch-retries=1', '--fetch-timeout=60000',
                                    '@duckdb/node-api'],
                                   cwd=d, capture_output=True, text=True, timeout=600)
            except subprocess.TimeoutExpired:
                skip('npm install @duckdb/node-api took more than 10 minutes')
            if p.returncode != 0:
                skip('npm could not install @duckdb/node-api:\n' + p.stderr[-2000:])
    return d


def athena_table(flowmon):
    """(columns, partitions) of `flowmon athena ddl`: [(name, 'int'|'text')]."""
    ddl = subprocess.run([flowmon, 'athena', 'ddl', '--bucket', 'flow-logs', '--account', ACCOUNT,
                          '--region', REGION], check=True, capture_output=True, text=True).stdout
    create = trino_sql.parse(trino_sql.statements(ddl)[0])
    types = trino_sql.table_columns(create)
    partitioned = create.find(exp.PartitionedByProperty)
    partitions = [c.name.lower() for c in partitioned.find_all(exp.ColumnDef)]
    names = [c.name.lower() for c in create.find_all(exp.ColumnDef)]
    return [(n, types[n]) for n in names if n not in partitions], partitions


def table_setup(columns, partitions, data_path):
    """DuckDB statements that build "default"."vpc_flow_logs" from the
    sample: one VARCHAR per field, cast as Athena casts text fields."""
    fields = ', '.join("'c%d': 'VARCHAR'" % i for i in range(len(columns)))
    select = []
    for i, (name, kind) in enumerate(columns):
        select.append(('TRY_CAST(c%d AS BIGINT)' if kind == 'int' else 'c%d') % i + ' AS "%s"' % name)
    start = 'epoch_ms(TRY_CAST(c%d AS BIGINT) * 1000)' % [n for n, _ in columns].index('start')
    # The folder of a record: the time of its start stands for its delivery.
    folder = {'accid': "'%s'" % ACCOUNT, 'region': "'%s'" % REGION,
              'day': "strftime(%s, '%%Y/%%m/%%d')" % start, 'hour': "strftime(%s, '%%H')" % start}
    select += ['%s AS "%s"' % (folder[p], p) for p in partitions]
    return ["SET TimeZone='UTC'", 'CREATE SCHEMA "default"',
            'CREATE TABLE "default"."vpc_flow_logs" AS SELECT %s FROM read_csv(%s, delim=\' \', '
            'header=false, auto_detect=false, columns={%s})'
            % (', '.join(select), "'%s'" % data_path, fields)] + MACROS


def is_ipaddress(node):
    return isinstance(node, exp.Cast) and isinstance(node.args.get('to'), exp.PseudoType) \
        and node.args['to'].name.upper() == 'IPADDRESS'


NATURAL_KEY = "REGEXP_REPLACE(x, '([0-9]+)', d -> LPAD(d[1], 20, '0'))"


def to_duckdb(tree):
    """The tree with Trino's functions DuckDB lacks replaced by the macros;
    a form with no macro is an error."""
    def rewrite(node):
        if is_ipaddress(node):
            return exp.Anonymous(this='trino_ipaddress', expressions=[node.this])
        if isinstance(node, exp.ArrayContains) and is_ipaddress(node.expression):
            ip = exp.Anonymous(this='trino_ipaddress', expressions=[node.expression.this])
            return exp.Anonymous(this='trino_cidr_contains', expressions=[node.this, ip])
        if isinstance(node, exp.Anonymous) and node.name.lower() == 'regexp_replace' \
                and len(node.expressions) == 3 and isinstance(node.expressions[2], exp.Lambda):
            form = node.copy()
            form.expressions[0].replace(exp.column('x'))
            if form.sql(dialect=trino_sql.AthenaTrino) != NATURAL_KEY:
                raise ValueError('no DuckDB macro for ' + node.sql(dialect=trino_sql.AthenaTrino))
            return exp.Anonymous(this='trino_natural_key', expressions=[node.expressions[0]])
        if isinstance(node, exp.Bracket) and len(node.expressions) == 1:
            # DuckDB's lists count from 1, as Trino's arrays; sqlglot 10.6
            # writes DuckDB subscripts from 0.
            # (transform does not descend into a replacement.)
            return exp.Anonymous(this='list_extract', expressions=[
                node.this.transform(rewrite), exp.Add(this=node.expressions[0], expression=exp.Literal.number(1))])
        return node
    return tree.transform(rewrite).sql(dialect='duckdb')


TIME = re.compile(r'^(\d{4}-\d\d-\d\d)[ T](\d\d:\d\d:\d\d)(\.0+)?(Z|\+00(:?00)?)?$')
NUMERIC = ('TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'HUGEINT', 'UBIGINT', 'FLOAT', 'DOUBLE')


def value(v, numeric=False):
    """A value both sides write alike: '-' and null are no value, numbers to
    12 significant digits, times as 'yyyy-MM-dd HH:mm:ss' (UTC)."""
    if v is None or v == '-':
        return None
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, (int, float)) or numeric:
        return float('%.12g' % float(v))
    m = TIME.match(v)
    return m.group(1) + ' ' + m.group(2) if m else v


def local_rows(flowmon, samples, case):
    p = subprocess.run([flowmon, *case.local, os.path.join(samples, cases.SAMPLE)],
                       capture_output=True, text=True)
    if case.count:
        return [[float(p.stdout.strip() or 0)]]
    if p.returncode not in (0, 1):
        raise RuntimeError('flowmon %s: %s' % (' '.join(case.local), p.stderr.strip()))
    return [[value(v) for k, v in row.items() if k not in case.drop]
            for row in json.loads(p.stdout or '[]')]


def sql_rows(result):
    numeric = [t.startswith(NUMERIC) or t.startswith('DECIMAL') for t in result['types']]
    return [[value(v, n) for v, n in zip(row, numeric)] for row in result['rows']]


def same(want, got, order):
    """None when the rows agree, else why not."""
    key = lambda row: json.dumps(row)  # noqa: E731
    if len(want) != len(got):
        return '%d rows, expected %d' % (len(got), len(want))
    if sorted(want, key=key) != sorted(got, key=key):
        return 'different rows'
    seq = lambda rows: [[r[i] for i in order] for r in rows]  # noqa: E731
    if seq(want) != seq(got):
        return 'rows in a different order (columns %s)' % order
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--flowmon', required=True)
    ap.add_argument('--samples', required=True)
    args = ap.parse_args()
    flowmon = os.path.abspath(args.flowmon)
    node_dir = duckdb_dir()
    columns, partitions = athena_table(flowmon)
    with tempfile.TemporaryDirectory() as tmp:
        # The sample's double-spaced line is read as flowmon reads it.
        data = os.path.join(tmp, 'records.log')
        with open(os.path.join(args.samples, cases.SAMPLE)) as src, open(data, 'w') as dst:
            for line in src:
                if line.split():
                    dst.write(' '.join(line.split()) + '\n')
        queries, translations, failures = [], {}, 0
        for c in cases.CASES:
            p = subprocess.run([flowmon, 'athena', 'sql', *c.sql], capture_output=True, text=True)
            if p.returncode != 0:
                print('FAIL %s: athena sql: %s' % (c.name, p.stderr.strip()))
                failures += 1
                continue
            sql = trino_sql.statements(p.stdout)[0]
            try:
                duck = to_duckdb(trino_sql.parse(sql))
            except Exception as e:
                print('FAIL %s: %s\n%s' % (c.name, e, sql))
                failures += 1
                continue
            if c.count:
                duck = 'SELECT count(*) FROM (%s)' % duck
            translations[c.name] = (sql, duck)
            queries.append({'name': c.name, 'sql': duck})
        job = json.dumps({'setup': table_setup(columns, partitions, data), 'queries': queries})
        runner = os.path.join(node_dir, 'flowmon_duckdb_run.mjs')
        shutil.copyfile(os.path.join(HERE, 'duckdb_run.mjs'), runner + '.tmp')
        os.replace(runner + '.tmp', runner)
        p = subprocess.run(['node', runner], input=job, capture_output=True, text=True,
                           cwd=node_dir, timeout=600)
        if p.returncode != 0:
            print('FAIL: DuckDB: ' + p.stderr[-3000:])
            return 1
        results = json.loads(p.stdout)
    for c in cases.CASES:
        if c.name not in translations:
            continue
        sql, duck = translations[c.name]
        result = results[c.name]
        want = local_rows(flowmon, args.samples, c)
        why = result.get('error') or same(want, sql_rows(result), c.order)
        if why is None:
            print('ok   %s' % c.name)
            continue
        failures += 1
        print('FAIL %s: %s\n-- Athena:\n%s\n-- DuckDB:\n%s\n-- flowmon %s:\n%s\n-- DuckDB rows:\n%s\n'
              % (c.name, why, sql, duck, c.local[0], '\n'.join(map(str, want)),
                 '\n'.join(map(str, sql_rows(result))) if 'rows' in result else ''))
    print('%d cases, %d failed' % (len(cases.CASES), failures))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
