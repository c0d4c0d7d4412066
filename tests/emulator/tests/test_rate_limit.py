"""Rate limit: N requests per second per key, then 429 with Retry-After."""

import time

from tests.emulator.ratelimit import RateLimiter


def test_bucket_allows_rate_then_asks_to_wait():
    limiter = RateLimiter(3)
    assert [limiter.check("k") for _unused in range(3)] == [0, 0, 0]
    assert limiter.check("k") == 1
    assert limiter.check("other") == 0  # keys do not share a bucket
    time.sleep(0.4)
    assert limiter.check("k") == 0


def test_off_when_zero():
    limiter = RateLimiter(0)
    assert all(limiter.check("k") == 0 for _unused in range(1000))


def test_429_with_retry_after(make_api):
    api = make_api(rate_limit=5)
    statuses = [api.get("/api/v1/organization").status_code for _unused in range(8)]
    assert statuses[:5] == [200] * 5
    assert 429 in statuses[5:]
    limited = api.get("/api/v1/organization")
    assert limited.status_code == 429
    assert limited.headers["Retry-After"] == "1"
    assert limited.get_json()["message"] == "rate limit exceeded: 5.0 requests per second per key"


def test_rate_limit_changes_at_run_time(make_api):
    api = make_api(rate_limit=1)
    api.get("/api/v1/organization")
    assert api.get("/api/v1/organization").status_code == 429
    api.ok(api.client.patch("/_emulator/config", json={"rate_limit": 0}))
    assert all(api.get("/api/v1/organization").status_code == 200 for _unused in range(20))


def test_rates_below_one_per_second_still_admit_requests():
    limiter = RateLimiter(0.5)
    assert limiter.check("k") == 0
    assert limiter.check("k") == 2
