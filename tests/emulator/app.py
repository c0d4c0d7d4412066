"""The Flask application: routes built from the contract, and the request pipeline.

Pipeline for ``/api/...``: injected faults -> body size -> Cc-Version -> bearer auth
-> rate limit -> contract validation (openapi-core) -> scope and roles -> handler ->
audit log and state file -> with ``validate_responses``, the response checked against the
contract (500 when it breaks it) -> faults that strike after the change (``502-after``,
``drop-after``) -> the request log. Every error leaves as the Error body ``{code, message, details}``.
"""

import collections
import datetime
import json
import logging
import os
import socket
import threading
import time

from flask import Flask, Response, g, request
from openapi_core.contrib.flask import FlaskOpenAPIRequest
from werkzeug.exceptions import HTTPException

from . import auth, clock, controls, handlers, live, seed, spec, validation
from .live import document as live_document
from .config import EmulatorConfig
from .context import RequestContext
from .errors import ApiError
from .faults import FaultInjector
from .ratelimit import RateLimiter
from .registry import HANDLERS, Handler
from .store import Store

API_VERSIONS = frozenset({"2024-09-16"})
CONTRACTS = ("contract", "live")
# Every answer says which wire format this emulator speaks; the collection's client reads it
# (the real service sends no such header, and is the live format).
CONTRACT_HEADER = "X-Cockroach-Emulator-Contract"
MUTATING = frozenset({"POST", "PUT", "PATCH", "DELETE"})
SECRET_FIELDS = frozenset({"password", "secret", "api_key"})
LOG = logging.getLogger("tests.emulator")


class DroppedConnection(Exception):
    """An injected fault closed the client's connection."""


try:  # orjson serialises a page of 100 clusters about ten times faster
    import orjson

    def dumps(body):
        return orjson.dumps(body)
except ImportError:  # pragma: no cover - the standard library is enough, only slower
    def dumps(body):
        return json.dumps(body, separators=(",", ":"))


def json_response(body, status=200, headers=None):
    return Response(dumps(body), status=status, headers=headers, mimetype="application/json")


def masked(value):
    if isinstance(value, dict):
        return {k: ("***" if k in SECRET_FIELDS else masked(v)) for k, v in value.items()}
    if isinstance(value, list):
        return [masked(v) for v in value]
    return value


class Emulator:
    """Everything one running emulator holds, shared by the request threads."""

    def __init__(self, config):
        self.config = config
        if config.contract not in CONTRACTS:
            raise SystemExit("contract must be one of %s, got %r" % (", ".join(CONTRACTS), config.contract))
        self.live = config.contract == "live"
        if self.live:
            self.document = live_document.load_document()
            self.openapi = live_document.openapi()
        else:
            self.document = spec.load_document()
            self.openapi = spec.openapi()
        self.operations = spec.operations(self.document)
        self.store = Store(config.state_file)
        try:
            data = self.store.load_or_init(config.admin_key)
            seed.ensure_admin(data, config.admin_key or data["admin_key"])
        except ValueError as exc:
            raise SystemExit(str(exc)) from None
        self.store.save()
        self.limiter = RateLimiter(config.rate_limit)
        self.faults = FaultInjector(config.fault_rate, config.fault_seed, config.fault_kinds,
                                    config.latency_ms, config.fault_methods, config.fault_operations)
        self.requests = collections.deque(maxlen=config.request_log_size)
        self._log_lock = threading.Lock()
        self._log_seq = 0
        self._validation_cache = {}
        self.secrets_seen = set()  # see remember_secrets

    @property
    def admin_key(self):
        return self.store.data["admin_key"]

    def validate(self, req):
        """(message, details) when the request breaks the contract, else None.

        openapi-core takes milliseconds per request; the outcome depends only on the
        request's path, query, content type and body, so small requests are memoised.
        """
        body = req.get_data(cache=True)
        key = None
        if len(body) <= 4096:
            key = (req.method, req.path, req.query_string, req.mimetype, body)
            if key in self._validation_cache:
                return self._validation_cache[key]
        result = self.openapi.unmarshal_request(FlaskOpenAPIRequest(req))
        problem = validation.describe(result.errors) if result.errors else None
        if key is not None:
            if len(self._validation_cache) >= 4096:
                self._validation_cache.clear()
            self._validation_cache[key] = problem
        return problem

    def reset(self):
        self.store.reset(self.admin_key)
        self.limiter = RateLimiter(self.config.rate_limit)
        self.clear_request_log()

    def log_request(self, entry):
        with self._log_lock:
            self._log_seq += 1
            entry["seq"] = self._log_seq
            self.requests.append(entry)

    def remember_secrets(self, value):
        """Keep the secret values a request or an answer holds (passwords, keys), for the test
        control that lets a test check that no output shows them. Memory only, never saved."""
        if isinstance(value, dict):
            for key, item in value.items():
                if key in SECRET_FIELDS and isinstance(item, str) and len(item) >= 6 and not item.startswith("*"):
                    self.secrets_seen.add(item)
                else:
                    self.remember_secrets(item)
        elif isinstance(value, list):
            for item in value:
                self.remember_secrets(item)

    def clear_request_log(self):
        with self._log_lock:
            self.requests.clear()


def _client_socket(environ):
    """The client's socket, to drop the connection (werkzeug or waitress); None in tests."""
    if "werkzeug.socket" in environ:
        return environ["werkzeug.socket"]
    check = environ.get("waitress.client_disconnected")
    channel = getattr(check, "__self__", None)
    return getattr(channel, "socket", None)


def _strike(fault):
    """Answer with the injected fault: close the connection, or raise its error status."""
    if fault.drop:
        sock = _client_socket(request.environ)
        if sock is not None:
            sock.shutdown(socket.SHUT_RDWR)
        raise DroppedConnection()
    headers = {"Retry-After": "1"} if fault.status == 429 else None
    after = " after the change was made" if fault.after else ""
    raise ApiError(fault.status, "injected fault%s (emulator fault injection)" % after, headers=headers)


def _not_implemented(ctx, **_params):
    raise ApiError(501, "%s is not implemented by the emulator" % ctx.op.operation_id)


NOT_IMPLEMENTED = Handler(_not_implemented, None, "org")


def _flask_rule(path):
    return path.replace("{", "<").replace("}", ">")


def _audit_time(entries):
    """Now, or just after the last entry: the times of the log strictly increase, so that the
    exclusive time cursor (``starting_from``) never skips an entry made in the same microsecond."""
    created = clock.iso(clock.now())
    if entries and created <= entries[-1]["created_at"]:
        try:
            last = datetime.datetime.strptime(entries[-1]["created_at"], "%Y-%m-%dT%H:%M:%S.%fZ")
        except ValueError:  # an entry in another format (seeded by a test): leave it be
            return created
        created = (last + datetime.timedelta(microseconds=1)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return created


def _audit(emu, ctx, op, status):
    entry = {
        "created_at": _audit_time(emu.store.data["audit_logs"]),
        "action": op.operation_id,
        "source": "API",
        "user_id": ctx.principal,
        "cluster_id": ctx.audit_cluster_id or "",
        "payload": masked(ctx.body) if isinstance(ctx.body, dict) else {},
        "status": status,
    }
    emu.store.data["audit_logs"].append(entry)


def _read_body(op):
    raw = request.get_data(cache=True)
    if not op.has_body:
        return None
    if not raw.strip():
        return None  # openapi-core reports the missing body
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ApiError(400, "malformed JSON body: %s" % exc) from None


def _make_view(emu, op):
    # Missing handlers only get this far with EMULATOR_ALLOW_MISSING=1 (development).
    handler = HANDLERS.get(op.operation_id, NOT_IMPLEMENTED)

    def view(**path_params):
        body = _read_body(op)
        unknown = sorted(set(request.args) - op.query_params)
        if unknown:
            g.invalid = True
            raise ApiError(400, "unknown query parameter(s): %s" % ", ".join(unknown))
        problem = emu.validate(request)
        if problem:
            g.invalid = True
            raise ApiError(400, *problem)
        query = {name: request.args.get(name) for name in request.args}
        with emu.store.lock:
            call = None
            if emu.live and handler is not NOT_IMPLEMENTED:
                call = live.to_contract(live.Call(emu, op.operation_id, body, query, path_params))
                body, query, path_params = call.body, call.query, call.path
            ctx = RequestContext(emu, op, g.principal, body, query)
            ctx.authorize(handler.roles, handler.scope, path_params)
            answer = handler.func(ctx, **path_params)
            status = 200
            if isinstance(answer, tuple):
                answer, status = answer
            if call is not None:
                answer = live.to_live(call, answer, status)
            if emu.config.test_controls:
                emu.remember_secrets(body)
                emu.remember_secrets(answer)
            if op.method in MUTATING:
                _audit(emu, ctx, op, status)
                emu.store.save()
        return json_response(answer, status)

    view.__name__ = op.operation_id
    return view


def create_app(config=None):
    config = config or EmulatorConfig()
    handlers.load()
    live.load()
    emu = Emulator(config)
    app = Flask("tests.emulator")
    app.config["MAX_CONTENT_LENGTH"] = config.max_body_bytes
    app.extensions["emulator"] = emu
    missing = [op.operation_id for op in emu.operations if op.operation_id not in HANDLERS]
    # The live document's operations beyond the contract answer 501 (NOT_IMPLEMENTED).
    if missing and not emu.live and os.environ.get("EMULATOR_ALLOW_MISSING") != "1":
        raise RuntimeError("operations without a handler: %s" % ", ".join(missing))
    unknown = sorted(set(HANDLERS) - {op.operation_id for op in emu.operations})
    if unknown:
        raise RuntimeError("handlers for operations the %s document lacks: %s" % (config.contract, ", ".join(unknown)))
    for op in emu.operations:
        app.add_url_rule(_flask_rule(op.path), endpoint=op.operation_id,
                         view_func=_make_view(emu, op), methods=[op.method])
    if config.test_controls:
        app.register_blueprint(controls.blueprint(emu))

    @app.before_request
    def pipeline():
        g.start = time.monotonic()
        g.key_id = g.principal = None
        if request.path.startswith("/_emulator/"):
            return None
        fault = g.fault = emu.faults.draw(request.method, request.endpoint)
        if emu.faults.latency_ms:
            time.sleep(emu.faults.latency_ms / 1000.0)
        if fault is not None and not fault.after:
            _strike(fault)
        if request.content_length and request.content_length > config.max_body_bytes:
            raise ApiError(413, "request body larger than %d bytes" % config.max_body_bytes)
        version = request.headers.get("Cc-Version")
        if version is not None and version not in API_VERSIONS:
            raise ApiError(400, "invalid Cc-Version %r; supported: %s"
                           % (version, ", ".join(sorted(API_VERSIONS))))
        with emu.store.lock:
            g.key_id, g.principal = auth.authenticate(emu.store.data,
                                                      request.headers.get("Authorization"))
        wait = emu.limiter.check(g.key_id)
        if wait:
            raise ApiError(429, "rate limit exceeded: %s requests per second per key"
                           % emu.limiter.rate, headers={"Retry-After": str(wait)})
        return None

    @app.after_request
    def record(response):
        response.headers[CONTRACT_HEADER] = config.contract
        if not request.path.startswith("/_emulator/"):
            fault = g.get("fault")
            emu.log_request({
                "method": request.method,
                "path": request.path,
                "query": {k: request.args.getlist(k) for k in request.args},
                "status": response.status_code,
                "fault": fault.kind if fault is not None else None,
                "operation": request.endpoint if request.endpoint in HANDLERS else None,
                # refused by the document's schema (a body or query parameter it does not take)
                "invalid": bool(g.get("invalid")),
                "key": g.get("key_id"),
                "user_agent": request.headers.get("User-Agent"),
                "time": clock.iso(clock.now()),
                "duration_ms": round((time.monotonic() - g.get("start", time.monotonic())) * 1000, 3),
            })
        return response

    # Runs after check_response and before record (hooks run in reverse order): the handler
    # has made its change, then the answer is lost; the log shows what the client got.
    @app.after_request
    def strike_after(response):
        fault = g.get("fault")
        if fault is None or not fault.after:
            return response
        try:
            _strike(fault)
        except DroppedConnection:
            return Response(b"", status=500)
        except ApiError as error:
            return json_response(error.body(), error.status, error.headers)
        return response  # pragma: no cover - _strike always raises

    # Registered after ``record``, so it runs before it: the log shows the 500 it may give.
    @app.after_request
    def check_response(response):
        if not (config.validate_responses and request.endpoint in HANDLERS and response.is_json):
            return response
        problem = validation.check_response(emu.openapi, request, response)
        if problem is None:
            return response
        reason, details = problem
        message = ("the emulator's response to %s (status %d) breaks the %s: %s"
                   % (request.endpoint, response.status_code,
                      "live document" if emu.live else "contract", reason))
        LOG.error("%s", message)
        return json_response({"code": 500, "message": message, "details": details}, 500)

    @app.errorhandler(ApiError)
    def api_error(error):
        return json_response(error.body(), error.status, error.headers)

    @app.errorhandler(DroppedConnection)
    def dropped(_error):
        return Response(b"", status=500)

    @app.errorhandler(HTTPException)
    def http_error(error):
        messages = {404: "no such path: %s" % request.path,
                    405: "method %s not allowed on %s" % (request.method, request.path),
                    413: "request body larger than %d bytes" % config.max_body_bytes}
        message = messages.get(error.code, error.description)
        return json_response({"code": error.code, "message": message, "details": []}, error.code)

    @app.errorhandler(Exception)
    def internal_error(error):
        LOG.exception("unhandled error in %s %s", request.method, request.path)
        return json_response({"code": 500, "message": "internal emulator error: %r" % error,
                              "details": []}, 500)

    return app
