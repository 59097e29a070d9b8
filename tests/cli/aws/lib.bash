# Helpers for cases that talk to the stand-in AWS (stub_aws.py) on 127.0.0.1.
# Debian's python3 has python3-botocore and python3-aiosmtpd
# (tools/install-deps.sh); a case that cannot find them is skipped.
PY=/usr/bin/python3
AWS_TESTS="$(dirname "${BASH_SOURCE[0]}")"
$PY -c 'import botocore, aiosmtpd' 2>/dev/null || {
  echo "needs Debian's python3-botocore and python3-aiosmtpd (tools/install-deps.sh)" >&2
  exit 77
}
# Credentials only from a file the case writes: nothing of the caller's.
unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_PROFILE \
  AWS_REGION AWS_DEFAULT_REGION AWS_ENDPOINT_URL
export HOME="$PWD"
export AWS_SHARED_CREDENTIALS_FILE="$PWD/credentials" AWS_CONFIG_FILE="$PWD/config"
cat > credentials <<'INI'
[default]
aws_access_key_id = AKIDFLOWMONTEST
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY
[temporary]
aws_access_key_id = ASIAFLOWMONTEST
aws_secret_access_key = c2VjcmV0L3dpdGgrc2xhc2hlcw
aws_session_token = FQoGZXIvYXdzEJr//////////token+with/odd=chars
INI
: > config
SSH='[version, account, eni, source, destination, srcport, destport="22", protocol="6", packets, bytes, windowstart, windowend, action="REJECT", flowlogstatus]'

# Starts the stand-in with stub_aws.py's options; sets $endpoint. Its
# requests are logged to requests.jsonl.
start_aws() {
  $PY "$AWS_TESTS/stub_aws.py" port requests.jsonl "$@" &
  aws_pid=$!
  for _ in $(seq 100); do [ -s port ] && break; sleep 0.05; done
  endpoint="http://127.0.0.1:$(cat port)"
}
stop_aws() { kill "$aws_pid"; wait "$aws_pid" 2>/dev/null; rm -f port; }

# One line per request: service, what it was, and the signature verdict.
requests() {
  $PY - <<'PY'
import json
run = []
def flush():
    for l in sorted(run):
        print(l)
    run.clear()
for line in open('requests.jsonl'):
    r = json.loads(line)
    what = {'s3': lambda: ('GET ' + r['path'] + (' prefix=' + r['prefix'] + ' delimiter=' + r['delimiter'] if 'prefix' in r else '')),
            'logs': lambda: json.dumps(r['request'], sort_keys=True),
            'sns': lambda: '%s %s subject=%s message=%s' % (r.get('action'), r.get('topic'), r.get('subject'),
                '%(OldStateValue)s->%(NewStateValue)s' % json.loads(r['message']) if r.get('message', '').startswith('{') else r.get('message')),
            'pagerduty': lambda: '%s %s' % (r['event']['event_action'], r['event']['dedup_key'])}
    fields = [r['service'], r.get('signature', '-'), r.get('answer', ''), what.get(r['service'], lambda: '')()]
    line = ' '.join(f for f in fields if f)
    # Objects are fetched several at a time, so a run of object GETs is
    # printed in key order, not in the order they happened to arrive.
    if r['service'] == 's3' and 'prefix' not in r:
        run.append(line)
        continue
    flush()
    print(line)
flush()
PY
}

# Starts the test SMTP server (smtp_server.py options); sets $smtp.
start_smtp() {
  $PY -W ignore "$AWS_TESTS/../notify/smtp_server.py" smtp-port mail "$@" 2> smtp.log &
  smtp_pid=$!
  for _ in $(seq 100); do [ -s smtp-port ] && break; sleep 0.05; done
  smtp="smtp://127.0.0.1:$(cat smtp-port)"
}
stop_smtp() { kill "$smtp_pid"; wait "$smtp_pid" 2>/dev/null; rm -f smtp-port; }

# Each message taken: envelope, Subject, the text part, what is attached.
show_mail() {
  $PY - <<'PY'
import email, glob, json, os
for path in sorted(glob.glob('mail/*.eml'), key=lambda p: int(os.path.basename(p)[:-4])):
    print('== ' + open(path[:-4] + '.envelope').read().strip())
    m = email.message_from_bytes(open(path, 'rb').read())
    print('From: %s\nTo: %s\nSubject: %s\nContent-Type: %s' % (m['From'], m['To'], m['Subject'], m.get_content_type()))
    for part in (m.walk() if m.is_multipart() else [m]):
        if part.is_multipart():
            continue
        body = part.get_payload(decode=True).decode()
        if part.get_content_type() == 'text/plain':
            print('-- text/plain\n' + body.replace('\r\n', '\n'), end='')
        else:
            msg = json.loads(body)
            print('-- %s %s: %s -> %s at %s' % (part.get_content_type(), part.get_filename(),
                  msg['OldStateValue'], msg['NewStateValue'], msg['StateChangeTime']))
PY
}
