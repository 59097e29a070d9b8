#!/usr/bin/env python3
"""Writes the small deterministic inputs in samples/ (run from samples/).
The files are committed; this script documents how they were made."""
import gzip, os, random

r = random.Random(2019)
ACCT = '123456789012'
ENI = 'eni-0a1b2c3d4e5f60718'
HEADER = ('version account-id interface-id srcaddr dstaddr srcport dstport '
          'protocol packets bytes start end action log-status')

def record(t, src, dst, sport, dport, proto, action, packets=None):
    packets = packets or r.randrange(1, 40)
    nbytes = packets * r.choice([40, 44, 60, 576, 1400])
    return '2 %s %s %s %s %d %d %d %d %d %d %d %s OK' % (
        ACCT, ENI, src, dst, sport, dport, proto, packets, nbytes, t, t + r.randrange(5, 58), action)

def v2_records(t0, n):
    out = []
    t = t0
    for i in range(n):
        t += r.randrange(5, 25)
        k = i % 10
        if k in (1, 4):
            out.append(record(t, '61.177.172.%d' % r.randrange(1, 255), '10.0.1.25',
                              r.randrange(1024, 65535), 22, 6, 'REJECT', 1))
        elif k == 7:
            out.append(record(t, '185.220.101.%d' % r.randrange(1, 255), '10.0.1.25',
                              r.randrange(1024, 65535), 3389, 6, 'REJECT', 1))
        elif k == 9 and i % 20 == 9:
            out.append('2 %s %s - - - - - - - %d %d - NODATA' % (ACCT, ENI, t, t + 60))
        else:
            out.append(record(t, '10.0.1.25', '52.94.%d.%d' % (r.randrange(0, 255), r.randrange(1, 255)),
                              r.randrange(32768, 60999), 443, 6, 'ACCEPT'))
    return out

def write(path, lines, mode='w'):
    os.makedirs(os.path.dirname(path) or '.', exist_ok=True)
    with open(path, mode) as f:
        f.write(''.join(l + '\n' for l in lines))

def write_gz(path, members):
    os.makedirs(os.path.dirname(path) or '.', exist_ok=True)
    with open(path, 'wb') as f:
        for m in members:
            f.write(gzip.compress(''.join(l + '\n' for l in m).encode(), mtime=0))

v2 = v2_records(1563108000, 40)
# AWS's own example of a SKIPDATA record, and a double space as in its docs.
v2.insert(20, '2 %s %s - - - - - - - 1563108600 1563108660 - SKIPDATA' % (ACCT, ENI))
v2.insert(25, '2 %s %s 10.0.1.25  52.94.76.5 49152 443 6 12 5040 1563108700 1563108760 ACCEPT OK' % (ACCT, ENI))
write('v2.log', v2)
write('v2_header.log', [HEADER] + v2_records(1563109000, 20))
write_gz('flows.log.gz', [[HEADER] + v2_records(1563110000, 25)])
write_gz('multi_member.log.gz', [v2_records(1563111000, 10), v2_records(1563112000, 10)])
trunc = gzip.compress(''.join(l + '\n' for l in v2_records(1563113000, 400)).encode(), mtime=0)
with open('truncated.log.gz', 'wb') as f:
    f.write(trunc[:len(trunc) // 2])

custom_fields = ['version', 'vpc-id', 'subnet-id', 'instance-id', 'interface-id', 'account-id', 'type',
                 'srcaddr', 'dstaddr', 'srcport', 'dstport', 'pkt-srcaddr', 'pkt-dstaddr', 'protocol',
                 'bytes', 'packets', 'start', 'end', 'action', 'tcp-flags', 'log-status',
                 'flow-direction', 'traffic-path', 'reject-reason']
custom = []
t = 1563120000
for i in range(12):
    t += 17
    rej = i % 3 == 0
    custom.append(' '.join(str(x) for x in [
        8, 'vpc-0f1e2d3c', 'subnet-0a0b0c0d', 'i-0123456789abcdef0', ENI, ACCT, 'IPv4',
        '203.0.113.%d' % (10 + i) if rej else '10.0.1.25', '10.0.1.25' if rej else '198.51.100.7',
        40000 + i, 22 if rej else 443, '203.0.113.%d' % (10 + i) if rej else '10.0.1.25',
        '10.0.1.25' if rej else '198.51.100.7', 6, 40 if rej else 1200 * (i + 1), 1 if rej else i + 1,
        t, t + 30, 'REJECT' if rej else 'ACCEPT', 2 if rej else 19, 'OK',
        'ingress' if rej else 'egress', '-' if rej else 2, 'BPA' if i == 3 else '-']))
write('custom_fields.log', [' '.join(custom_fields)] + custom)
write('custom_noheader.log', custom)

bad = v2_records(1563115000, 6)
bad.insert(2, '2 %s %s only seven fields here' % (ACCT, ENI))
bad.insert(4, '')
bad.insert(5, bad[0] + ' trailing-extra-field')
write('bad_lines.log', bad)
with open('bad_lines.log', 'ab') as f:
    # Control bytes, but no NUL: a NUL byte would make the file binary.
    f.write(b'2 123456789012 eni-0a1b2c3d4e5f60718 \x01\x02\x03 garbage\n')
    f.write((bad[1] + '\r\n').encode())

tree = 'AWSLogs/%s/vpcflowlogs/us-east-1' % ACCT
for day, t0 in (('2019/07/14', 1563108000), ('2019/07/15', 1563194400)):
    stamp = day.replace('/', '') + 'T1200Z'
    write_gz('%s/%s/%s_vpcflowlogs_us-east-1_fl-0123456789abcdef0_%s_a1b2c3d4.log.gz'
             % (tree, day, ACCT, stamp), [[HEADER] + v2_records(t0, 15)])

write('apache.log', [
    '127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] "GET /apache_pb.gif HTTP/1.0" 200 1534',
    '127.0.0.1 - frank [10/Oct/2000:13:35:22 -0700] "GET /apache_pb.gif HTTP/1.0" 500 5324',
    '127.0.0.1 - frank [10/Oct/2000:13:50:35 -0700] "GET /apache_pb.gif HTTP/1.0" 200 4355',
    '127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] "GET /index.html HTTP/1.0" 404 1534',
])

# CloudWatch inputs: the seed records as CloudWatch Logs events. AWS sets a
# flow-log event's timestamp to the record's start (in milliseconds).
import base64, json
SEED = open('ssh_rejects.log').read().splitlines()
def events(lines, stream='eni-0d5d75b41f9befe9e-all'):
    return [{'logStreamName': stream, 'timestamp': int(l.split()[10]) * 1000,
             'message': l, 'ingestionTime': int(l.split()[10]) * 1000 + 420000,
             'eventId': '3497%028d' % i} for i, l in enumerate(lines)]
os.makedirs('cloudwatch', exist_ok=True)
with open('cloudwatch/filter-log-events.json', 'w') as f:
    json.dump({'events': events(SEED), 'searchedLogStreams': [
        {'logStreamName': 'eni-0d5d75b41f9befe9e-all', 'searchedCompletely': True}]}, f, indent=4)
    f.write('\n')
with open('cloudwatch/get-log-events-pages.json', 'w') as f:
    # Two pages as `aws logs get-log-events` prints them, one after the other.
    for page in (SEED[:2], SEED[2:]):
        json.dump({'events': [{k: e[k] for k in ('timestamp', 'message', 'ingestionTime')}
                              for e in events(page)],
                   'nextForwardToken': 'f/3497', 'nextBackwardToken': 'b/3497'}, f, indent=4)
        f.write('\n')
def payload(msgs, control=False):
    if control:
        doc = {'messageType': 'CONTROL_MESSAGE', 'owner': 'CloudwatchLogs', 'logGroup': '',
               'logStream': '', 'subscriptionFilters': [],
               'logEvents': [{'id': '', 'timestamp': 1563108000000,
                              'message': 'CWL CONTROL MESSAGE: Checking health of destination Kinesis stream.'}]}
    else:
        doc = {'messageType': 'DATA_MESSAGE', 'owner': '086112738802', 'logGroup': 'vpc-flow-logs',
               'logStream': 'eni-0d5d75b41f9befe9e-all', 'subscriptionFilters': ['ssh-rejects'],
               'logEvents': [{'id': e['eventId'], 'timestamp': e['timestamp'], 'message': e['message']}
                             for e in events(msgs)]}
    return json.dumps(doc, separators=(',', ':'))
def b64gz(text):
    return base64.b64encode(gzip.compress(text.encode(), mtime=0)).decode()
with open('cloudwatch/subscription-payloads.txt', 'w') as f:
    f.write(b64gz(payload(None, control=True)) + '\n')
    f.write(b64gz(payload(SEED[:2])) + '\n')
    f.write(b64gz(payload(SEED[2:])) + '\n')
with open('cloudwatch/lambda-event.json', 'w') as f:
    json.dump({'awslogs': {'data': b64gz(payload(SEED))}}, f, indent=2)
    f.write('\n')
with open('cloudwatch/firehose-object.gz', 'wb') as f:
    # Firehose writes the payloads back to back with no separator, and
    # each gzip member as it arrives.
    f.write(gzip.compress((payload(SEED[:1]) + payload(None, control=True)).encode(), mtime=0))
    f.write(gzip.compress((payload(SEED[1:3]) + payload(SEED[3:])).encode(), mtime=0))
import csv, io, datetime
with open('cloudwatch/console-download.csv', 'w', newline='') as f:
    w = csv.writer(f)
    w.writerow(['timestamp', 'message'])
    for e in events(SEED):
        w.writerow([e['timestamp'], e['message']])
def iso(ms):
    return datetime.datetime.fromtimestamp(ms / 1000, datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%S.') + '%03dZ' % (ms % 1000)
with open('cloudwatch/export-000000.gz', 'wb') as f:
    f.write(gzip.compress(''.join('%s %s\n' % (iso(e['timestamp']), e['message']) for e in events(SEED)).encode(), mtime=0))
with open('cloudwatch/broken.json', 'w') as f:
    good = json.dumps({'events': events(SEED[:2])})
    bad = json.dumps({'events': events(SEED[2:])})
    f.write(good + '\n' + bad[:len(bad) // 2] + '\n')
with open('cloudwatch/app-events.ndjson', 'w') as f:
    # JSON log events (not a CloudWatch document): lines for JSON patterns.
    for d in ({'eventType': 'UpdateTrail', 'sourceIPAddress': '111.111.111.111', 'latency': 120, 'ThisFlag': True},
              {'eventType': 'ConsoleLogin', 'sourceIPAddress': '123.123.1.7', 'latency': 950, 'ThisFlag': False, 'errorCode': None},
              {'eventType': 'UpdateTrail', 'sourceIPAddress': '123.123.9.9', 'latency': 1500, 'users': [{'id': 1}, {'id': 2}]}):
        f.write(json.dumps(d) + '\n')
