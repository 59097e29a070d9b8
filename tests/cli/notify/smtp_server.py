#!/usr/bin/python3
"""A test SMTP server on 127.0.0.1 (Debian's python3-aiosmtpd).
usage: smtp_server.py PORTFILE MAILDIR [--auth USER:PASSWORD] [--reject]
Writes its port to PORTFILE and each message it takes to MAILDIR/N.eml
(with the envelope in MAILDIR/N.envelope). With --auth, a client must log
in (AUTH PLAIN/LOGIN, no TLS needed here); with --reject every RCPT is
refused with 550. Exits by itself after 60 s."""
import argparse, os, socket, threading, time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

ap = argparse.ArgumentParser()
ap.add_argument('portfile')
ap.add_argument('maildir')
ap.add_argument('--auth')
ap.add_argument('--reject', action='store_true')
args = ap.parse_args()
os.makedirs(args.maildir, exist_ok=True)
lock = threading.Lock()


class Handler:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if args.reject:
            return '550 5.1.1 mailbox unavailable'
        envelope.rcpt_tos.append(address)
        return '250 OK'

    async def handle_DATA(self, server, session, envelope):
        with lock:
            n = len([f for f in os.listdir(args.maildir) if f.endswith('.eml')]) + 1
            base = os.path.join(args.maildir, str(n))
            with open(base + '.envelope', 'w') as f:
                f.write('from %s to %s auth %s\n' % (envelope.mail_from, ','.join(envelope.rcpt_tos),
                                                     session.authenticated))
            with open(base + '.eml', 'wb') as f:
                f.write(envelope.original_content)
        return '250 Message accepted'


def authenticator(server, session, envelope, mechanism, auth_data):
    user, password = args.auth.split(':', 1)
    ok = auth_data.login.decode() == user and auth_data.password.decode() == password
    return AuthResult(success=ok)


s = socket.socket()
s.bind(('127.0.0.1', 0))
port = s.getsockname()[1]
s.close()
kwargs = {}
if args.auth:
    kwargs = dict(authenticator=authenticator, auth_required=True, auth_require_tls=False)
controller = Controller(Handler(), hostname='127.0.0.1', port=port, **kwargs)
controller.start()
with open(args.portfile + '.tmp', 'w') as f:
    f.write(str(port))
os.rename(args.portfile + '.tmp', args.portfile)
time.sleep(60)
controller.stop()
