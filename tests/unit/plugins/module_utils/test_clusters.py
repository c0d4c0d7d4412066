# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Cluster lookup by name or id and cluster waits, against a scripted local HTTP server."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import ApiError, WaitTimeout
from ansible_collections.cockroachdb.cloud.plugins.module_utils._clusters import (
    find_cluster,
    get_cluster,
    looks_like_id,
    require_cluster,
    wait_until_deleted,
    wait_until_ready,
)

CID = "3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
NOT_FOUND = (404, {"code": 5, "message": "cluster not found"})


def cluster(name, state="CREATED", cid=CID):
    return {"id": cid, "name": name, "state": state}


def requests_seen(server):
    return [(r.method, r.path, r.query) for r in server.received]


@pytest.mark.parametrize("value, expected", [
    (CID, True),
    (CID.upper(), True),
    ("my-cluster", False),
    ("", False),
    (None, False),
    (CID + "0", False),
    ("x" + CID, False),
    (CID.replace("-", ""), False),
])
def test_looks_like_id(value, expected):
    assert looks_like_id(value) is expected


def test_find_by_id(serve, make_client):
    server = serve([(200, cluster("c1"))])
    assert find_cluster(make_client(server.url), CID) == cluster("c1")
    assert requests_seen(server) == [("GET", "/api/v1/clusters/%s" % CID, {})]


def test_find_by_id_404_is_none(serve, make_client):
    server = serve([NOT_FOUND])
    assert find_cluster(make_client(server.url), CID) is None
    assert len(server.received) == 1


def test_find_by_id_other_errors_raise(serve, make_client):
    server = serve([(403, {"code": 7, "message": "permission denied"})])
    with pytest.raises(ApiError) as info:
        find_cluster(make_client(server.url), CID)
    assert info.value.status == 403


def test_find_by_id_deleted(serve, make_client):
    server = serve([(200, cluster("c1", "DELETED")), (200, cluster("c1", "DELETED"))])
    client = make_client(server.url)
    assert find_cluster(client, CID) is None
    assert find_cluster(client, CID, include_deleted=True) == cluster("c1", "DELETED")


def test_get_cluster_returns_deleted(serve, make_client):
    server = serve([(200, cluster("c1", "DELETED")), NOT_FOUND])
    client = make_client(server.url)
    assert get_cluster(client, CID)["state"] == "DELETED"
    assert get_cluster(client, CID) is None


def test_find_by_name_across_pages(serve, make_client):
    other = "00000000-0000-4000-8000-000000000001"
    server = serve([
        (200, {"clusters": [cluster("a", cid=other)], "pagination": {"next": "p2"}}),
        (200, {"clusters": [cluster("b", cid=other), cluster("wanted")], "pagination": {"next": "p3"}}),
        (200, {"clusters": [cluster("c", cid=other)]}),
    ])
    assert find_cluster(make_client(server.url), "wanted") == cluster("wanted")
    # Stops at the page that has it.
    assert requests_seen(server) == [
        ("GET", "/api/v1/clusters", {"pagination.limit": "500"}),
        ("GET", "/api/v1/clusters", {"pagination.limit": "500", "pagination.page": "p2"}),
    ]


def test_find_by_name_absent(serve, make_client):
    server = serve([
        (200, {"clusters": [cluster("a")], "pagination": {"next_page": "p2"}}),
        (200, {"clusters": [cluster("b")], "pagination": {}}),
    ])
    assert find_cluster(make_client(server.url), "wanted") is None
    assert len(server.received) == 2


def test_find_by_name_include_deleted_lists_inactive(serve, make_client):
    server = serve([(200, {"clusters": [cluster("gone", "DELETED")]})])
    assert find_cluster(make_client(server.url), "gone", include_deleted=True)["state"] == "DELETED"
    assert server.received[0].query == {"show_inactive": "true", "pagination.limit": "500"}


def test_require_cluster(serve, make_client):
    server = serve([(200, {"clusters": []}), NOT_FOUND])
    client = make_client(server.url)
    with pytest.raises(ApiError) as info:
        require_cluster(client, "nope-cluster")
    assert info.value.status == 404
    assert str(info.value) == "no cluster named 'nope-cluster' among 0 clusters (show_inactive: false)"
    with pytest.raises(ApiError) as info:
        require_cluster(client, CID)
    assert str(info.value) == "no cluster with id %s" % CID


def test_wait_until_ready_polls(serve, make_client, clock):
    server = serve([(200, cluster("c1", "CREATING")), (200, cluster("c1", "CREATED"))])
    result = wait_until_ready(make_client(server.url), cluster("c1", "CREATING"), timeout=60)
    assert result["state"] == "CREATED"
    assert len(server.received) == 2
    assert clock.sleeps == [1.0]


def test_wait_until_ready_no_request_when_ready(serve, make_client):
    server = serve([])
    assert wait_until_ready(make_client(server.url), cluster("c1"), timeout=60) == cluster("c1")
    assert server.received == []


def test_wait_until_ready_creation_failed(serve, make_client):
    server = serve([(200, cluster("c1", "LOCKED")), (200, cluster("c1", "CREATION_FAILED"))])
    with pytest.raises(WaitTimeout) as info:
        wait_until_ready(make_client(server.url), cluster("c1", "LOCKED"), timeout=60)
    assert "CREATION_FAILED" in str(info.value)
    assert info.value.last["state"] == "CREATION_FAILED"


def test_wait_until_ready_timeout(serve, make_client):
    server = serve([(200, cluster("c1", "CREATING"))] * 10)
    with pytest.raises(WaitTimeout) as info:
        wait_until_ready(make_client(server.url), cluster("c1", "CREATING"), timeout=3)
    assert "cluster c1 to leave state CREATING" in str(info.value)
    assert info.value.last["state"] == "CREATING"


def test_wait_until_deleted(serve, make_client):
    server = serve([(200, cluster("c1", "CREATED")), NOT_FOUND])
    assert wait_until_deleted(make_client(server.url), cluster("c1"), timeout=60) is None
    server = serve([(200, cluster("c1", "DELETED"))])
    assert wait_until_deleted(make_client(server.url), cluster("c1"), timeout=60)["state"] == "DELETED"
