# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Cluster-scoped resources: cluster resolved once, listing read once (all pages), find by
key, the shared Resource base. Against a scripted local HTTP server."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import ApiError
from ansible_collections.cockroachdb.cloud.plugins.module_utils._cluster_children import (
    ClusterChildren,
    ClusterChildResource,
    ClusterNotFound,
    check_cluster_option,
    path_segment,
)
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resource import InvalidInput, ModuleContext, reconcile

CID = "3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
USERS = "/api/v1/clusters/%s/sql-users" % CID
NOT_FOUND = (404, {"code": 5, "message": "not found"})


def cluster(name="it-cluster", state="CREATED"):
    return {"id": CID, "name": name, "state": state}


def listing(*clusters):
    return (200, {"clusters": list(clusters), "pagination": {}})


def users_page(names, next_token=None):
    page = {"users": [{"name": n} for n in names], "pagination": {}}
    if next_token:
        page["pagination"]["next"] = next_token
    return (200, page)


def seen(server):
    return [(r.method, r.path, r.query) for r in server.received]


@pytest.mark.parametrize("value, segment", [
    ("app", "app"),
    ("my.user", "my.user"),
    ("a/b", "a%2Fb"),
    ("a b", "a%20b"),
    (".", "%2E"),
    ("..", "%2E%2E"),
    ("...", "..."),
])
def test_path_segment(value, segment):
    assert path_segment(value) == segment


@pytest.mark.parametrize("value", [None, "", "  "])
def test_check_cluster_option(value):
    with pytest.raises(InvalidInput, match="cluster must not be empty"):
        check_cluster_option(value)


def test_nothing_is_read_until_needed(serve, make_client):
    server = serve([])
    ClusterChildren(make_client(server.url), "it-cluster", "sql-users", "users")
    assert server.received == []


def test_cluster_by_name_and_listing_read_once_over_all_pages(serve, make_client):
    names = ["u%03d" % i for i in range(1, 8)]
    server = serve([listing(cluster()), users_page(names[:5], "tok2"), users_page(names[5:])])
    children = ClusterChildren(make_client(server.url), "it-cluster", "sql-users", "users")
    assert children.find("u007") == {"name": "u007"}
    assert children.find("u001") == {"name": "u001"}
    assert children.find("nobody") is None
    assert [u["name"] for u in children.items()] == names
    assert children.select("u003") == [{"name": "u003"}]
    assert len(children.select()) == 7
    assert seen(server) == [
        ("GET", "/api/v1/clusters", {"pagination.limit": "500"}),
        ("GET", USERS, {"pagination.limit": "500"}),
        ("GET", USERS, {"pagination.limit": "500", "pagination.page": "tok2"}),
    ]


def test_select_returns_copies(serve, make_client):
    server = serve([listing(cluster()), users_page(["a"])])
    children = ClusterChildren(make_client(server.url), "it-cluster", "sql-users", "users")
    children.select()[0]["name"] = "changed"
    assert children.find("a") == {"name": "a"}


def test_refresh_reads_the_listing_again(serve, make_client):
    server = serve([listing(cluster()), users_page(["a"]), users_page(["a", "b"])])
    children = ClusterChildren(make_client(server.url), "it-cluster", "sql-users", "users")
    assert children.find("b") is None
    assert children.find("b", refresh=True) == {"name": "b"}
    assert len(server.received) == 3


def test_cluster_by_id_is_one_get(serve, make_client):
    server = serve([(200, cluster()), users_page([])])
    children = ClusterChildren(make_client(server.url), CID, "sql-users", "users")
    assert children.items() == []
    assert [r.path for r in server.received] == ["/api/v1/clusters/%s" % CID, USERS]


def test_cluster_by_id_is_not_read_for_a_listing(serve, make_client):
    server = serve([users_page(["a"])])
    children = ClusterChildren(make_client(server.url), CID, "sql-users", "users", for_change=False)
    assert children.find("a") == {"name": "a"}
    assert children.cluster_id == CID
    assert [r.path for r in server.received] == [USERS]


def test_cluster_by_id_listing_404_is_cluster_not_found(serve, make_client):
    server = serve([NOT_FOUND])
    children = ClusterChildren(make_client(server.url), CID, "sql-users", "users", for_change=False)
    with pytest.raises(ClusterNotFound, match="^no cluster with id %s$" % CID):
        children.items()


def test_listing_404_of_a_cluster_found_by_name_is_not_cluster_not_found(serve, make_client):
    server = serve([listing(cluster()), NOT_FOUND])
    children = ClusterChildren(make_client(server.url), "it-cluster", "sql-users", "users", for_change=False)
    with pytest.raises(ApiError) as info:
        children.items()
    assert not isinstance(info.value, ClusterNotFound)


def test_ready_for_change_reads_a_cluster_given_by_id_and_waits(serve, make_client, clock):
    server = serve([users_page([]), (200, cluster(state="LOCKED")), (200, cluster())])
    children = ClusterChildren(make_client(server.url), CID, "sql-users", "users", for_change=False, wait_timeout=60)
    assert children.items() == []
    assert children.ready_for_change()["state"] == "CREATED"
    assert [r.path for r in server.received] == [USERS, "/api/v1/clusters/" + CID, "/api/v1/clusters/" + CID]
    assert clock.sleeps == []  # the first poll found it CREATED


def test_ready_for_change_waits_for_a_busy_cluster_found_by_name(serve, make_client, clock):
    server = serve([listing(cluster(state="CREATING")), users_page([]), (200, cluster())])
    children = ClusterChildren(make_client(server.url), "it-cluster", "sql-users", "users", for_change=False)
    assert children.items() == [] and clock.sleeps == []
    assert children.ready_for_change()["state"] == "CREATED"
    assert children.ready_for_change()["state"] == "CREATED"  # no more reads
    assert len(server.received) == 3


def test_ready_for_change_without_wait_does_not_wait(serve, make_client, clock):
    server = serve([listing(cluster(state="LOCKED"))])
    children = ClusterChildren(make_client(server.url), "it-cluster", "sql-users", "users", for_change=False,
                               wait=False)
    assert children.ready_for_change()["state"] == "LOCKED"
    assert clock.sleeps == [] and len(server.received) == 1


def test_item_path_encodes_each_part(serve, make_client):
    server = serve([(200, cluster())])
    children = ClusterChildren(make_client(server.url), CID, "sql-users", "users")
    assert children.item_path("a.b", "password") == USERS + "/a.b/password"
    assert children.item_path("..") == USERS + "/%2E%2E"


def test_custom_key(serve, make_client):
    entries = [{"cidr_ip": "10.0.0.0", "cidr_mask": 8}, {"cidr_ip": "10.0.0.0", "cidr_mask": 16}]
    server = serve([(200, cluster()), (200, {"allowlist": entries, "pagination": {}})])
    children = ClusterChildren(make_client(server.url), CID, "networking/allowlist", "allowlist",
                               key=lambda e: (e["cidr_ip"], e["cidr_mask"]))
    assert children.find(("10.0.0.0", 16)) == entries[1]
    assert server.received[1].path == "/api/v1/clusters/%s/networking/allowlist" % CID


@pytest.mark.parametrize("ref, how, message", [
    ("nope-cluster", "by name", "no cluster named 'nope-cluster' among 1 cluster (show_inactive: false)"),
    (CID, "by id", "no cluster with id %s" % CID),
])
def test_unknown_cluster(serve, make_client, ref, how, message):
    server = serve([listing(cluster("other-cluster")) if how == "by name" else NOT_FOUND])
    children = ClusterChildren(make_client(server.url), ref, "sql-users", "users")
    with pytest.raises(ClusterNotFound) as info:
        children.items()
    assert info.value.status == 404
    # Says what was looked for and where, not "GET ... failed with HTTP 404" (the listing answered 200).
    assert str(info.value) == message
    assert len(server.received) == 1


def test_deleted_cluster_by_id_is_not_found(serve, make_client):
    server = serve([(200, cluster(state="DELETED"))])
    with pytest.raises(ClusterNotFound):
        ClusterChildren(make_client(server.url), CID, "sql-users", "users").items()


def test_other_errors_are_not_cluster_not_found(serve, make_client):
    server = serve([(403, {"code": 7, "message": "the caller lacks a required role"})])
    with pytest.raises(ApiError) as info:
        ClusterChildren(make_client(server.url), CID, "sql-users", "users").items()
    assert not isinstance(info.value, ClusterNotFound)
    assert info.value.status == 403


def test_busy_cluster_is_waited_for_before_a_change(serve, make_client, clock):
    server = serve([listing(cluster(state="CREATING")), (200, cluster(state="LOCKED")), (200, cluster()),
                    users_page([])])
    children = ClusterChildren(make_client(server.url), "it-cluster", "sql-users", "users", wait_timeout=60)
    assert children.items() == []
    assert [r.path for r in server.received] == ["/api/v1/clusters", "/api/v1/clusters/%s" % CID,
                                                 "/api/v1/clusters/%s" % CID, USERS]
    assert clock.sleeps == [1.0]


@pytest.mark.parametrize("options", [dict(for_change=False), dict(wait=False)])
def test_busy_cluster_not_waited_for_reads_or_without_wait(serve, make_client, clock, options):
    server = serve([listing(cluster(state="CREATING")), users_page(["a"])])
    children = ClusterChildren(make_client(server.url), "it-cluster", "sql-users", "users", **options)
    assert children.find("a") == {"name": "a"}
    assert clock.sleeps == []


# -- ClusterChildResource ---------------------------------------------------------------------

class Child(ClusterChildResource):
    """A minimal child resource: name only."""

    kind = "thing"
    segment = "sql-users"
    items_key = "users"

    def view(self, resource):
        return {"name": resource["name"]}

    def changes(self, current):
        return {}

    def predict_create(self):
        return {"name": self.params["name"]}

    def create(self):
        return self.create_child({"name": self.params["name"]}, self.params["name"])

    def delete(self, current):
        self.delete_child(current["name"])


def child(client, check_mode=False, **params):
    merged = dict(cluster="it-cluster", name="a", state="present", wait=True, wait_timeout=60)
    merged.update(params)
    return Child(ModuleContext(client, merged, check_mode=check_mode))


def test_resource_checks_the_cluster_option_first(serve, make_client):
    server = serve([])
    with pytest.raises(InvalidInput, match="cluster must not be empty"):
        reconcile(child(make_client(server.url), cluster=""))
    assert server.received == []


def test_resource_absent_on_a_missing_cluster_is_unchanged(serve, make_client):
    server = serve([listing()])
    result = reconcile(child(make_client(server.url), state="absent"))
    assert result == {"changed": False, "thing": {}, "diff": {"before": {}, "after": {}}}
    assert len(server.received) == 1


def test_resource_present_on_a_missing_cluster_fails(serve, make_client):
    server = serve([listing()])
    with pytest.raises(ClusterNotFound, match="no cluster named 'it-cluster' among 0 clusters"):
        reconcile(child(make_client(server.url)))


def test_resource_in_check_mode_on_a_cluster_not_created_yet_predicts_with_a_warning(serve, make_client):
    # ansible-playbook --check of a setup: the cluster task only predicted its creation.
    server = serve([listing()])
    task = child(make_client(server.url), check_mode=True)
    result = reconcile(task)
    assert result["changed"] is True
    assert result["thing"] == {"name": "a"}
    assert result["diff"] == {"before": {}, "after": {"name": "a"}}
    assert task.ctx.warnings == ["no cluster named 'it-cluster' among 0 clusters (show_inactive: false); in check "
                                 "mode this task predicts its change as on a new, empty cluster (as if an earlier "
                                 "task created it), a real run fails unless the cluster exists by then"]
    assert [r.method for r in server.received] == ["GET"]


def test_resource_create_after_an_ambiguous_failure_looks_first(serve, make_client):
    server = serve([listing(cluster()), users_page([]), (502, {"code": 502, "message": "bad gateway"}),
                    users_page(["a"])])
    result = reconcile(child(make_client(server.url)))
    assert result["changed"] is True and result["thing"] == {"name": "a"}
    assert [r.method for r in server.received] == ["GET", "GET", "POST", "GET"]


def test_resource_delete_tolerates_404(serve, make_client):
    server = serve([listing(cluster()), users_page(["a"]), NOT_FOUND])
    result = reconcile(child(make_client(server.url), state="absent"))
    assert result["changed"] is True
    assert (server.received[2].method, server.received[2].path) == ("DELETE", USERS + "/a")


def test_resource_delete_other_errors_raise(serve, make_client):
    server = serve([listing(cluster()), users_page(["a"]), (400, {"code": 400, "message": "no"})])
    with pytest.raises(ApiError, match="HTTP 400: no"):
        reconcile(child(make_client(server.url), state="absent"))


def test_resource_no_op_does_not_wait_for_a_busy_cluster(serve, make_client, clock):
    server = serve([listing(cluster(state="LOCKED")), users_page(["a"])])
    assert reconcile(child(make_client(server.url)))["changed"] is False
    assert clock.sleeps == [] and len(server.received) == 2


def test_resource_change_waits_for_a_busy_cluster_first(serve, make_client, clock):
    server = serve([listing(cluster(state="CREATING")), users_page([]), (200, cluster()), (200, {"name": "a"})])
    assert reconcile(child(make_client(server.url)))["changed"] is True
    assert [(r.method, r.path) for r in server.received] == [
        ("GET", "/api/v1/clusters"), ("GET", USERS), ("GET", "/api/v1/clusters/" + CID), ("POST", USERS)]
    assert clock.sleeps == []  # the first poll found it CREATED


def test_resource_check_mode_does_not_wait_for_a_busy_cluster(serve, make_client, clock):
    server = serve([listing(cluster(state="LOCKED")), users_page([])])
    result = reconcile(child(make_client(server.url), check_mode=True))
    assert result["changed"] is True
    assert clock.sleeps == [] and [r.method for r in server.received] == ["GET", "GET"]
