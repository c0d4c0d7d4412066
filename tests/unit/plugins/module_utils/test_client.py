# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""CockroachClient against a scripted local HTTP server, on a fake clock."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import random
import socket

import pytest
import requests

from ansible_collections.cockroachdb.cloud.plugins.module_utils import _client
from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import ApiError, WaitTimeout

OK = (200, {"ok": True})
LOCKED = (503, {"code": 14, "message": "cluster is locked: an update is in progress"})
UNAVAILABLE = (503, {"code": 14, "message": "service unavailable"})


def methods(server):
    return [r.method for r in server.received]


@pytest.fixture
def max_jitter(monkeypatch):
    """Make full jitter deterministic: every backoff waits its upper bound."""

    class Highest(object):
        @staticmethod
        def uniform(low, high):
            return high

    monkeypatch.setattr(_client, "random", Highest)


# -- headers -------------------------------------------------------------------------------

def test_headers_default_version(serve, make_client, api_key):
    server = serve([OK])
    assert make_client(server.url).get("/api/v1/clusters") == {"ok": True}
    assert len(server.received) == 1
    headers = server.received[0].headers
    assert headers["Authorization"] == "Bearer %s" % api_key
    assert headers["Cc-Version"] == "2024-09-16"
    assert headers["User-Agent"].startswith("cockroachdb.cloud/%s" % _client.COLLECTION_VERSION)
    assert headers["Accept"] == "application/json"


def test_headers_version_overridden(serve, make_client):
    server = serve([OK])
    make_client(server.url, api_version="2022-09-20").get("/api/v1/clusters")
    assert server.received[0].headers["Cc-Version"] == "2022-09-20"


def test_trailing_slash_in_url_and_params(serve, make_client):
    server = serve([OK])
    make_client(server.url + "/").get("/api/v1/clusters", params={"show_inactive": "true"})
    assert server.received[0].path == "/api/v1/clusters"
    assert server.received[0].query == {"show_inactive": "true"}


def test_json_body_sent(serve, make_client):
    server = serve([(201, {"id": "abc"})])
    result = make_client(server.url).post("/api/v1/clusters", body={"name": "c1", "n": 3})
    assert result == {"id": "abc"}
    request = server.received[0]
    assert (request.method, request.path, request.body) == ("POST", "/api/v1/clusters", {"name": "c1", "n": 3})
    assert request.headers["Content-Type"] == "application/json"


def test_empty_success_body_is_empty_dict(serve, make_client):
    server = serve([(200, None)])
    assert make_client(server.url).delete("/api/v1/x") == {}


def test_success_body_not_json(serve, make_client):
    server = serve([(200, "<html>proxy</html>")])
    with pytest.raises(ApiError) as info:
        make_client(server.url).get("/api/v1/x")
    assert "not JSON" in info.value.message
    assert info.value.status == 200


def test_calls_record_every_attempt(serve, make_client):
    server = serve([UNAVAILABLE, OK])
    client = make_client(server.url)
    client.get("/api/v1/x")
    assert client.calls == [("GET", "/api/v1/x", 503), ("GET", "/api/v1/x", 200)]


# -- 429 -----------------------------------------------------------------------------------

def test_429_honours_retry_after(serve, make_client, clock):
    server = serve([(429, {"code": 8, "message": "rate limited"}, {"Retry-After": "7"}), OK])
    assert make_client(server.url).get("/api/v1/x") == {"ok": True}
    assert clock.sleeps == [7.0]
    assert methods(server) == ["GET", "GET"]


def test_429_on_post_is_retried(serve, make_client, clock):
    server = serve([(429, {"code": 8, "message": "rate limited"}, {"Retry-After": "2"}), (200, {"id": "1"})])
    assert make_client(server.url).post("/api/v1/clusters", body={"name": "c1"}) == {"id": "1"}
    assert clock.sleeps == [2.0]
    assert methods(server) == ["POST", "POST"]
    assert [r.body for r in server.received] == [{"name": "c1"}, {"name": "c1"}]


def test_429_without_retry_after_backs_off(serve, make_client, clock, max_jitter):
    server = serve([(429, {"message": "slow down"}), OK])
    make_client(server.url, backoff_base=0.5).get("/api/v1/x")
    assert clock.sleeps == [0.5]
    assert len(server.received) == 2


def test_429_beyond_budget_gives_up(serve, make_client, clock):
    server = serve([(429, {"message": "slow down"}, {"Retry-After": "30"})])
    with pytest.raises(ApiError) as info:
        make_client(server.url, retry_budget=10).get("/api/v1/x")
    assert info.value.status == 429
    assert "gave up after 1 attempt in" in info.value.message
    assert clock.sleeps == []
    assert len(server.received) == 1


# -- 502/503/504 ---------------------------------------------------------------------------

def test_gateway_errors_on_get_are_retried(serve, make_client, clock, max_jitter):
    server = serve([(502, "bad gateway"), (504, "gateway timeout"), UNAVAILABLE, OK])
    client = make_client(server.url, backoff_base=0.5, backoff_cap=10, retry_budget=60)
    assert client.get("/api/v1/x") == {"ok": True}
    assert methods(server) == ["GET"] * 4
    assert clock.sleeps == [0.5, 1.0, 2.0]


def test_repeated_503_beyond_budget(serve, make_client, clock, max_jitter):
    server = serve([UNAVAILABLE] * 10)
    client = make_client(server.url, backoff_base=1, backoff_cap=4, retry_budget=10)
    with pytest.raises(ApiError) as info:
        client.get("/api/v1/x")
    # Waits 1, 2, 4 (7 s in all); the next 4 s would pass the 10 s budget.
    assert clock.sleeps == [1, 2, 4]
    assert len(server.received) == 4
    assert info.value.status == 503
    assert "gave up after 4 attempts" in info.value.message
    assert "gave up after 4 attempts" in str(info.value)


def test_max_attempts_within_budget(serve, make_client, clock, max_jitter):
    server = serve([UNAVAILABLE] * 10)
    with pytest.raises(ApiError) as info:
        make_client(server.url, backoff_base=0.5, retry_budget=1000, max_attempts=3).get("/api/v1/x")
    assert len(server.received) == 3
    assert clock.sleeps == [0.5, 1.0]
    assert "gave up after 3 attempts" in info.value.message


def test_429_does_not_count_against_max_attempts(serve, make_client, clock):
    limited = (429, {"message": "slow down"}, {"Retry-After": "1"})
    server = serve([limited] * 4 + [OK])
    assert make_client(server.url, max_attempts=2).get("/api/v1/x") == {"ok": True}
    assert len(server.received) == 5
    assert clock.sleeps == [1.0] * 4


def test_backoff_is_full_jitter_within_cap(serve, make_client, clock, monkeypatch):
    bounds = []
    real = random.Random(1234)

    class Recording(object):
        @staticmethod
        def uniform(low, high):
            bounds.append((low, high))
            return real.uniform(low, high)

    monkeypatch.setattr(_client, "random", Recording)
    server = serve([UNAVAILABLE] * 8 + [OK])
    base, cap = 0.5, 3.0
    make_client(server.url, backoff_base=base, backoff_cap=cap, retry_budget=1000, max_attempts=20).get("/api/v1/x")
    assert len(server.received) == 9
    assert bounds == [(0, min(cap, base * 2 ** n)) for n in range(8)]
    assert len(clock.sleeps) == 8
    for n, slept in enumerate(clock.sleeps):
        assert 0 <= slept <= min(cap, base * 2 ** n)


def test_backoff_with_real_random_stays_in_range(serve, make_client, clock):
    server = serve([UNAVAILABLE] * 6 + [OK])
    make_client(server.url, backoff_base=0.25, backoff_cap=1.0, retry_budget=1000, max_attempts=20).get("/api/v1/x")
    assert len(clock.sleeps) == 6
    for n, slept in enumerate(clock.sleeps):
        assert 0 <= slept <= min(1.0, 0.25 * 2 ** n)


def test_500_is_not_retried(serve, make_client, clock):
    server = serve([(500, {"code": 13, "message": "internal"}), OK])
    with pytest.raises(ApiError) as info:
        make_client(server.url).get("/api/v1/x")
    assert info.value.status == 500
    assert len(server.received) == 1
    assert clock.sleeps == []


# -- mutating requests and 503 "locked" ----------------------------------------------------

def test_503_locked_on_patch_is_retried(serve, make_client, clock, max_jitter):
    server = serve([LOCKED, LOCKED, (200, {"id": "c"})])
    result = make_client(server.url).patch("/api/v1/clusters/c", body={"spec": {"x": 1}})
    assert result == {"id": "c"}
    assert methods(server) == ["PATCH"] * 3
    assert [r.body for r in server.received] == [{"spec": {"x": 1}}] * 3
    assert len(clock.sleeps) == 2


def test_503_locked_beyond_budget_is_not_ambiguous(serve, make_client, max_jitter):
    server = serve([LOCKED] * 10)
    with pytest.raises(ApiError) as info:
        make_client(server.url, backoff_base=1, backoff_cap=1, retry_budget=2).patch("/api/v1/x", body={})
    assert info.value.ambiguous is False
    assert "gave up after 3 attempts" in info.value.message


def test_503_without_locked_on_patch_is_not_retried(serve, make_client, clock):
    server = serve([UNAVAILABLE, OK])
    with pytest.raises(ApiError) as info:
        make_client(server.url).patch("/api/v1/clusters/c", body={"a": 1})
    assert methods(server) == ["PATCH"]
    assert clock.sleeps == []
    assert info.value.status == 503
    assert info.value.ambiguous is True


def test_503_on_post_is_retried_when_caller_says_idempotent(serve, make_client, max_jitter):
    server = serve([UNAVAILABLE, (200, {"id": "1"})])
    assert make_client(server.url).post("/api/v1/x", body={}, idempotent=True) == {"id": "1"}
    assert methods(server) == ["POST", "POST"]


# -- transport errors ----------------------------------------------------------------------

def test_connection_refused_fails_after_one_quick_retry(make_client, clock, max_jitter, free_port):
    # Nothing listens: not a busy server, so one retry after half a second, not the backoff.
    port = free_port
    client = make_client("http://127.0.0.1:%d" % port, backoff_base=1, backoff_cap=2, retry_budget=6)
    with pytest.raises(ApiError) as info:
        client.post("/api/v1/clusters", body={"name": "c1"})
    error = info.value
    assert error.status is None
    assert error.ambiguous is False
    assert error.message.startswith("cannot reach http://127.0.0.1:%d: connection refused" % port)
    assert "gave up after 2 attempts" in error.message
    assert str(error).startswith("POST /api/v1/clusters failed: cannot reach")
    assert clock.sleeps == [0.5]
    assert client.calls == [("POST", "/api/v1/clusters", None)] * 2


def test_connection_refused_post_retried_once_when_the_server_comes_up(serve, make_client, clock, free_port):
    port = free_port
    servers = []

    def start_server_on_first_wait(seconds):
        servers.append(serve([(200, {"id": "1"})], port=port))

    clock.on_sleep = start_server_on_first_wait
    client = make_client("http://127.0.0.1:%d" % port)
    assert client.post("/api/v1/clusters", body={"name": "c1"}) == {"id": "1"}
    assert [c[2] for c in client.calls] == [None, 200]
    # The refused attempt never reached a server: exactly one request arrived.
    assert [(r.method, r.body) for r in servers[0].received] == [("POST", {"name": "c1"})]


def test_unresolvable_host_fails_after_one_quick_retry(make_client, clock):
    client = make_client("https://cockroach-api.invalid")
    with pytest.raises(ApiError) as info:
        client.get("/api/v1/clusters")
    assert "the host name does not resolve" in info.value.message
    assert clock.sleeps == [0.5]


@pytest.mark.parametrize("exc, kind, sent", [
    (requests.exceptions.ConnectionError(ConnectionRefusedError(111, "Connection refused")), "refused", False),
    (requests.exceptions.ConnectionError(socket.gaierror(-2, "Name or service not known")), "dns", False),
    (requests.exceptions.SSLError("CERTIFICATE_VERIFY_FAILED"), "tls", False),
    (requests.exceptions.ConnectTimeout("connect timed out"), "connect_timeout", False),
    (requests.exceptions.ReadTimeout("read timed out"), "read_timeout", True),
    (requests.exceptions.ConnectionError(ConnectionResetError(104, "Connection reset by peer")), "reset", True),
    (requests.exceptions.ChunkedEncodingError("broken"), "other", True),
])
def test_transport_errors_are_classified_by_type(exc, kind, sent):
    transport = _client.classify_transport_error(exc)
    assert (transport.kind, transport.sent) == (kind, sent)


def test_a_refusal_deep_in_the_cause_chain_is_found():
    try:
        try:
            raise ConnectionRefusedError(111, "Connection refused")
        except ConnectionRefusedError as inner:
            raise requests.exceptions.ConnectionError("wrapped") from inner
    except requests.exceptions.ConnectionError as outer:
        assert _client.classify_transport_error(outer).kind == "refused"


def test_reset_after_post_is_not_resent(serve, make_client, clock):
    server = serve(["reset", (200, {"id": "1"})])
    with pytest.raises(ApiError) as info:
        make_client(server.url).post("/api/v1/clusters", body={"name": "c1"})
    assert len(server.received) == 1
    assert info.value.ambiguous is True
    assert info.value.status is None
    assert "cannot reach" in info.value.message
    assert clock.sleeps == []


def test_read_timeout_after_post_is_not_resent(serve, make_client, clock):
    server = serve(["hang", (200, {"id": "1"})])
    with pytest.raises(ApiError) as info:
        make_client(server.url, timeout=0.3).post("/api/v1/clusters", body={"name": "c1"})
    assert len(server.received) == 1
    assert info.value.ambiguous is True
    assert info.value.status is None
    assert clock.sleeps == []


def test_reset_on_get_is_retried(serve, make_client, clock, max_jitter):
    server = serve(["reset", OK])
    assert make_client(server.url).get("/api/v1/x") == {"ok": True}
    assert methods(server) == ["GET", "GET"]
    assert len(clock.sleeps) == 1


def test_read_timeout_on_get_is_retried(serve, make_client, clock, max_jitter):
    server = serve(["hang", OK])
    assert make_client(server.url, timeout=0.3).get("/api/v1/x") == {"ok": True}
    assert methods(server) == ["GET", "GET"]
    assert len(clock.sleeps) == 1


# -- error parsing -------------------------------------------------------------------------

def test_json_error_fields(serve, make_client):
    details = [{"@type": "type.googleapis.com/google.rpc.BadRequest", "field": "name"}]
    server = serve([(400, {"code": 3, "message": "name is invalid", "details": details})])
    with pytest.raises(ApiError) as info:
        make_client(server.url).patch("/api/v1/x", body={"name": "?"})
    error = info.value
    assert (error.status, error.code, error.message, error.details) == (400, 3, "name is invalid", details)
    assert (error.method, error.path) == ("PATCH", "/api/v1/x")
    assert error.ambiguous is False
    assert str(error) == "PATCH /api/v1/x failed with HTTP 400: name is invalid"


def test_error_to_dict(serve, make_client):
    server = serve([(409, {"code": 6, "message": "already exists"})])
    with pytest.raises(ApiError) as info:
        make_client(server.url).post("/api/v1/clusters", body={})
    assert info.value.to_dict() == {"status": 409, "code": 6, "message": "already exists", "details": [],
                                    "method": "POST", "path": "/api/v1/clusters"}


def test_non_json_error_body(serve, make_client):
    server = serve([(404, "  page not found\n")])
    with pytest.raises(ApiError) as info:
        make_client(server.url).get("/api/v1/nope")
    error = info.value
    assert error.message == "page not found"
    assert error.status == 404
    assert error.code == 404  # no API code: the status stands in
    assert str(error) == "GET /api/v1/nope failed with HTTP 404: page not found"


def test_empty_error_body_uses_reason(serve, make_client):
    server = serve([(403, None)])
    with pytest.raises(ApiError) as info:
        make_client(server.url).get("/api/v1/x")
    assert info.value.message == "Forbidden"


def test_json_error_without_message_uses_text(serve, make_client):
    server = serve([(400, {"error": "nope"})])
    with pytest.raises(ApiError) as info:
        make_client(server.url).get("/api/v1/x")
    assert info.value.message == '{"error": "nope"}'


def test_api_error_str_without_method():
    assert str(ApiError("boom")) == "request failed: boom"
    assert str(ApiError("boom", status=500)) == "request failed with HTTP 500: boom"


# -- pagination ----------------------------------------------------------------------------

@pytest.mark.parametrize("token_key", ["next", "next_page"])
def test_paginate_three_pages(serve, make_client, token_key):
    server = serve([
        (200, {"clusters": [{"id": 1}, {"id": 2}], "pagination": {token_key: "t1"}}),
        (200, {"clusters": [{"id": 3}], "pagination": {token_key: "t2"}}),
        (200, {"clusters": [{"id": 4}], "pagination": {token_key: ""}}),
    ])
    items = make_client(server.url).list_all("/api/v1/clusters", "clusters", params={"show_inactive": "true"})
    assert items == [{"id": 1}, {"id": 2}, {"id": 3}, {"id": 4}]
    assert [r.query for r in server.received] == [
        {"show_inactive": "true", "pagination.limit": "500"},
        {"show_inactive": "true", "pagination.limit": "500", "pagination.page": "t1"},
        {"show_inactive": "true", "pagination.limit": "500", "pagination.page": "t2"},
    ]
    assert methods(server) == ["GET"] * 3


def test_paginate_stops_without_pagination_and_on_empty_page(serve, make_client):
    server = serve([(200, {"clusters": [{"id": 1}]}), (200, {})])
    client = make_client(server.url)
    assert client.list_all("/api/v1/clusters", "clusters") == [{"id": 1}]
    assert client.list_all("/api/v1/clusters", "clusters", page_size=10) == []
    assert [r.query for r in server.received] == [{"pagination.limit": "500"}, {"pagination.limit": "10"}]


def test_paginate_is_lazy(serve, make_client):
    server = serve([
        (200, {"items": [{"id": 1}], "pagination": {"next": "t1"}}),
        (200, {"items": [{"id": 2}]}),
    ])
    pages = make_client(server.url).paginate("/api/v1/x", "items")
    assert next(pages) == {"id": 1}
    assert len(server.received) == 1


def test_paginate_repeated_token(serve, make_client):
    server = serve([
        (200, {"items": [{"id": 1}], "pagination": {"next": "t1"}}),
        (200, {"items": [{"id": 2}], "pagination": {"next": "t1"}}),
        (200, {"items": [{"id": 3}]}),
    ])
    with pytest.raises(ApiError) as info:
        make_client(server.url).list_all("/api/v1/x", "items")
    assert "same page token" in info.value.message
    assert len(server.received) == 2


# -- wait_for ------------------------------------------------------------------------------

class Poll(object):
    """fetch() returning the given values in turn (the last one forever)."""

    def __init__(self, *values):
        self.values = list(values)
        self.count = 0

    def __call__(self):
        self.count += 1
        return self.values.pop(0) if len(self.values) > 1 else self.values[0]


def test_wait_for_done_after_polls(make_client, clock):
    fetch = Poll("a", "b", "c", "d", "done")
    client = make_client("http://127.0.0.1:9")
    result = client.wait_for(fetch, lambda v: v == "done", timeout=60, interval=1.0, max_interval=3.0)
    assert result == "done"
    assert fetch.count == 5
    assert clock.sleeps == [1.0, 1.5, 2.25, 3.0]


def test_wait_for_done_at_once(make_client, clock):
    fetch = Poll("done")
    assert make_client("http://127.0.0.1:9").wait_for(fetch, lambda v: v == "done", timeout=0) == "done"
    assert clock.sleeps == []


def test_wait_for_timeout(make_client, clock):
    fetch = Poll("busy1", "busy2", "busy3", "busy4", "busy5")
    with pytest.raises(WaitTimeout) as info:
        make_client("http://127.0.0.1:9").wait_for(fetch, lambda v: False, timeout=5, interval=1.0,
                                                   max_interval=10.0, what="the thing")
    # Sleeps 1, 1.5, 2.25 (4.75 s), then the 0.25 s left: the whole timeout passes, and one
    # last read at the end.
    assert clock.sleeps == [1.0, 1.5, 2.25, 0.25]
    assert fetch.count == 5
    assert info.value.last == "busy5"
    assert info.value.waited == pytest.approx(5.0)
    assert info.value.timed_out is True
    assert str(info.value) == "timed out after 5 s waiting for the thing"


def test_wait_for_a_short_timeout_waits_it_whole(make_client, clock):
    # wait_timeout: 1 used to fail at once, "after 0 s".
    fetch = Poll("busy")
    with pytest.raises(WaitTimeout) as info:
        make_client("http://127.0.0.1:9").wait_for(fetch, lambda v: False, timeout=1, what="the thing")
    assert clock.sleeps == [1.0]
    assert fetch.count == 2
    assert str(info.value) == "timed out after 1 s waiting for the thing"


class Failing(object):
    """A poll that raises, as the client does once its own retries are spent."""

    def __init__(self, status, transport=None):
        self.status, self.transport = status, transport

    def __call__(self):
        error = ApiError("poll failed", status=self.status)
        if self.transport:
            error.transport = self.transport
        raise error


def test_a_wait_survives_polls_that_fail_for_a_while(make_client, clock):
    outcomes = [Failing(502), Failing(None, "refused"), Failing(429), Failing(None, "reset"), "busy", "done"]

    def fetch():
        outcome = outcomes.pop(0)
        return outcome() if callable(outcome) else outcome
    assert make_client("http://127.0.0.1:9").wait_for(fetch, lambda v: v == "done", timeout=60) == "done"
    assert outcomes == [] and len(clock.sleeps) == 5


@pytest.mark.parametrize("failure", [Failing(404), Failing(403), Failing(None, "tls"), Failing(None, "dns")])
def test_a_wait_ends_on_a_poll_that_fails_for_good(make_client, clock, failure):
    with pytest.raises(ApiError):
        make_client("http://127.0.0.1:9").wait_for(failure, lambda v: True, timeout=60)
    assert clock.sleeps == []


def test_a_wait_whose_polls_keep_failing_ends_with_the_time(make_client, clock):
    with pytest.raises(ApiError) as info:
        make_client("http://127.0.0.1:9").wait_for(Failing(503), lambda v: True, timeout=10)
    assert info.value.status == 503 and sum(clock.sleeps) == pytest.approx(10.0)


@pytest.mark.parametrize("value, text", [(0.4, "0.4 s"), (1.02, "1 s"), (59.6, "60 s"), (125, "2 min 5 s"),
                                         (3600, "60 min"), (179.7, "3 min")])
def test_seconds(value, text):
    assert _client.seconds(value) == text


def test_wait_for_failed_stops_early(make_client, clock):
    fetch = Poll("busy", "broken", "done")
    with pytest.raises(WaitTimeout) as info:
        make_client("http://127.0.0.1:9").wait_for(
            fetch, lambda v: v == "done", timeout=60,
            failed=lambda v: "it broke" if v == "broken" else None)
    assert str(info.value) == "it broke"
    assert info.value.last == "broken"
    assert info.value.waited == pytest.approx(1.0)
    assert fetch.count == 2
    assert clock.sleeps == [1.0]


# -- what a failure says --------------------------------------------------------------------

def test_changed_since_counts_successful_changes_only(serve, make_client):
    server = serve([OK, (400, {"message": "bad"}), (200, {"id": "1"})])
    client = make_client(server.url)
    client.get("/api/v1/x")
    mark = len(client.calls)
    with pytest.raises(ApiError):
        client.post("/api/v1/x", body={})
    assert client.changed_since(mark) is False
    client.patch("/api/v1/x", body={})
    assert client.changed_since(mark) is True
    assert client.changed_since(len(client.calls)) is False


@pytest.mark.parametrize("error, text", [
    (ApiError("bad key", status=401, method="GET", path="/api/v1/clusters"),
     "GET /api/v1/clusters failed with HTTP 401: bad key (check the API key: the api_key option or the "
     "COCKROACH_API_KEY environment variable)"),
    (ApiError("no role", status=403, method="POST", path="/api/v1/clusters"),
     "POST /api/v1/clusters failed with HTTP 403: no role (the API key's service account lacks a role that "
     "allows this)"),
    (ApiError("boom", status=500, method="GET", path="/x"), "GET /x failed with HTTP 500: boom"),
    (_client.NotFound("no cluster named 'x' among 3 clusters", method="GET", path="/api/v1/clusters"),
     "no cluster named 'x' among 3 clusters"),
])
def test_explain(error, text):
    assert _client.explain(error) == text


def test_not_found_is_404_in_the_structured_error_but_not_an_http_failure():
    error = _client.NotFound("no cluster with id x", method="GET", path="/api/v1/clusters/x")
    assert str(error) == "no cluster with id x"
    assert error.to_dict()["status"] == 404 and error.to_dict()["code"] == "NOT_FOUND"


# -- changes whose answer is lost (change) -------------------------------------------------------

def test_a_change_whose_answer_was_lost_is_read_before_it_is_sent_again(serve, make_client, clock):
    server = serve([(502, {"message": "bad gateway"})])
    looked = []
    client = make_client(server.url)
    mark = len(client.calls)
    answer = client.change("POST", "/api/v1/things", lambda: looked.append(1) or {"id": "made"}, body={"n": 1})
    assert answer == {"id": "made"}
    assert methods(server) == ["POST"] and looked == [1]
    assert clock.sleeps == []
    assert client.changed_since(mark)  # a change went through, although its answer did not


def test_a_change_not_applied_is_sent_again_with_the_reads_budget(serve, make_client, clock, max_jitter):
    # A PATCH whose answers are lost five times is read five times and sent six times in all.
    server = serve([(502, {"message": "bad gateway"})] * 5 + [(200, {"id": "x", "n": 2})])
    looked = []
    answer = make_client(server.url).change("PATCH", "/api/v1/things/x", lambda: looked.append(1), body={"n": 2})
    assert answer == {"id": "x", "n": 2}
    assert methods(server) == ["PATCH"] * 6 and len(looked) == 5
    assert clock.sleeps == [0.5, 1.0, 2.0, 4.0, 8.0]  # the backoff of reads


def test_a_change_gives_up_after_the_attempts_of_reads(serve, make_client, clock):
    server = serve([(504, {"message": "gateway timeout"})] * 6)
    with pytest.raises(ApiError) as info:
        make_client(server.url).change("DELETE", "/api/v1/things/x", lambda: None)
    assert methods(server) == ["DELETE"] * 6
    assert "gave up after 6 attempts" in info.value.message


def test_a_dropped_answer_counts_as_lost(serve, make_client, clock):
    server = serve(["reset"])
    answer = make_client(server.url).change("POST", "/api/v1/things", lambda: {"id": "made"}, body={})
    assert answer == {"id": "made"} and methods(server) == ["POST"]


def test_a_clear_refusal_is_not_read_again(serve, make_client):
    server = serve([(400, {"message": "bad name"})])
    looked = []
    with pytest.raises(ApiError) as info:
        make_client(server.url).change("POST", "/api/v1/things", lambda: looked.append(1), body={})
    assert info.value.status == 400 and looked == [] and methods(server) == ["POST"]


# -- plain http ------------------------------------------------------------------------------------

@pytest.mark.parametrize("url", ["http://127.0.0.1:8080", "http://localhost:8080", "http://[::1]:80",
                                 "http://127.3.4.5", "http://emulator.localhost", "https://api.example.com", "https://cockroachlabs.cloud"])
def test_plain_http_to_this_machine_or_https_is_fine(url):
    assert _client.plain_http_problem(url) is None
    _client.CockroachClient("CCDB1_key", api_url=url)


@pytest.mark.parametrize("url", ["http://api.example.com", "HTTP://10.0.0.5:8080", "http://192.168.1.20/"])
def test_plain_http_elsewhere_is_refused_unless_allowed(url):
    problem = _client.plain_http_problem(url)
    assert problem.startswith("refusing to send the API key in clear text to ")
    assert "allow_plain_http: true" in problem
    with pytest.raises(ApiError) as info:
        _client.CockroachClient("CCDB1_key", api_url=url)
    assert info.value.message == problem
    assert _client.plain_http_problem(url, allowed=True) is None
    _client.CockroachClient("CCDB1_key", api_url=url, allow_plain_http=True)


# -- the wire format -----------------------------------------------------------------------------
FORMAT = _client.FORMAT_HEADER


def test_the_emulator_names_its_format_and_the_client_follows(serve, make_client):
    server = serve([(200, {"ok": True}, {FORMAT: "contract"})])
    client = make_client(server.url)
    client.get("/api/v1/clusters")
    assert client.wire == "contract" and len(server.received) == 1


def test_a_server_that_names_no_format_is_the_live_service(serve, make_client):
    server = serve([OK])
    client = make_client(server.url)
    client.get("/api/v1/clusters")
    assert client.wire == "live" and len(server.received) == 1


def test_before_any_answer_the_client_reads_the_organization_once(serve, make_client):
    server = serve([(200, {"id": "org"}, {FORMAT: "contract"}), OK])
    client = make_client(server.url)
    assert client.wire == "contract" and client.wire == "contract"
    assert [(r.method, r.path) for r in server.received] == [("GET", "/api/v1/organization")]


def test_an_error_answer_also_tells_the_format(serve, make_client):
    server = serve([(403, {"code": 7, "message": "no role"}, {FORMAT: "live"})])
    assert make_client(server.url).wire == "live"


def test_without_any_answer_the_failure_is_the_connection(make_client, free_port, clock, max_jitter):
    client = make_client("http://127.0.0.1:%d" % free_port)
    with pytest.raises(_client.ApiError, match="cannot reach"):
        client.wire  # pylint: disable=pointless-statement


@pytest.mark.parametrize("api_format", ["contract", "live"])
def test_the_option_wins_and_sends_nothing(serve, make_client, api_format):
    server = serve([])
    assert make_client(server.url, api_format=api_format).wire == api_format
    assert server.received == []


def test_an_unknown_format_is_refused(make_client):
    with pytest.raises(_client.ApiError, match="api_format must be auto, contract or live, got 'soap'"):
        make_client("http://127.0.0.1:1", api_format="soap")
