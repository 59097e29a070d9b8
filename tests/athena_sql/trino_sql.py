"""Athena SQL as Trino reads it: the grammar, statement splitting, and the
one typing rule of Trino's that changes answers silently (exact division).

Shared by check_trino.py (every SQL the tests print parses) and execute.py
(translations run on DuckDB against the samples). The grammar is sqlglot's
`trino` dialect, from Debian's python3-sqlglot (tools/install-deps.sh).
"""
import logging
import os
import subprocess
import sys


def import_sqlglot():
    """sqlglot, also when the python running the tests is not Debian's (a
    pyenv python does not see /usr/lib/python3/dist-packages)."""
    try:
        import sqlglot  # noqa: F401
    except ImportError:
        sys.path.append('/usr/lib/python3/dist-packages')
        try:
            import sqlglot  # noqa: F401
        except ImportError:
            sys.exit('sqlglot is missing: install python3-sqlglot '
                     '(tools/install-deps.sh installs the test dependencies)')
    import sqlglot
    return sqlglot


sqlglot = import_sqlglot()
# sqlglot logs each 1-based subscript it reads from Trino (d[1]).
logging.getLogger('sqlglot').setLevel(logging.ERROR)
from sqlglot import exp  # noqa: E402
from sqlglot.dialects.trino import Trino  # noqa: E402
from sqlglot.errors import ErrorLevel  # noqa: E402
from sqlglot.tokens import TokenType  # noqa: E402


class AthenaTrino(Trino):
    """Trino's grammar as sqlglot has it, plus Trino's IPADDRESS type, which
    sqlglot 10.6 (Debian 12) lacks: it stays a type of its own name, as
    sqlglot keeps PostgreSQL's pseudo types."""

    class Tokenizer(Trino.Tokenizer):
        KEYWORDS = dict(Trino.Tokenizer.KEYWORDS)
        if 'IPADDRESS' not in KEYWORDS and not hasattr(exp.DataType.Type, 'IPADDRESS'):
            KEYWORDS['IPADDRESS'] = TokenType.PSEUDO_TYPE


def statements(text):
    """The statements of a flowmon athena output: each ends with ';' at the
    end of a line."""
    out, current = [], []
    for line in text.splitlines():
        current.append(line)
        if line.endswith(';'):
            out.append('\n'.join(current)[:-1].strip())
            current = []
    rest = '\n'.join(current).strip()
    if rest:
        out.append(rest)
    return [s for s in out if s]


def is_ddl(sql):
    return sql.lstrip().upper().startswith('CREATE ')


def parse(sql):
    """The statement's tree, or raises sqlglot's ParseError. Athena runs DDL
    in Hive's dialect (backquoted names, TBLPROPERTIES) and queries in
    Trino's: each is read with its grammar."""
    if is_ddl(sql):
        return sqlglot.parse_one(sql, read='hive', error_level=ErrorLevel.RAISE)
    return sqlglot.parse_one(sql, read=AthenaTrino, error_level=ErrorLevel.RAISE)


def column_types(flowmon):
    """Athena's type of every column flowmon's tables can have, read from
    the DDL flowmon writes for a format of every field: 'int' (int and
    bigint) or 'text'."""
    import json
    fields = json.loads(subprocess.run([flowmon, 'fields', '-o', 'json'], check=True,
                                       capture_output=True, text=True).stdout)
    fmt = ' '.join('${%s}' % f['name'] for f in fields)
    ddl = subprocess.run([flowmon, 'athena', 'ddl', '--bucket', 'flow-logs', '--format', fmt],
                         check=True, capture_output=True, text=True).stdout
    return table_columns(parse(statements(ddl)[0]))


def table_columns(create):
    """{column: 'int' | 'text' | other type name} of a CREATE TABLE tree, its
    partition columns included."""
    types = {}
    for col in create.find_all(exp.ColumnDef):
        kind = col.args['kind'].this
        types[col.name.lower()] = ('int' if kind in exp.DataType.INTEGER_TYPES else
                                   'text' if kind in exp.DataType.TEXT_TYPES else kind.value.lower())
    return types


def _type_of_datatype(to):
    if not isinstance(to, exp.DataType):
        return None
    if to.this in exp.DataType.INTEGER_TYPES:
        return 'int'
    if to.this in exp.DataType.FLOAT_TYPES:
        return 'double'
    if to.this == exp.DataType.Type.DECIMAL:
        return 'decimal'
    if to.this in exp.DataType.TEXT_TYPES:
        return 'text'
    return None


def value_type(e, columns):
    """Trino's type of a numeric expression as far as the division rule
    needs it: 'int', 'decimal', 'double', 'text', or None (not known)."""
    if isinstance(e, exp.Paren):
        return value_type(e.this, columns)
    if isinstance(e, exp.Column):
        return columns.get(e.name.lower())
    if isinstance(e, exp.Literal):
        if e.is_string:
            return 'text'
        text = e.this.lower()
        return 'double' if 'e' in text else 'decimal' if '.' in text else 'int'
    if isinstance(e, exp.Cast):  # TryCast too
        return _type_of_datatype(e.args.get('to'))
    if isinstance(e, exp.Count):
        return 'int'
    if isinstance(e, exp.Avg):
        return 'double'
    if isinstance(e, (exp.Sum, exp.Min, exp.Max, exp.Neg, exp.Coalesce)):
        return value_type(e.this, columns)
    if isinstance(e, exp.Window):
        return value_type(e.this, columns)
    if isinstance(e, exp.Pow):
        return 'double'
    if isinstance(e, exp.Anonymous) and e.name.lower() == 'nullif':
        return value_type(e.expressions[0], columns)
    if isinstance(e, (exp.Add, exp.Sub, exp.Mul, exp.Mod, exp.Div)):
        a, b = value_type(e.this, columns), value_type(e.expression, columns)
        if a is None or b is None:
            return None
        for t in ('double', 'decimal'):
            if t in (a, b):
                return t
        return 'int'
    return None


def exact_divisions(tree, columns):
    """The divisions of two exact numbers in `tree`: Trino divides bigints as
    integers (7 / 2 = 3) and DECIMALs at the operands' scale
    (count(*) * 1.0 / total gives one digit), where Insights divides in
    double."""
    bad = []
    for div in tree.find_all(exp.Div):
        a, b = value_type(div.this, columns), value_type(div.expression, columns)
        if a in ('int', 'decimal') and b in ('int', 'decimal'):
            bad.append(div.sql(dialect=AthenaTrino))
    return bad


def repo_path(*parts):
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', *parts)
