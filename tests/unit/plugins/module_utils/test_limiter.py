# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The rate limiter shared by the processes of a machine (module_utils/_limiter.py), on a
fake clock, and the clients that use it."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import multiprocessing
import os
import time

import pytest

from ansible_collections.cockroachdb.cloud.plugins.module_utils import _limiter
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.runner import client_for
from ansible_collections.cockroachdb.cloud.plugins.module_utils._limiter import RateLimiter, rate_from_environment
from ansible_collections.cockroachdb.cloud.plugins.module_utils._plugin_client import client_from_options

KEY = "CCDB1_AbCdEfGhIjKlMnOpQrStUv_0123456789abcdefghijABCDEFGHIJ0123456789"
KEY_ID = "AbCdEfGhIjKlMnOpQrStUv"


@pytest.fixture
def limiter(tmp_path, clock):
    """``limiter(rate=10, key=KEY, **options)``: a limiter on the fake clock whose state file
    is in the test's directory."""

    def build(rate=10, key=KEY, **options):
        options.setdefault("directory", str(tmp_path))
        return RateLimiter(key, rate=rate, clock=clock.monotonic, sleep=clock.sleep, **options)

    return build


def takes(limiter, count):
    """The seconds each of ``count`` acquires slept."""
    return [round(limiter.acquire(), 6) for _unused in range(count)]


# -- tokens, refill, burst ---------------------------------------------------------------------------

def test_burst_of_half_a_second_then_one_token_each_interval(limiter, clock):
    bucket = limiter(rate=10)
    assert bucket.burst == 5
    started = clock.now
    # Five at once, then one every 0.1 s: each acquire sleeps until its token is due.
    assert takes(bucket, 5) == [0.0] * 5
    assert takes(bucket, 3) == [0.1, 0.1, 0.1]
    assert clock.now == pytest.approx(started + 0.3)


def test_tokens_refill_with_time_up_to_the_burst(limiter, clock):
    bucket = limiter(rate=10)
    takes(bucket, 5)
    clock.now += 0.2  # two tokens come back
    assert takes(bucket, 3) == [0.0, 0.0, 0.1]
    clock.now += 60  # a long pause refills the bucket to the burst, not beyond
    assert takes(bucket, 6) == [0.0] * 5 + [0.1]
    assert clock.sleeps == pytest.approx([0.1, 0.1])


def test_burst_is_at_most_the_rate_and_at_least_one(limiter):
    assert limiter(rate=10, burst=50).burst == 10
    assert limiter(rate=10, burst=3).burst == 3
    assert limiter(rate=2).burst == 1
    assert limiter(rate=0.5).burst == 1
    assert limiter(rate=4, burst=0).burst == 1


def test_an_explicit_burst(limiter):
    bucket = limiter(rate=10, burst=10)
    assert takes(bucket, 11) == [0.0] * 10 + [0.1]


def test_a_slow_rate(limiter):
    bucket = limiter(rate=0.5)
    assert takes(bucket, 3) == [0.0, 2.0, 2.0]


# -- shared by processes ---------------------------------------------------------------------------

def test_two_limiters_of_one_key_share_the_bucket(limiter, clock):
    first, second = limiter(rate=10), limiter(rate=10)  # as two processes would have
    assert first.path == second.path
    assert [first.acquire(), second.acquire(), first.acquire(), second.acquire(), first.acquire()] == [0.0] * 5
    # The bucket is empty for both; a waiting one has reserved its turn: the next waits longer.
    assert second._reserve() == pytest.approx(0.1)  # pylint: disable=protected-access
    assert first._reserve() == pytest.approx(0.2)  # pylint: disable=protected-access
    clock.now += 0.2
    assert first.acquire() == pytest.approx(0.1)


def test_other_keys_have_buckets_of_their_own(limiter):
    one, other = limiter(rate=10), limiter(rate=10, key=KEY + "x")
    assert one.path != other.path
    assert takes(one, 5) == [0.0] * 5
    assert takes(other, 5) == [0.0] * 5
    assert one.acquire() > 0


def _count_grants(path, key, deadline, results):
    bucket = RateLimiter(key, rate=20, burst=1, directory=path)
    granted = 0
    while True:
        bucket.acquire()
        if time.time() >= deadline:
            break
        granted += 1
    results.put(granted)


def test_two_real_processes_share_one_bucket(tmp_path):
    """Two processes take tokens for about a second at 20/s with a burst of 1: together they
    get at most about 21, not twice that (counts, not times: a slow machine gets fewer)."""
    try:
        context = multiprocessing.get_context("fork")
    except ValueError:
        pytest.skip("no fork on this platform")
    results = context.Queue()
    deadline = time.time() + 1.0
    workers = [context.Process(target=_count_grants, args=(str(tmp_path), KEY, deadline, results))
               for _unused in range(2)]
    for worker in workers:
        worker.start()
    counts = [results.get(timeout=30) for _unused in workers]
    for worker in workers:
        worker.join(30)
    assert all(worker.exitcode == 0 for worker in workers)
    # 1 at once plus 20 a second for (at most) the second they had; a margin of 2 for rounding.
    assert sum(counts) <= 23, counts
    assert all(count >= 1 for count in counts), counts


# -- off, or nothing to share ----------------------------------------------------------------------------

@pytest.mark.parametrize("value, rate", [
    (None, 10.0), ("", 10.0), ("10", 10.0), ("2.5", 2.5), (" 4 ", 4.0),
    ("0", 0.0), ("-1", 0.0), ("inf", 0.0),
    ("ten", 10.0), ("nan", 10.0),  # not a number: the default, never unlimited by mistake
])
def test_rate_from_environment(value, rate):
    environ = {} if value is None else {"COCKROACH_RATE_LIMIT": value}
    assert rate_from_environment(environ) == rate


def test_rate_zero_turns_it_off(tmp_path, clock):
    bucket = RateLimiter.from_environment(KEY, environ={"COCKROACH_RATE_LIMIT": "0",
                                                        "COCKROACH_RATE_LIMIT_DIR": str(tmp_path)},
                                          clock=clock.monotonic, sleep=clock.sleep)
    assert not bucket.enabled
    assert takes(bucket, 100) == [0.0] * 100
    assert clock.sleeps == []
    assert os.listdir(str(tmp_path)) == []


def test_from_environment_reads_the_directory(tmp_path, clock):
    bucket = RateLimiter.from_environment(KEY, environ={"COCKROACH_RATE_LIMIT": "3",
                                                        "COCKROACH_RATE_LIMIT_DIR": str(tmp_path)},
                                          clock=clock.monotonic, sleep=clock.sleep)
    assert (bucket.rate, bucket.burst) == (3.0, 1.5)
    bucket.acquire()
    assert os.listdir(str(tmp_path)) == [os.path.basename(bucket.path)]


def test_default_directory_is_the_system_temp_dir(monkeypatch, tmp_path):
    monkeypatch.delenv("COCKROACH_RATE_LIMIT_DIR", raising=False)
    monkeypatch.setattr(_limiter.tempfile, "gettempdir", lambda: str(tmp_path))
    assert os.path.dirname(RateLimiter(KEY).path) == str(tmp_path)


@pytest.mark.parametrize("where", ["missing", "a file", "file is a directory", "file is a symlink"])
def test_an_unusable_state_file_means_no_limiting_and_no_error(tmp_path, clock, where):
    directory = str(tmp_path)
    target = tmp_path / "elsewhere"
    target.write_text(u"keep me")
    name = _limiter.state_file_name(KEY)
    if where == "missing":
        directory = str(tmp_path / "does-not-exist")
    elif where == "a file":
        directory = str(target)
    elif where == "file is a directory":
        (tmp_path / name).mkdir()
    else:  # a planted symlink is never followed
        (tmp_path / name).symlink_to(target)
    bucket = RateLimiter(KEY, rate=1, directory=directory, clock=clock.monotonic, sleep=clock.sleep)
    assert takes(bucket, 20) == [0.0] * 20
    assert clock.sleeps == []
    assert target.read_text() == u"keep me"


def test_an_unwritable_directory_means_no_limiting(tmp_path, clock, monkeypatch):
    # (As the directory's permissions would, also when the tests run as root.)
    def refuse(path, *_args, **_kwargs):
        raise PermissionError(13, "Permission denied", path)
    monkeypatch.setattr(_limiter.os, "open", refuse)
    bucket = RateLimiter(KEY, rate=1, directory=str(tmp_path), clock=clock.monotonic, sleep=clock.sleep)
    assert takes(bucket, 5) == [0.0] * 5
    assert clock.sleeps == []


def test_a_file_of_another_user_is_not_used(limiter, clock, monkeypatch):
    bucket = limiter(rate=1)
    monkeypatch.setattr(_limiter.os, "getuid", lambda: os.getuid() + 1)
    assert takes(bucket, 5) == [0.0] * 5


def test_an_unexpected_error_never_breaks_the_task(limiter, monkeypatch):
    bucket = limiter(rate=1)

    def broken(*args):
        raise RuntimeError("no locks today")

    monkeypatch.setattr(_limiter.fcntl, "flock", broken)
    assert takes(bucket, 5) == [0.0] * 5


# -- a state file that cannot be trusted --------------------------------------------------------------

@pytest.mark.parametrize("content", [b"", b"garbage", b"v1 nan 5", b"v1 1 2 3", b"\xff\xfe", b"v2 1 2\n"])
def test_broken_content_starts_a_fresh_bucket(limiter, content):
    bucket = limiter(rate=10)
    with open(bucket.path, "wb") as handle:
        handle.write(content)
    assert takes(bucket, 6) == [0.0] * 5 + [0.1]


def test_a_clock_that_goes_back_moves_the_reservations_back(limiter, clock):
    bucket = limiter(rate=10)
    takes(bucket, 5)
    clock.now -= 3600  # an hour back: without a correction, the next token would be an hour away
    assert bucket.acquire() == pytest.approx(0.1)


def test_a_reservation_too_far_ahead_is_dropped(limiter, clock):
    bucket = limiter(rate=10)
    with open(bucket.path, "w") as handle:
        handle.write("v1 %.6f %.6f\n" % (clock.now + 10 ** 6, clock.now))
    assert bucket.acquire() == 0.0


# -- the key stays secret -------------------------------------------------------------------------------

def test_the_key_is_never_in_the_file_name_or_content(limiter, tmp_path):
    bucket = limiter(rate=10)
    takes(bucket, 7)
    names = os.listdir(str(tmp_path))
    assert len(names) == 1
    with open(os.path.join(str(tmp_path), names[0]), "rb") as handle:
        content = handle.read()
    for secret in (KEY, KEY_ID, KEY.rpartition("_")[2]):
        assert secret not in names[0]
        assert secret.encode("ascii") not in content
    assert names[0].startswith("cockroachdb-cloud-ratelimit-")
    assert oct(os.stat(bucket.path).st_mode & 0o777) == oct(0o600)


# -- the clients -------------------------------------------------------------------------------------------

class Counting(object):
    def __init__(self):
        self.calls = 0

    def acquire(self):
        self.calls += 1
        return 0.0


def test_the_client_acquires_before_every_attempt(serve, make_client):
    server = serve([(429, {"message": "slow down"}, {"Retry-After": "1"}),
                    (503, {"message": "unavailable"}), (200, {"ok": True}), (200, {"ok": True})])
    counting = Counting()
    client = make_client(server.url, limiter=counting)
    assert client.get("/api/v1/clusters") == {"ok": True}
    assert counting.calls == 3  # the 429, the 503, the answer
    client.post("/api/v1/clusters", {})
    assert counting.calls == 4 == len(server.received)


def test_without_a_limiter_the_client_sends_at_once(serve, make_client):
    server = serve([(200, {"ok": True})])
    client = make_client(server.url)
    assert client.limiter is None
    assert client.get("/api/v1/clusters") == {"ok": True}


def test_clients_of_tasks_and_plugins_get_the_shared_limiter(monkeypatch, tmp_path):
    monkeypatch.setenv("COCKROACH_RATE_LIMIT", "4")
    monkeypatch.setenv("COCKROACH_RATE_LIMIT_DIR", str(tmp_path))
    task = client_for({"api_key": KEY, "api_url": "http://127.0.0.1:9", "api_version": "2024-09-16",
                       "validate_certs": True, "request_timeout": 5.0})
    plugin = client_from_options({"api_key": " %s " % KEY, "api_url": "http://127.0.0.1:9"})
    for client in (task, plugin):
        assert isinstance(client.limiter, RateLimiter)
        assert client.limiter.rate == 4.0
        assert client.limiter.path == os.path.join(str(tmp_path), _limiter.state_file_name(KEY))
    monkeypatch.setenv("COCKROACH_RATE_LIMIT", "0")
    assert not client_from_options({"api_key": KEY}).limiter.enabled
