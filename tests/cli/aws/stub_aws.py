#!/usr/bin/python3
"""A stand-in for AWS on 127.0.0.1: S3 (path-style), SNS, CloudWatch Logs and
the PagerDuty Events API, for flowmon's tests. Every AWS request's SigV4
signature is recomputed with botocore's own signer from the credentials in
AWS_SHARED_CREDENTIALS_FILE and compared; a bad one is answered with
SignatureDoesNotMatch and logged as "signature": "bad".

usage: stub_aws.py PORTFILE LOG [options]
  --bucket NAME=DIR      serve DIR's files as bucket NAME (keys: relative paths)
  --bucket-region R      buckets live in R: other regions get a 301 redirect
  --log-group NAME=FILE  a log group whose events are FILE's lines (the stream
                         is field 3, the timestamp field 11, of each line)
  --page-size N          at most N keys / events per page
  --throttle N           answer the first N AWS requests with throttling
  --deny                 answer every AWS request with access denied
  --slow SECONDS         wait before each answer
  --pagerduty-fail N     answer the first N PagerDuty events with 500
Writes one JSON line per request to LOG. Exits by itself after 60 s."""
import argparse, configparser, datetime, http.server, json, os, socketserver
import sys, threading, time, urllib.parse
from xml.sax.saxutils import escape

from botocore.auth import S3SigV4Auth, SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.compat import HTTPHeaders
from botocore.credentials import Credentials

ap = argparse.ArgumentParser()
ap.add_argument('portfile')
ap.add_argument('log')
ap.add_argument('--bucket', action='append', default=[])
ap.add_argument('--bucket-region', default='us-east-1')
ap.add_argument('--log-group', action='append', default=[])
ap.add_argument('--page-size', type=int, default=1000)
ap.add_argument('--throttle', type=int, default=0)
ap.add_argument('--deny', action='store_true')
ap.add_argument('--slow', type=float, default=0)
ap.add_argument('--pagerduty-fail', type=int, default=0)
args = ap.parse_args()

buckets = dict(b.split('=', 1) for b in args.bucket)
groups = dict(g.split('=', 1) for g in args.log_group)
lock = threading.Lock()
counters = {'throttle': args.throttle, 'pagerduty_fail': args.pagerduty_fail}


def secrets():
    """access key id -> (secret, session token) from the credentials file."""
    out = {}
    path = os.environ.get('AWS_SHARED_CREDENTIALS_FILE')
    if path and os.path.exists(path):
        cp = configparser.ConfigParser()
        cp.read(path)
        for s in cp.sections():
            if cp.has_option(s, 'aws_access_key_id'):
                out[cp.get(s, 'aws_access_key_id')] = (
                    cp.get(s, 'aws_secret_access_key'),
                    cp.get(s, 'aws_session_token', fallback=None))
    return out


def log(entry):
    with lock, open(args.log, 'a') as f:
        f.write(json.dumps(entry, sort_keys=True) + '\n')


def verify(handler, body):
    """(verdict, service, region, access key): recomputes the signature."""
    auth = handler.headers.get('Authorization', '')
    if not auth.startswith('AWS4-HMAC-SHA256 '):
        return 'none', None, None, None
    fields = dict(p.strip().split('=', 1) for p in auth[len('AWS4-HMAC-SHA256 '):].split(','))
    key, date, region, service, _ = fields['Credential'].split('/')
    signed = fields['SignedHeaders'].split(';')
    known = secrets()
    if key not in known:
        return 'unknown-key', service, region, key
    secret, token = known[key]
    if token is not None and handler.headers.get('X-Amz-Security-Token') != token:
        return 'bad-token', service, region, key
    if service == 's3' and 'x-amz-content-sha256' not in signed:
        return 'unsigned-payload-hash', service, region, key  # S3 requires it
    if token is not None and 'x-amz-security-token' not in signed:
        return 'unsigned-token', service, region, key
    headers = {h: handler.headers[h] for h in signed if handler.headers.get(h) is not None}
    url = 'http://%s%s' % (handler.headers['Host'], handler.path)
    request = AWSRequest(method=handler.command, url=url, headers=headers, data=body)
    amz_date = handler.headers.get('X-Amz-Date', '')
    request.context['timestamp'] = amz_date
    signer = (S3SigV4Auth if service == 's3' else SigV4Auth)(
        Credentials(key, secret, token), service, region)
    # Sign exactly the headers the client signed (botocore would pick its own).
    def headers_to_sign(r):
        out = HTTPHeaders()
        for h in signed:
            out[h] = r.headers[h]
        return out
    signer.headers_to_sign = headers_to_sign
    canonical = signer.canonical_request(request)
    string_to_sign = signer.string_to_sign(request, canonical)
    expected = signer.signature(string_to_sign, request)
    ok = expected == fields['Signature'] and amz_date.startswith(date)
    return ('ok' if ok else 'bad'), service, region, key


def page(items, token, size):
    start = int(token) if token else 0
    end = start + size
    return items[start:end], (str(end) if end < len(items) else None)


def flow_events(path, stream_prefix, start, end):
    events = []
    for n, line in enumerate(open(path)):
        line = line.rstrip('\n')
        parts = line.split(' ')
        stream = (parts[2] + '-all') if len(parts) > 2 else 'unknown'
        try:
            ts = int(parts[10]) * 1000
        except (IndexError, ValueError):
            ts = 0
        if stream_prefix and not stream.startswith(stream_prefix):
            continue
        if start is not None and ts < start or end is not None and ts > end:
            continue
        events.append({'logStreamName': stream, 'timestamp': ts, 'message': line,
                       'ingestionTime': ts + 60000, 'eventId': str(n)})
    # Stream by stream, as FilterLogEvents may page them: flowmon sorts.
    events.sort(key=lambda e: (e['logStreamName'], e['timestamp']))
    return events


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'

    def answer(self, status, body, ctype='application/xml', headers=()):
        if args.slow:
            time.sleep(args.slow)
        data = body.encode() if isinstance(body, str) else body
        self.send_response(status)
        self.send_header('Content-Type', ctype)
        self.send_header('Content-Length', str(len(data)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        self.handle_any(b'')

    def do_POST(self):
        self.handle_any(self.rfile.read(int(self.headers.get('Content-Length', 0))))

    def handle_any(self, body):
        if self.path.startswith('/v2/enqueue'):
            return self.pagerduty(body)
        verdict, service, region, key = verify(self, body)
        entry = {'signature': verdict, 'service': service, 'region': region,
                 'method': self.command, 'path': urllib.parse.urlsplit(self.path).path}
        if verdict != 'ok':
            log(entry)
            return self.error(service, 403, 'SignatureDoesNotMatch',
                              'The request signature we calculated does not match (%s)' % verdict)
        if service == 's3':
            return self.s3(entry, region)
        if service == 'sns':
            return self.sns(entry, body)
        if service == 'logs':
            return self.logs(entry, body)
        log(entry)
        self.error(service, 400, 'UnknownService', service)

    def refuse(self, entry, service, action, resource):
        """Throttles or denies when told to; True when it answered."""
        with lock:
            throttled = counters['throttle'] > 0
            if throttled:
                counters['throttle'] -= 1
        if throttled:
            entry['answer'] = 'throttled'
            log(entry)
            if service == 's3':
                self.error(service, 503, 'SlowDown', 'Please reduce your request rate.')
            elif service == 'sns':
                self.error(service, 400, 'Throttling', 'Rate exceeded')
            else:
                self.error(service, 400, 'ThrottlingException', 'Rate exceeded')
            return True
        if args.deny:
            entry['answer'] = 'denied'
            log(entry)
            who = 'arn:aws:iam::123456789012:user/flowmon-test'
            if service == 's3':
                self.error(service, 403, 'AccessDenied', 'Access Denied')
            elif service == 'sns':
                self.error(service, 403, 'AuthorizationError',
                           'User: %s is not authorized to perform: %s on resource: %s' % (who, action, resource))
            else:
                self.error(service, 400, 'AccessDeniedException',
                           'User: %s is not authorized to perform: %s on resource: %s because no identity-based policy allows the %s action' % (who, action, resource, action))
            return True
        return False

    def error(self, service, status, code, message, headers=()):
        if service == 'logs':
            self.answer(status, json.dumps({'__type': code, 'message': message}),
                        'application/x-amz-json-1.1', headers)
        elif service == 'sns':
            self.answer(status, '<ErrorResponse><Error><Type>Sender</Type><Code>%s</Code>'
                        '<Message>%s</Message></Error><RequestId>r</RequestId></ErrorResponse>'
                        % (code, escape(message)), headers=headers)
        else:
            self.answer(status, '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>%s</Code>'
                        '<Message>%s</Message><RequestId>r</RequestId></Error>' % (code, escape(message)),
                        headers=headers)

    def s3(self, entry, region):
        url = urllib.parse.urlsplit(self.path)
        parts = urllib.parse.unquote(url.path).lstrip('/').split('/', 1)
        bucket, key = parts[0], (parts[1] if len(parts) > 1 else '')
        query = dict(urllib.parse.parse_qsl(url.query, keep_blank_values=True))
        entry['bucket'] = bucket
        if bucket not in buckets:
            log(entry)
            return self.error('s3', 404, 'NoSuchBucket', 'The specified bucket does not exist')
        if region != args.bucket_region:
            entry['answer'] = 'redirect'
            log(entry)
            return self.error('s3', 301, 'PermanentRedirect',
                              'The bucket you are attempting to access must be addressed using the specified endpoint.',
                              [('x-amz-bucket-region', args.bucket_region)])
        action = 's3:ListBucket' if not key else 's3:GetObject'
        if self.refuse(entry, 's3', action, 'arn:aws:s3:::' + bucket):
            return
        root = buckets[bucket]
        if key:
            entry['key'] = key
            log(entry)
            path = os.path.join(root, key)
            if not os.path.isfile(path):
                return self.error('s3', 404, 'NoSuchKey', 'The specified key does not exist.')
            return self.answer(200, open(path, 'rb').read(), 'binary/octet-stream')
        prefix, delimiter = query.get('prefix', ''), query.get('delimiter', '')
        entry.update(prefix=prefix, delimiter=delimiter, list_type=query.get('list-type'))
        log(entry)
        keys = sorted(os.path.relpath(os.path.join(d, f), root)
                      for d, _, fs in os.walk(root, followlinks=True) for f in fs)
        items = []  # (name, is_prefix)
        for k in keys:
            if not k.startswith(prefix):
                continue
            rest = k[len(prefix):]
            if delimiter and delimiter in rest:
                p = prefix + rest[:rest.index(delimiter) + len(delimiter)]
                if not items or items[-1] != (p, True):
                    items.append((p, True))
            else:
                items.append((k, False))
        size = min(args.page_size, int(query.get('max-keys', 1000)))
        shown, token = page(items, query.get('continuation-token'), size)
        xml = ['<?xml version="1.0" encoding="UTF-8"?>\n<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">',
               '<Name>%s</Name><Prefix>%s</Prefix><KeyCount>%d</KeyCount><MaxKeys>%d</MaxKeys>'
               % (bucket, escape(prefix), len(shown), size),
               '<IsTruncated>%s</IsTruncated>' % ('true' if token else 'false')]
        if token:
            xml.append('<NextContinuationToken>%s</NextContinuationToken>' % token)
        for name, is_prefix in shown:
            if is_prefix:
                xml.append('<CommonPrefixes><Prefix>%s</Prefix></CommonPrefixes>' % escape(name))
            else:
                size_bytes = os.path.getsize(os.path.join(root, name))
                xml.append('<Contents><Key>%s</Key><LastModified>2019-07-15T00:00:00.000Z</LastModified>'
                           '<ETag>&quot;e&quot;</ETag><Size>%d</Size><StorageClass>STANDARD</StorageClass></Contents>'
                           % (escape(name), size_bytes))
        xml.append('</ListBucketResult>')
        self.answer(200, ''.join(xml))

    def sns(self, entry, body):
        form = dict(urllib.parse.parse_qsl(body.decode()))
        entry.update(action=form.get('Action'), topic=form.get('TopicArn'),
                     subject=form.get('Subject'), message=form.get('Message'))
        if self.refuse(entry, 'sns', 'SNS:Publish', form.get('TopicArn', '')):
            return
        log(entry)
        self.answer(200, '<PublishResponse xmlns="https://sns.amazonaws.com/doc/2010-03-31/">'
                    '<PublishResult><MessageId>m-1</MessageId></PublishResult>'
                    '<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></PublishResponse>',
                    'text/xml')

    def logs(self, entry, body):
        target = self.headers.get('X-Amz-Target', '')
        q = json.loads(body or b'{}')
        entry.update(target=target, request=q)
        group = q.get('logGroupName', '')
        if self.refuse(entry, 'logs', 'logs:FilterLogEvents',
                       'arn:aws:logs:us-east-1:123456789012:log-group:%s:log-stream:' % group):
            return
        log(entry)
        if target != 'Logs_20140328.FilterLogEvents':
            return self.error('logs', 400, 'UnknownOperationException', target)
        if group not in groups:
            return self.error('logs', 400, 'ResourceNotFoundException',
                              'The specified log group does not exist.')
        events = flow_events(groups[group], q.get('logStreamNamePrefix'),
                             q.get('startTime'), q.get('endTime'))
        shown, token = page(events, q.get('nextToken'), min(args.page_size, q.get('limit', 10000)))
        out = {'events': shown, 'searchedLogStreams': []}
        if token:
            out['nextToken'] = token
        self.answer(200, json.dumps(out), 'application/x-amz-json-1.1')

    def pagerduty(self, body):
        event = json.loads(body)
        log({'service': 'pagerduty', 'event': event})
        with lock:
            failing = counters['pagerduty_fail'] > 0
            if failing:
                counters['pagerduty_fail'] -= 1
        if failing:
            return self.answer(500, '{"status":"error"}', 'application/json')
        self.answer(202, json.dumps({'status': 'success', 'message': 'Event processed',
                                     'dedup_key': event.get('dedup_key')}), 'application/json')

    def log_message(self, *a):
        pass


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


server = Server(('127.0.0.1', 0), Handler)
with open(args.portfile + '.tmp', 'w') as f:
    f.write(str(server.server_address[1]))
os.rename(args.portfile + '.tmp', args.portfile)
threading.Timer(60, lambda: os._exit(0)).start()
server.serve_forever()
