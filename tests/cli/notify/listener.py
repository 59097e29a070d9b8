#!/usr/bin/env python3
"""A test HTTP listener on 127.0.0.1 for webhook notifications.
usage: listener.py MODE PORTFILE BODIES  (MODE: ok, fail, hang or redirect)
Writes the port it listens on to PORTFILE, appends each request's body as
a line to BODIES, answers 200 (ok), 500 (fail), never (hang) or 307 to
file:///etc/passwd (redirect). Exits by
itself after 60 s."""
import http.server, socketserver, sys, threading, time

mode, portfile, bodies = sys.argv[1:4]

class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get('Content-Length', 0)))
        with open(bodies, 'ab') as f:
            f.write(self.headers.get('Content-Type', '').encode() + b' ' + body + b'\n')
        if mode == 'hang':
            time.sleep(30)
            return
        if mode == 'redirect':
            self.send_response(307)
            self.send_header('Location', 'file:///etc/passwd')
            self.send_header('Content-Length', '0')
            self.end_headers()
            return
        self.send_response(200 if mode == 'ok' else 500)
        self.send_header('Content-Length', '2')
        self.end_headers()
        self.wfile.write(b'ok')
    def log_message(self, *args):
        pass

class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True

server = Server(('127.0.0.1', 0), Handler)
with open(portfile + '.tmp', 'w') as f:
    f.write(str(server.server_address[1]))
import os
os.rename(portfile + '.tmp', portfile)
threading.Timer(60, lambda: os._exit(0)).start()
server.serve_forever()
