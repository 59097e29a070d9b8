"""Questions asked both ways: flowmon's local answer over samples/v2.log and
its `flowmon athena sql` translation, executed by execute.py on DuckDB over
the same records. check_trino.py parses every translation too.

A case compares result rows by position (not by column name: Trino names
columns in lower case, and `top --by 5m` calls its key "5m" where the SQL
calls it "time"). `order` lists the columns whose sequence must be equal:
the ORDER BY keys; rows are otherwise compared as multisets, since SQL
orders ties as it likes. A filter case compares the number of records.
"""

SAMPLE = 'v2.log'


class Case:
    def __init__(self, name, local, sql, order=(), count=False, drop=()):
        self.name = name
        self.local = local  # flowmon arguments; the sample file is appended
        self.sql = sql      # flowmon athena sql arguments
        self.order = list(order)
        self.count = count
        self.drop = list(drop)  # local JSON keys the SQL does not select


# top shows flows, packets and bytes; athena's --top selects the one it
# ranks by.
TOP_FLOWS = ['packets', 'bytes']
TOP_BYTES = ['flows', 'packets']


def query(name, q, order=(), extra=()):
    return Case(name, ['query', '-o', 'json', q, *extra], ['--query', q, *extra], order)


REJECT = '[..., action=REJECT, status]'
ALL = '[v, a, e, s, d, sp, dp, p, pk, bytes, start, end, action, status]'

CASES = [
    # AWS's sample queries for VPC flow logs.
    query('rejections by source',
          'filter action="REJECT" | stats count(*) as numRejections by srcAddr '
          '| sort numRejections desc | limit 20', order=[1]),
    query('bytes from a subnet',
          'filter isIpv4InSubnet(srcAddr, "10.0.0.0/8") | stats sum(bytes) as '
          'bytesTransferred by dstAddr | sort bytesTransferred desc | limit 15', order=[1]),
    query('per 5 minutes', 'stats count(*) as n by bin(5m) as t | sort t', order=[0]),
    query('bytes by pair', 'stats avg(bytes), min(bytes), max(bytes) by srcAddr, dstAddr'),
    query('newest SSH and RDP from outside',
          'fields @timestamp, srcAddr, dstPort | filter dstPort in [22, 3389] and '
          'not srcAddr like /^10\\./ | sort @timestamp desc | limit 5', order=[0]),
    # Trino's rules against Insights' answers (issue 12).
    query('division in double',
          'fields srcAddr, bytes / packets as per_packet | filter per_packet > 50 '
          '| sort per_packet desc', order=[1]),
    query('an alias used later', 'fields srcPort * 2 as twice | filter twice > 100000 '
          '| stats count(*) as n by twice | sort twice desc', order=[0]),
    query('not in keeps NODATA',
          'filter dstPort not in [22, 3389] | stats count(*) as n by logStatus'),
    query('not keeps NODATA', 'filter not dstPort = 443 | stats count(*) as n by action'),
    query('text in Insights order', 'stats count(*) as n by srcAddr | sort srcAddr asc',
          order=[0]),
    query('text in Insights order, descending',
          'stats sum(bytes) as b by dstAddr | sort dstAddr desc', order=[0]),
    query('numbers of text', 'stats max(srcAddr) as m, min(srcAddr) as mi, avg(bytes) as a, count(dstPort) as c'),
    query('distinct sources per action', 'stats count_distinct(srcAddr) as d by action'),
    query('a time range',
          'filter action="REJECT" | stats count(*) as n by srcAddr',
          extra=['--since', '2019-07-14T12:42:00Z', '--until', '2019-07-14T12:47:00Z']),
    # flowmon top.
    Case('top rejected sources', ['top', '-o', 'json', '--by', 'srcaddr', '--where', REJECT],
         ['--top', 'srcaddr', '--where', REJECT], order=[1], drop=TOP_FLOWS),
    Case('top bytes by /16 and port, every key',
         ['top', '-o', 'json', '--by', 'dstaddr/16,dstport', '--sum', 'bytes', '--limit', '0'],
         ['--top', 'dstaddr/16,dstport', '--sum', 'bytes', '--limit', '0'], order=[2],
         drop=TOP_BYTES),
    Case('top ports', ['top', '-o', 'json', '--by', 'dstport', '--limit', '0'],
         ['--top', 'dstport', '--limit', '0'], order=[1], drop=TOP_FLOWS),
    Case('top 5 minutes', ['top', '-o', 'json', '--by', '5m', '--where', 'REJECT', '--limit', '0'],
         ['--top', '5m', '--where', 'REJECT', '--limit', '0'], order=[1], drop=TOP_FLOWS),
    # flowmon metric.
    Case('rejects per minute', ['metric', '-o', 'json', '--pattern', REJECT, '--period', '60'],
         ['--metric', REJECT, '--period', '60'], order=[0]),
    Case('bytes per 5 minutes',
         ['metric', '-o', 'json', '--pattern', ALL, '--value', '$bytes', '--period', '300'],
         ['--metric', ALL, '--value', '$bytes', '--period', '300'], order=[0]),
    # flowmon filter: the records matched.
    Case('SSH or RDP rejects', ['filter', '-c',
                                '[..., dstport = 22 || dstport = 3389, protocol, packets, '
                                'bytes > 50, start, end, action = REJ*, status]'],
         ['--filter', '[..., dstport = 22 || dstport = 3389, protocol, packets, '
                      'bytes > 50, start, end, action = REJ*, status]'], count=True),
    Case('terms', ['filter', '-c', '?REJECT ?NODATA'], ['--filter', '?REJECT ?NODATA'],
         count=True),
]
