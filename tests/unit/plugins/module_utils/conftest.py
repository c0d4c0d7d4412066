# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Fixtures for the module_utils unit tests: the in-process API emulator (``emulator``, see
tests/unit/emulator.py), and a scripted local HTTP server with a fake clock for the client's
transport tests.

The server answers each request with the next entry of its script and records what it
received, so a test can assert exactly which requests the client sent. Script entries:

- ``(status, body)`` or ``(status, body, headers)``: ``body`` is JSON-encoded unless it is
  a ``str`` (sent as ``text/plain``) or None (empty body);
- ``"reset"``: read the request, then drop the connection with a TCP reset, no answer;
- ``"hang"``: read the request and answer nothing until the client has timed out.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
import socket
import struct
import threading

from http.server import BaseHTTPRequestHandler, HTTPServer
from socketserver import ThreadingMixIn
from urllib.parse import parse_qs, urlsplit

import pytest

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import CockroachClient
from ansible_collections.cockroachdb.cloud.tests.unit.emulator import install

API_KEY = "test-api-key"


class RecordedRequest(object):
    """One request the scripted server received."""

    def __init__(self, method, path, query, headers, body):
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body

    def __repr__(self):
        return "RecordedRequest(%s %s %r %r)" % (self.method, self.path, self.query, self.body)


class _Handler(BaseHTTPRequestHandler):
    """Answers every method from the server's script."""

    def log_message(self, format, *args):  # pylint: disable=redefined-builtin
        pass  # keep test output quiet

    def _handle(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        split = urlsplit(self.path)
        body = None
        if raw:
            try:
                body = json.loads(raw.decode("utf-8"))
            except ValueError:
                body = raw.decode("utf-8", "replace")
        query = dict((k, v[0] if len(v) == 1 else v) for k, v in parse_qs(split.query).items())
        server = self.server
        with server.lock:
            server.received.append(RecordedRequest(self.command, split.path, query,
                                                   dict(self.headers.items()), body))
            step = server.script.pop(0) if server.script else (500, {"code": 13, "message": "script exhausted"})
        if step == "reset":
            # SO_LINGER with a zero timeout turns close() into a TCP RST.
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            return
        if step == "hang":
            server.release.wait(10)
            self.close_connection = True
            return
        status, payload = step[0], step[1]
        headers = dict(step[2]) if len(step) > 2 else {}
        if payload is None:
            data = b""
        elif isinstance(payload, str):
            data = payload.encode("utf-8")
            headers.setdefault("Content-Type", "text/plain")
        else:
            data = json.dumps(payload).encode("utf-8")
            headers.setdefault("Content-Type", "application/json")
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, str(value))
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = _handle


class ScriptedServer(ThreadingMixIn, HTTPServer):
    """An HTTP server on 127.0.0.1 that plays a script of responses, in a thread."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, script, port=0):
        HTTPServer.__init__(self, ("127.0.0.1", port), _Handler)
        self.script = list(script)
        self.received = []
        self.lock = threading.Lock()
        self.release = threading.Event()
        self.thread = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.01})
        self.thread.daemon = True
        self.thread.start()

    @property
    def url(self):
        return "http://127.0.0.1:%d" % self.server_address[1]

    def stop(self):
        self.release.set()
        self.shutdown()
        self.server_close()
        self.thread.join(5)


class FakeClock(object):
    """``sleep`` and ``monotonic`` for the client: sleeping only moves the clock forward."""

    def __init__(self):
        self.now = 1000.0
        self.sleeps = []
        self.on_sleep = None  # optional callback(seconds), e.g. to start a server meanwhile

    def sleep(self, seconds):
        self.sleeps.append(seconds)
        self.now += seconds
        if self.on_sleep is not None:
            self.on_sleep(seconds)

    def monotonic(self):
        return self.now


@pytest.fixture
def emulator(monkeypatch):
    """A fresh in-process emulator on a fake clock (tests/unit/emulator.py)."""
    return install(monkeypatch)


# The kit's tests run small descriptions of real API resources on the in-process emulator
# (ClusterScope's tests in _resources/ too).
@pytest.fixture
def emu(monkeypatch):
    return install(monkeypatch)


@pytest.fixture
def free_port():
    """A port on 127.0.0.1 where nothing listens (connecting to it is refused)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
    finally:
        sock.close()


@pytest.fixture
def api_key():
    return API_KEY


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def serve():
    """``serve(script, port=0)`` starts a ScriptedServer, stopped after the test."""
    servers = []

    def start(script, port=0):
        server = ScriptedServer(script, port=port)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def make_client(clock):
    """``make_client(url, **options)``: a CockroachClient on the fake clock (unless the
    options give ``sleep`` and ``monotonic``)."""

    def build(url, **options):
        options.setdefault("timeout", 5.0)
        options.setdefault("sleep", clock.sleep)
        options.setdefault("monotonic", clock.monotonic)
        return CockroachClient(API_KEY, api_url=url, **options)

    return build
