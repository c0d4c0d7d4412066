# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""The CockroachDB Cloud API client: HTTP, auth, retries, pagination, errors, waits.

No Ansible imports: modules, the inventory plugin and lookups all use it.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import ipaddress
import random
import socket
import ssl
import time
import traceback

from http import client as http_client
from urllib.parse import urlsplit

try:
    import requests
    HAS_REQUESTS = True
    REQUESTS_IMPORT_ERROR = None
except ImportError:  # pragma: no cover - reported by the module with missing_required_lib
    requests = None
    HAS_REQUESTS = False
    REQUESTS_IMPORT_ERROR = traceback.format_exc()

from ansible_collections.cockroachdb.cloud.plugins.module_utils._version import COLLECTION_VERSION

try:  # urllib3 2.x; 1.x has no NameResolutionError (its cause, socket.gaierror, is checked too)
    from urllib3.exceptions import NameResolutionError, NewConnectionError
except ImportError:  # pragma: no cover
    try:
        from urllib3.exceptions import NewConnectionError
    except ImportError:
        NewConnectionError = None
    NameResolutionError = None

DEFAULT_API_URL = "https://cockroachlabs.cloud"
#: The path every request of the API starts with; every path of the collection is built from it.
API = "/api/v1"
DEFAULT_API_VERSION = "2024-09-16"
MAX_PAGE_SIZE = 500
SAFE_METHODS = frozenset(["GET", "HEAD"])
RETRY_STATUSES = frozenset([502, 503, 504])
MISSING_API_KEY = "no API key: set the api_key option or the COCKROACH_API_KEY environment variable"
LOOPBACK_NAMES = ("localhost", "localhost.localdomain", "ip6-localhost")  # and *.localhost (RFC 6761)
#: The wire formats: the project's contract, and the live service's (its SDK's document).
API_FORMATS = ("contract", "live")
#: What the emulator says it speaks, on every answer; the real service sends no such header
#: and speaks the live format.
FORMAT_HEADER = "X-Cockroach-Emulator-Contract"


def plain_http_problem(api_url, allowed=False):
    """Why the API key must not go to ``api_url``, or None: over plain ``http://`` it would
    cross the network in clear text, unless to this machine (a local emulator) or allowed."""
    parts = urlsplit(api_url or DEFAULT_API_URL)
    if parts.scheme.lower() != "http" or allowed:
        return None
    host = (parts.hostname or "").lower()
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = host in LOOPBACK_NAMES or host.endswith(".localhost")
    if loopback:
        return None
    return ("refusing to send the API key in clear text to %s (plain http://): use https://, or set allow_plain_http: "
            "true (COCKROACH_ALLOW_PLAIN_HTTP=true) for a test server you trust" % (parts.hostname or api_url))


class Failure(Exception):
    """What every failure of this collection carries besides its message, for the result of the
    task that met it (``_kit.runner.run_task``). Both fields may be set after the raise:

    - ``last``: the resource as last seen, or None: a wait's last poll, a key created just
      before its secret file could not be written;
    - ``result``: None before any change; once a change went through before the failure
      (``_kit.base.changing``, a Set's ``apply``), what the task's result keeps:
      ``{"changed": True, <kind>: <resource as last seen>}`` or a Set's summary.
    """

    def __init__(self, message, last=None, result=None):
        super(Failure, self).__init__(message)
        self.last = last
        self.result = result


class ApiError(Failure):
    """A failed API call: the HTTP status (None when no answer came), the API's code,
    message and details, and the method and path that failed.

    - ``ambiguous``: True when the request may have taken effect although it failed (a
      timeout or a 5xx after it was sent): a create must then look before it tries again.
    - ``transport``: when no answer came, what went wrong (``Transport.kind``: ``refused``,
      ``dns``, ``tls``...); None otherwise.
    - ``lost_change``: set by ``CockroachClient.change`` on the error of the read that was to
      tell whether a change whose answer was lost took effect: that change's own error (it may
      or may not have taken effect). None otherwise.
    """

    def __init__(self, message, status=None, code=None, details=None, method=None, path=None, ambiguous=False,
                 transport=None, lost_change=None, last=None, result=None):
        super(ApiError, self).__init__(message, last=last, result=result)
        self.message = message
        self.status = status
        self.code = code if code is not None else status
        self.details = details or []
        self.method = method
        self.path = path
        self.ambiguous = ambiguous
        self.transport = transport
        self.lost_change = lost_change

    def __str__(self):
        where = "%s %s" % (self.method, self.path) if self.method else "request"
        if self.status is None:
            return "%s failed: %s" % (where, self.message)
        return "%s failed with HTTP %s: %s" % (where, self.status, self.message)

    def to_dict(self):
        return {"status": self.status, "code": self.code, "message": self.message,
                "details": self.details, "method": self.method, "path": self.path}


class NotFound(ApiError):
    """What the task names does not exist. Not an HTTP failure (the listing that was searched
    answered 200), so the message says what was looked for and where, without "HTTP 404";
    ``status`` is still 404 for playbooks that test ``result.error.status``."""

    def __init__(self, message, method=None, path=None):
        super(NotFound, self).__init__(message, status=404, code="NOT_FOUND", method=method, path=path)

    def __str__(self):
        return self.message


def explain(error):
    """The message of an ApiError, with a hint for the usual causes of 401 and 403."""
    text = str(error)
    if isinstance(error, NotFound):
        return text
    if error.status == 401:
        text += " (check the API key: the api_key option or the COCKROACH_API_KEY environment variable)"
    elif error.status == 403:
        text += " (the API key's service account lacks a role that allows this)"
    return text


class WaitTimeout(Failure):
    """``wait_for`` ran out of time, or the resource reached a failed state; ``last`` is
    the last value seen, ``waited`` the seconds the wait took."""

    def __init__(self, message, last=None, waited=0.0, timed_out=True, result=None):
        super(WaitTimeout, self).__init__(message, last=last, result=result)
        self.waited = waited
        self.timed_out = timed_out  # False: the resource reached a failed state


def _retry_after(response):
    value = response.headers.get("Retry-After", "")
    try:
        return max(0.0, float(value))
    except ValueError:
        return None


def _causes(exc):
    """``exc`` and every exception behind it: requests wraps urllib3's error, which wraps
    the socket's (``ConnectionError(MaxRetryError(reason=NewConnectionError(...)))``)."""
    seen, stack = set(), [exc]
    while stack:
        current = stack.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        stack.extend([getattr(current, "reason", None), current.__cause__, current.__context__])
        stack.extend(arg for arg in getattr(current, "args", ()) if isinstance(arg, BaseException))


class Transport(object):
    """What a transport error means for a retry: ``kind``, a short ``reason`` for people,
    whether the request may have reached the server (``sent``), and how to retry it."""

    #: kind -> (sent, how many attempts at most, fixed pause between them or None for backoff)
    POLICIES = {
        "refused": (False, 2, 0.5),     # nothing listens: one quick retry, then fail (~1 s)
        "dns": (False, 2, 0.5),         # the name does not resolve: the same
        "tls": (False, 1, None),        # a certificate problem does not go away by retrying
        "connect_timeout": (False, None, None),
        "reset": (True, None, None),
        "read_timeout": (True, None, None),
        "other": (True, None, None),
    }

    def __init__(self, kind, reason):
        self.kind = kind
        self.reason = reason
        self.sent, self.max_attempts, self.pause = self.POLICIES[kind]


def classify_transport_error(exc):
    """A ``Transport`` for a ``requests`` exception, judged by the exception types behind it."""
    causes = list(_causes(exc))

    def has(*types):
        return any(isinstance(cause, types) for cause in causes)

    if isinstance(exc, requests.exceptions.SSLError) or has(ssl.SSLError):
        if has(getattr(ssl, "SSLCertVerificationError", ssl.SSLError)) and "CERTIFICATE_VERIFY_FAILED" in str(exc):
            return Transport("tls", "the TLS certificate is not trusted (validate_certs: false only for test servers)")
        return Transport("tls", "the TLS handshake failed: %s" % str(exc)[:200])
    if has(ConnectionRefusedError):
        return Transport("refused", "connection refused")
    if has(socket.gaierror) or (NameResolutionError is not None and has(NameResolutionError)):
        return Transport("dns", "the host name does not resolve")
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return Transport("connect_timeout", "no connection in time (ConnectTimeout)")
    if isinstance(exc, requests.exceptions.ReadTimeout) or has(socket.timeout):
        return Transport("read_timeout", "no answer in time (ReadTimeout)")
    if has(http_client.RemoteDisconnected):
        return Transport("reset", "the server closed the connection without answering")
    if has(ConnectionResetError):
        return Transport("reset", "the connection was reset")
    if NewConnectionError is not None and has(NewConnectionError):
        return Transport("refused", "no connection: %s" % str(causes[-1])[:200])
    return Transport("other", "%s: %s" % (type(exc).__name__, str(exc)[:300]))


def _error_from_response(response, method, path):
    try:
        body = response.json()
    except ValueError:
        body = None
    if isinstance(body, dict) and body.get("message"):
        return ApiError(body["message"], status=response.status_code, code=body.get("code"),
                        details=body.get("details"), method=method, path=path)
    text = (response.text or "").strip()[:300] or response.reason or "no message"
    return ApiError(text, status=response.status_code, method=method, path=path)


class CockroachClient(object):
    """One ``requests.Session`` speaking the CockroachDB Cloud API.

    Retries: 429 waits for ``Retry-After``; 502/503/504 and transport errors back off
    exponentially with full jitter (``backoff_base`` doubling, capped at ``backoff_cap``)
    for at most ``max_attempts`` attempts, all within ``retry_budget`` seconds. GETs are
    always retried; other methods only when the request cannot have taken effect (429, a
    refused connection, a cluster that answered 503 "locked") or when the caller says the
    call is idempotent. ``change`` sends a change whose answer may be lost: it reads whether
    the change took effect before sending it again, with the same attempts and backoff.

    ``limiter``: an object whose ``acquire()`` is called before every attempt (retries
    included) and returns when the request may go (``_limiter.RateLimiter``, shared by the
    processes of the machine); None sends at once.

    ``sleep``, ``monotonic`` and ``now`` (the time of day, seconds since the epoch) are the
    client's clock: tests give it the emulator's fake clock.
    """

    def __init__(self, api_key, api_url=DEFAULT_API_URL, api_version=DEFAULT_API_VERSION,
                 validate_certs=True, timeout=30.0, retry_budget=120.0, max_attempts=6, backoff_base=0.5,
                 backoff_cap=10.0, sleep=time.sleep, monotonic=time.monotonic, limiter=None, allow_plain_http=False,
                 now=time.time, api_format="auto"):
        if not HAS_REQUESTS:
            raise ApiError("the Python library 'requests' is required: %s" % REQUESTS_IMPORT_ERROR)
        problem = plain_http_problem(api_url, allow_plain_http)
        if problem:
            raise ApiError(problem)
        self.base_url = (api_url or DEFAULT_API_URL).rstrip("/")
        if api_format not in (None, "auto") + API_FORMATS:
            raise ApiError("api_format must be auto, contract or live, got %r" % (api_format,))
        self.api_format = api_format if api_format in API_FORMATS else None  # None: as the server says
        self.announced = None  # the format the last answer said (or implied), see wire
        self.timeout = timeout
        self.retry_budget = retry_budget
        self.max_attempts = max_attempts
        self.backoff_base = backoff_base
        self.backoff_cap = backoff_cap
        self._sleep = sleep
        self._monotonic = monotonic
        self.now = now  # the time of day here (seconds since the epoch): the controller's "now" for input checks
        self.limiter = limiter
        self.session = requests.Session()
        self.session.verify = validate_certs
        self.session.headers.update({
            "Authorization": "Bearer %s" % api_key,
            "Cc-Version": api_version or DEFAULT_API_VERSION,
            "User-Agent": "cockroachdb.cloud/%s (Ansible collection)" % COLLECTION_VERSION,
            "Accept": "application/json",
        })
        self.calls = []  # (method, path, status) of every attempt, for tests and benchmarks
        self.applied_at = []  # len(calls) after each change found applied although its answer was lost
        # progress(what, value, waited, timeout) after each poll of a wait; the action plugin
        # sets it to tell about long waits, a module process leaves it quiet.
        self.progress = None

    # -- the one place that talks HTTP -------------------------------------------------------
    def request(self, method, path, params=None, body=None, idempotent=None):
        """Send one API call (with retries) and return its decoded JSON body."""
        method = method.upper()
        idempotent = method in SAFE_METHODS if idempotent is None else idempotent
        url = self.base_url + path
        started = self._monotonic()
        attempt = 0
        while True:
            attempt += 1
            if self.limiter is not None:
                self.limiter.acquire()
            try:
                response = self.session.request(method, url, params=params, json=body,
                                                timeout=self.timeout)
            except requests.exceptions.RequestException as exc:
                self.calls.append((method, path, None))
                transport = classify_transport_error(exc)
                error = ApiError("cannot reach %s: %s" % (self.base_url, transport.reason), method=method, path=path,
                                 ambiguous=transport.sent, transport=transport.kind)
                self._pause_or_raise(error, idempotent or not transport.sent, attempt, started,
                                     max_attempts=transport.max_attempts, wait=transport.pause)
                continue
            self.calls.append((method, path, response.status_code))
            self.announced = response.headers.get(FORMAT_HEADER) if response.headers.get(FORMAT_HEADER) in API_FORMATS \
                else "live"
            if response.status_code < 400:
                return self._decode(response, method, path)
            error = _error_from_response(response, method, path)
            error.ambiguous = response.status_code in RETRY_STATUSES and not self._locked(error)
            if response.status_code == 429:
                wait = _retry_after(response)
                self._pause_or_raise(error, True, attempt, started, wait=wait, counted=wait is None)
            elif response.status_code in RETRY_STATUSES:
                self._pause_or_raise(error, idempotent or self._locked(error), attempt, started)
            else:
                raise error

    @property
    def wire(self):
        """The wire format of the server: ``contract`` or ``live``. The ``api_format`` option
        when set; else what the server's answers say: the emulator names its format in a
        header on every answer, and a server that names none is the live service. Before the
        first answer, one GET of the organization asks (only a task whose first request
        depends on the format pays it)."""
        if self.api_format is not None:
            return self.api_format
        if self.announced is None:
            try:
                self.get(API + "/organization")
            except ApiError:
                if self.announced is None:  # no answer at all: the failure is the one to report
                    raise
        return self.announced

    def change(self, method, path, applied, body=None, params=None):
        """Send a change whose answer may be lost, and make sure it takes effect once.

        When the answer is lost (a 502/503/504, a read timeout or a dropped connection after
        the request went out), ``applied()`` reads whether the change took effect: it returns
        the resource (then the change's answer) or None, and only then is the change sent
        again. When that read fails, its error carries the change's (``ApiError.lost_change``):
        the change may or may not have taken effect. The attempts and backoff are those of reads (``max_attempts`` within
        ``retry_budget``); 429s and a busy cluster's refusals are retried as by ``request``.
        """
        started = self._monotonic()
        attempt = 0
        while True:
            attempt += 1
            try:
                return self.request(method, path, params=params, body=body, idempotent=False)
            except ApiError as error:
                if not error.ambiguous:
                    raise
                try:
                    found = applied()
                except ApiError as failure:  # not known whether it took effect: say which change
                    failure.lost_change = error
                    raise
                if found is not None:
                    self.applied_at.append(len(self.calls))  # it changed something: see changed_since
                    return found
                self._pause_or_raise(error, True, attempt, started)

    def changed_since(self, mark):
        """Whether a request that changes something succeeded since ``calls[mark]`` (also one
        whose answer was lost but that ``change`` found applied)."""
        return any(method not in SAFE_METHODS and status is not None and status < 400
                   for method, _path, status in self.calls[mark:]) or any(at > mark for at in self.applied_at)

    @staticmethod
    def _transient(error):
        """A failure that may pass by itself: no answer (but a bad certificate or host name),
        429, 502, 503, 504."""
        if error.status is None:
            return error.transport not in ("tls", "dns")
        return error.status == 429 or error.status in RETRY_STATUSES

    @staticmethod
    def _locked(error):
        # The service refuses changes to a CREATING or LOCKED cluster with 503 "...locked...":
        # nothing was done, so the call is safe to repeat once the cluster is free.
        return error.status == 503 and "locked" in (error.message or "").lower()

    def _pause_or_raise(self, error, retry, attempt, started, wait=None, max_attempts=None, counted=True):
        """Sleep before the next attempt, or raise ``error`` when there is none. 429s wait
        as told (``counted=False``: they only count against the time budget)."""
        if not retry:
            raise error
        elapsed = self._monotonic() - started
        if counted and attempt >= min(self.max_attempts, max_attempts or self.max_attempts):
            raise self._gave_up(error, attempt, elapsed) if attempt > 1 else error
        if wait is None:
            wait = random.uniform(0, min(self.backoff_cap, self.backoff_base * (2 ** (attempt - 1))))
        if elapsed + wait > self.retry_budget:
            raise self._gave_up(error, attempt, elapsed)
        self._sleep(wait)

    @staticmethod
    def _gave_up(error, attempt, elapsed):
        error.message = "%s (gave up after %d attempt%s in %.0f s)" % (
            error.message, attempt, "" if attempt == 1 else "s", elapsed)
        return error

    @staticmethod
    def _decode(response, method, path):
        if not response.content:
            return {}
        try:
            return response.json()
        except ValueError:
            raise ApiError("the API answered with a body that is not JSON: %r"
                           % response.text[:200], status=response.status_code, method=method, path=path)

    # -- conveniences ------------------------------------------------------------------------
    def get(self, path, params=None):
        return self.request("GET", path, params=params)

    def post(self, path, body=None, params=None, idempotent=None):
        return self.request("POST", path, params=params, body=body, idempotent=idempotent)

    def put(self, path, body=None, params=None, idempotent=None):
        return self.request("PUT", path, params=params, body=body, idempotent=idempotent)

    def patch(self, path, body=None, params=None, idempotent=None):
        return self.request("PATCH", path, params=params, body=body, idempotent=idempotent)

    def delete(self, path, params=None, idempotent=None):
        return self.request("DELETE", path, params=params, idempotent=idempotent)

    def paginate(self, path, items_key, params=None, page_size=MAX_PAGE_SIZE):
        """Yield every item of a list operation, page after page at ``page_size``."""
        query = dict(params or {})
        query["pagination.limit"] = page_size
        seen_tokens = set()
        while True:
            page = self.get(path, params=query)
            yield from page.get(items_key) or []
            info = page.get("pagination") or {}
            token = info.get("next") or info.get("next_page")
            if not token:
                return
            if token in seen_tokens:
                raise ApiError("the API returned the same page token twice", method="GET", path=path)
            seen_tokens.add(token)
            query["pagination.page"] = token

    def list_all(self, path, items_key, params=None, page_size=MAX_PAGE_SIZE):
        return list(self.paginate(path, items_key, params=params, page_size=page_size))

    def wait_for(self, fetch, done, timeout, what="the resource", interval=1.0, max_interval=10.0,
                 failed=None):
        """Call ``fetch()`` until ``done(value)`` or ``timeout`` seconds pass.

        Polls back off from ``interval`` (x1.5) up to ``max_interval``. ``failed(value)``
        may return a message to stop early. A poll that fails for a reason that may pass (no
        answer, 429, 502-504, after the request's own retries) is followed by the next poll
        until the time is up. Raises WaitTimeout with the last value seen.
        """
        started = self._monotonic()
        delay = interval
        while True:
            try:
                value = fetch()
            except ApiError as error:
                # A poll that failed after its own retries (the API restarting, a gateway
                # hiccup) does not end the wait: the next poll may answer. Refusals do.
                if not self._transient(error) or self._monotonic() - started >= timeout:
                    raise
                self._sleep(min(delay, max(0.0, timeout - (self._monotonic() - started))))
                delay = min(max_interval, delay * 1.5)
                continue
            if done(value):
                return value
            problem = failed(value) if failed else None
            waited = self._monotonic() - started
            if problem:
                raise WaitTimeout(problem, last=value, waited=waited, timed_out=False)
            if self.progress is not None:
                self.progress(what, value, waited, timeout)
            remaining = timeout - waited
            if remaining <= 0:
                raise WaitTimeout("timed out after %s waiting for %s" % (seconds(waited), what),
                                  last=value, waited=waited)
            # The last pause is cut to the time left, so a timeout means the whole time passed.
            self._sleep(min(delay, remaining))
            delay = min(max_interval, delay * 1.5)


def seconds(value):
    """``0.4 s``, ``3 s``, ``2 min 5 s``, ``60 min``: a duration as people read it."""
    if value < 1:
        return "%.1f s" % value
    if value < 120:
        return "%.0f s" % value
    minutes, rest = divmod(int(round(value)), 60)
    return "%d min %d s" % (minutes, rest) if rest else "%d min" % minutes
