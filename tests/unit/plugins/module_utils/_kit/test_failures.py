# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The failures declare what they carry (``_client.Failure``): every field has its default
before anything sets it, and ``CockroachClient.change`` / ``request`` fill in theirs."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import (
    ApiError,
    CockroachClient,
    Failure,
    NotFound,
    WaitTimeout,
)
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources._cluster_lookup import ClusterNotFound
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import InvalidInput


@pytest.mark.parametrize("failure", [
    ApiError("refused", status=400),
    NotFound("no cluster named 'x'"),
    ClusterNotFound("no cluster named 'x'"),
    WaitTimeout("timed out"),
    InvalidInput("name must not be empty"),
])
def test_every_failure_carries_last_and_result_none_until_set(failure):
    assert isinstance(failure, Failure)
    assert failure.last is None and failure.result is None


def test_an_api_error_declares_its_fields_with_their_defaults():
    error = ApiError("refused", status=400, method="POST", path="/api/v1/clusters")
    assert (error.ambiguous, error.transport, error.lost_change) == (False, None, None)
    assert error.code == 400 and error.details == []
    assert str(error) == "POST /api/v1/clusters failed with HTTP 400: refused"


def test_a_wait_timeout_declares_its_fields_with_their_defaults():
    timeout = WaitTimeout("timed out")
    assert (timeout.last, timeout.waited, timeout.timed_out) == (None, 0.0, True)
    failed = WaitTimeout("cluster x failed: state CREATION_FAILED", last={"state": "CREATION_FAILED"}, timed_out=False)
    assert failed.last == {"state": "CREATION_FAILED"} and failed.timed_out is False


def _client(answers):
    """A client whose requests raise or return ``answers`` in turn (no HTTP, no pauses)."""
    client = CockroachClient("CCDB1_x_y", api_url="http://127.0.0.1:9", sleep=lambda s: None)

    def request(method, path, params=None, body=None, idempotent=None):
        answer = answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer
    client.request = request
    return client


def test_change_puts_the_lost_change_on_the_error_of_the_read_back():
    lost = ApiError("bad gateway", status=502, method="POST", path="/api/v1/things", ambiguous=True)
    client = _client([lost])
    read_back = ApiError("unavailable", status=503, method="GET", path="/api/v1/things")

    def applied():
        raise read_back
    with pytest.raises(ApiError) as info:
        client.change("POST", "/api/v1/things", applied, body={"name": "a"})
    assert info.value is read_back and info.value.lost_change is lost
    assert lost.lost_change is None


def test_change_leaves_lost_change_unset_when_the_change_itself_is_refused():
    refused = ApiError("bad request", status=400, method="POST", path="/api/v1/things")
    with pytest.raises(ApiError) as info:
        _client([refused]).change("POST", "/api/v1/things", lambda: None, body={})
    assert info.value is refused and info.value.lost_change is None


def test_an_unreachable_server_says_how_it_failed():
    client = CockroachClient("CCDB1_x_y", api_url="http://127.0.0.1:9", max_attempts=1, sleep=lambda s: None)
    with pytest.raises(ApiError) as info:
        client.get("/api/v1/clusters")
    assert info.value.status is None and info.value.transport == "refused" and info.value.ambiguous is False
