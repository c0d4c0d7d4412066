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

import random
import time
import traceback

try:
    import requests
    HAS_REQUESTS = True
    REQUESTS_IMPORT_ERROR = None
except ImportError:  # pragma: no cover - reported by the module with missing_required_lib
    requests = None
    HAS_REQUESTS = False
    REQUESTS_IMPORT_ERROR = traceback.format_exc()

COLLECTION_VERSION = "0.1.0"
DEFAULT_API_URL = "https://cockroachlabs.cloud"
DEFAULT_API_VERSION = "2024-09-16"
MAX_PAGE_SIZE = 500
SAFE_METHODS = frozenset(["GET", "HEAD"])
RETRY_STATUSES = frozenset([502, 503, 504])


class ApiError(Exception):
    """A failed API call: the HTTP status (None when no answer came), the API's code,
    message and details, and the method and path that failed."""

    def __init__(self, message, status=None, code=None, details=None, method=None, path=None):
        super(ApiError, self).__init__(message)
        self.message = message
        self.status = status
        self.code = code if code is not None else status
        self.details = details or []
        self.method = method
        self.path = path
        # True when the request may have taken effect although it failed (a timeout or a
        # 5xx after it was sent): a create must then look before it tries again.
        self.ambiguous = False

    def __str__(self):
        where = "%s %s" % (self.method, self.path) if self.method else "request"
        if self.status is None:
            return "%s failed: %s" % (where, self.message)
        return "%s failed with HTTP %s: %s" % (where, self.status, self.message)

    def to_dict(self):
        return {"status": self.status, "code": self.code, "message": self.message,
                "details": self.details, "method": self.method, "path": self.path}


class WaitTimeout(Exception):
    """``wait_for`` ran out of time; ``last`` is the last value seen."""

    def __init__(self, message, last=None, waited=0.0):
        super(WaitTimeout, self).__init__(message)
        self.last = last
        self.waited = waited


def _retry_after(response):
    value = response.headers.get("Retry-After", "")
    try:
        return max(0.0, float(value))
    except ValueError:
        return None


def _never_sent(exc):
    """True when a transport error happened before the request reached the server."""
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return True
    text = repr(exc)
    return "NewConnectionError" in text or "Connection refused" in text or "NameResolutionError" in text


def _describe(exc):
    """A short reason for a transport error (urllib3's text repeats the whole URL)."""
    text = str(exc)
    for needle, reason in (("Connection refused", "connection refused"),
                           ("NameResolutionError", "the host name does not resolve"),
                           ("Name or service not known", "the host name does not resolve"),
                           ("CERTIFICATE_VERIFY_FAILED", "the TLS certificate is not trusted "
                                                         "(validate_certs: false only for test servers)"),
                           ("Connection reset", "the connection was reset"),
                           ("RemoteDisconnected", "the server closed the connection without answering")):
        if needle in text:
            return reason
    if isinstance(exc, requests.exceptions.Timeout):
        return "no answer in time (%s)" % type(exc).__name__
    return "%s: %s" % (type(exc).__name__, text[:300])


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
    for at most ``max_attempts`` attempts, all within ``retry_budget`` seconds. GETs are always retried; other methods only when
    the request cannot have taken effect (429, a refused connection, a cluster that answered
    503 "locked") or when the caller says the call is idempotent.
    """

    def __init__(self, api_key, api_url=DEFAULT_API_URL, api_version=DEFAULT_API_VERSION,
                 validate_certs=True, timeout=30.0, retry_budget=120.0, max_attempts=6, backoff_base=0.5,
                 backoff_cap=10.0, sleep=time.sleep, monotonic=time.monotonic):
        if not HAS_REQUESTS:
            raise ApiError("the Python library 'requests' is required: %s" % REQUESTS_IMPORT_ERROR)
        self.base_url = (api_url or DEFAULT_API_URL).rstrip("/")
        self.timeout = timeout
        self.retry_budget = retry_budget
        self.max_attempts = max_attempts
        self.backoff_base = backoff_base
        self.backoff_cap = backoff_cap
        self._sleep = sleep
        self._monotonic = monotonic
        self.session = requests.Session()
        self.session.verify = validate_certs
        self.session.headers.update({
            "Authorization": "Bearer %s" % api_key,
            "Cc-Version": api_version or DEFAULT_API_VERSION,
            "User-Agent": "cockroachdb.cloud/%s (Ansible collection)" % COLLECTION_VERSION,
            "Accept": "application/json",
        })
        self.calls = []  # (method, path, status) of every attempt, for tests and benchmarks

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
            try:
                response = self.session.request(method, url, params=params, json=body,
                                                timeout=self.timeout)
            except requests.exceptions.RequestException as exc:
                self.calls.append((method, path, None))
                retry = idempotent or _never_sent(exc)
                error = ApiError("cannot reach %s: %s" % (self.base_url, _describe(exc)), method=method, path=path)
                error.ambiguous = not _never_sent(exc)
                self._pause_or_raise(error, retry, attempt, started)
                continue
            self.calls.append((method, path, response.status_code))
            if response.status_code < 400:
                return self._decode(response, method, path)
            error = _error_from_response(response, method, path)
            error.ambiguous = response.status_code in RETRY_STATUSES and not self._locked(error)
            if response.status_code == 429:
                self._pause_or_raise(error, True, attempt, started, wait=_retry_after(response))
            elif response.status_code in RETRY_STATUSES:
                self._pause_or_raise(error, idempotent or self._locked(error), attempt, started)
            else:
                raise error

    @staticmethod
    def _locked(error):
        # The service refuses changes to a CREATING or LOCKED cluster with 503 "...locked...":
        # nothing was done, so the call is safe to repeat once the cluster is free.
        return error.status == 503 and "locked" in (error.message or "").lower()

    def _pause_or_raise(self, error, retry, attempt, started, wait=None):
        if not retry:
            raise error
        elapsed = self._monotonic() - started
        if wait is None:  # 429s wait as told and only count against the time budget
            if attempt >= self.max_attempts:
                raise self._gave_up(error, attempt, elapsed)
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
        may return a message to stop early. Raises WaitTimeout with the last value seen.
        """
        started = self._monotonic()
        delay = interval
        while True:
            value = fetch()
            if done(value):
                return value
            problem = failed(value) if failed else None
            if problem:
                raise WaitTimeout(problem, last=value, waited=self._monotonic() - started)
            waited = self._monotonic() - started
            if waited + delay > timeout:
                raise WaitTimeout("timed out after %.0f s waiting for %s" % (waited, what),
                                  last=value, waited=waited)
            self._sleep(delay)
            delay = min(max_interval, delay * 1.5)
