# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""_cluster_lookup: clusters by name or id, messages, selection order and the READY/DELETED
waits, on the in-process emulator where they talk to the API; and ClusterScope: a cluster
named once, read only when needed, waited for before the first change only; a cluster that
does not exist; dedicated-only features."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import ApiError, WaitTimeout
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import InvalidInput
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.collection import Collection
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.fields import Field, Fields
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources._cluster_lookup import (
    ClusterNotFound,
    ClusterScope,
    connection_query,
    dedicated_cluster,
    find_cluster,
    get_cluster,
    get_connection_string,
    label_value,
    labels_match,
    looks_like_id,
    lookup_clusters,
    missing_message,
    or_gone,
    require_cluster,
    select_clusters,
    wait_until_deleted,
    wait_until_ready,
)

CID = "3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
LISTING = "/api/v1/clusters"


def seed(emulator, count, prefix="seeded"):
    """``count`` CREATED clusters named <prefix>-00000..., listed in that order; their ids."""
    return emulator.control("POST", "seed", {"clusters": count, "name_prefix": prefix})["created"]


def deleted_and_live(emulator, name="reused-name"):
    """Two clusters once named ``name`` (deleted) and the one that has the name now."""
    gone = []
    for _index in range(2):
        cluster = emulator.cluster(name)
        emulator.admin.delete("/api/v1/clusters/" + cluster["id"])
        gone.append(cluster["id"])
    return gone, emulator.cluster(name)["id"]


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


@pytest.mark.parametrize("value, expected", [
    ("prod", "prod"), (1, "1"), (2.5, "2.5"), (True, "true"), (False, "false"), (None, None)])
def test_label_values_compare_as_the_api_stores_them(value, expected):
    assert label_value(value) == expected


def test_labels_match_every_wanted_label():
    assert labels_match({"env": "prod", "tier": "1"}, {"env": "prod", "tier": None})
    assert not labels_match({"env": "prod"}, {"tier": None})
    assert labels_match(None, {}) and not labels_match(None, {"env": None})


@pytest.mark.parametrize("args, message", [
    # No option named: of the modules, only cockroach_cluster_info has show_inactive, and it
    # answers an empty list rather than this message.
    (("web-app", 0), "no cluster named 'web-app' among 0 clusters"),
    (("web-app", 1), "no cluster named 'web-app' among 1 cluster"),
    (("web-app", 12, True), "no cluster named 'web-app' among 12 clusters (deleted ones included)"),
    ((CID,), "no cluster with id %s" % CID),
    ((CID, None, False, {"state": "DELETED"}), "no cluster with id %s: it was deleted" % CID),
    ((CID, None, False, {"deleted_at": "2026-11-01T10:00:00Z"}),
     "no cluster with id %s: it was deleted at 2026-11-01T10:00:00Z" % CID),
])
def test_missing_message(args, message):
    assert missing_message(*args) == message


def test_connection_query_keeps_the_options_set():
    assert connection_query({"database": "orders", "sql_user": None, "os": "MAC", "other": 1}) == {
        "database": "orders", "os": "MAC"}


# -- by id -----------------------------------------------------------------------------------------

def test_find_by_id_is_one_get(emulator):
    cluster = emulator.cluster("web-app")
    mark = emulator.mark()
    assert find_cluster(emulator.client(), cluster["id"]) == cluster
    assert emulator.since(mark) == [("GET", "/api/v1/clusters/" + cluster["id"], 200)]


def test_find_by_id_404_is_none(emulator):
    mark = emulator.mark()
    assert find_cluster(emulator.client(), CID) is None
    assert emulator.since(mark) == [("GET", "/api/v1/clusters/" + CID, 404)]


def test_find_by_id_other_errors_raise(emulator):
    emulator.control("PUT", "faults", {"rate": 1, "kinds": ["403"]})
    with pytest.raises(ApiError) as info:
        find_cluster(emulator.client(), CID)
    assert info.value.status == 403


def test_a_deleted_cluster_by_id(emulator):
    cluster = emulator.cluster("web-app")
    emulator.admin.delete("/api/v1/clusters/" + cluster["id"])
    client = emulator.client()
    assert find_cluster(client, cluster["id"]) is None
    assert find_cluster(client, cluster["id"], include_deleted=True)["state"] == "DELETED"
    assert get_cluster(client, cluster["id"])["state"] == "DELETED"
    assert get_cluster(client, CID) is None
    with pytest.raises(ClusterNotFound, match="^no cluster with id %s: it was deleted at 20" % cluster["id"]):
        require_cluster(client, cluster["id"])


# -- by name -----------------------------------------------------------------------------------------

def test_a_name_lookup_stops_at_the_page_that_has_it(emulator):
    seed(emulator, 1100)
    client = emulator.client()
    mark = emulator.mark()
    assert find_cluster(client, "seeded-00550")["name"] == "seeded-00550"
    queries = [query for _path, query in emulator.queries(mark)]
    assert len(queries) == 2 and queries[0] == {"pagination.limit": "500"}  # not the third page
    assert queries[1]["pagination.limit"] == "500" and queries[1]["pagination.page"]
    mark = emulator.mark()
    assert find_cluster(client, "nope-cluster") is None
    assert len(emulator.since(mark)) == 3


def test_lookup_clusters_stops_once_every_name_is_found(emulator):
    seed(emulator, 600)
    client = emulator.client()
    mark = emulator.mark()
    found, count = lookup_clusters(client, ["seeded-00003", "seeded-00010"])
    assert sorted(found) == ["seeded-00003", "seeded-00010"] and count == 11
    assert len(emulator.since(mark)) == 1
    mark = emulator.mark()
    found, count = lookup_clusters(client, ["seeded-00010", "nope-cluster"])
    assert list(found) == ["seeded-00010"] and count == 600  # the whole listing
    assert len(emulator.since(mark)) == 2


def test_a_live_cluster_wins_over_deleted_ones_of_its_name(emulator):
    gone, live = deleted_and_live(emulator)
    mark = emulator.mark()
    found, count = lookup_clusters(emulator.client(), ["reused-name"], include_deleted=True)
    assert found["reused-name"]["id"] == live and count == 3
    assert emulator.queries(mark) == [(LISTING, {"show_inactive": "true", "pagination.limit": "500"})]
    emulator.admin.delete("/api/v1/clusters/" + live)
    found, _count = lookup_clusters(emulator.client(), ["reused-name"], include_deleted=True)
    assert found["reused-name"]["id"] == gone[0]  # the first deleted one listed
    assert lookup_clusters(emulator.client(), ["reused-name"]) == ({}, 0)


def test_require_cluster_says_what_was_looked_for(emulator):
    emulator.cluster("web-app")
    client = emulator.client()
    with pytest.raises(ClusterNotFound) as info:
        require_cluster(client, "nope-cluster")
    assert info.value.status == 404 and (info.value.method, info.value.path) == ("GET", LISTING)
    assert str(info.value) == "no cluster named 'nope-cluster' among 1 cluster"
    with pytest.raises(ClusterNotFound) as info:
        require_cluster(client, "nope-cluster", include_deleted=True)
    assert str(info.value) == "no cluster named 'nope-cluster' among 1 cluster (deleted ones included)"
    with pytest.raises(ClusterNotFound) as info:
        require_cluster(client, CID)
    assert str(info.value) == "no cluster with id %s" % CID
    assert info.value.path == "/api/v1/clusters/" + CID


# -- selection ---------------------------------------------------------------------------------------

def test_select_clusters_lists_the_live_one_first(emulator):
    gone, live = deleted_and_live(emulator)
    other = emulator.cluster("other-cluster")["id"]
    client = emulator.client()
    assert [c["id"] for c in select_clusters(client, "reused-name")] == [live]
    mark = emulator.mark()
    assert [c["id"] for c in select_clusters(client, "reused-name", show_inactive=True)] == [live] + gone
    assert emulator.queries(mark) == [(LISTING, {"show_inactive": "true", "pagination.limit": "500"})]
    assert [c["id"] for c in select_clusters(client)] == [live, other]
    assert [c["id"] for c in select_clusters(client, show_inactive=True)] == gone + [live, other]
    assert [c["id"] for c in select_clusters(client, gone[0])] == []
    assert [c["id"] for c in select_clusters(client, gone[0], show_inactive=True)] == [gone[0]]
    assert select_clusters(client, "nope-cluster", show_inactive=True) == []


# -- waits -------------------------------------------------------------------------------------------

def test_wait_until_ready_polls_on_the_fake_clock(emulator):
    cluster = emulator.cluster("web-app", settle=False)
    assert cluster["state"] == "CREATING"
    mark = emulator.mark()
    result = wait_until_ready(emulator.client(), cluster, timeout=60)
    assert result["state"] == "CREATED"
    assert emulator.since(mark) == [("GET", "/api/v1/clusters/" + cluster["id"], 200)] * 2
    assert emulator.clock.sleeps == [1.0]


def test_wait_until_ready_sends_nothing_when_ready(emulator):
    cluster = emulator.cluster("web-app")
    mark = emulator.mark()
    assert wait_until_ready(emulator.client(), cluster, timeout=60) == cluster
    assert emulator.since(mark) == []


def test_wait_until_ready_stops_at_creation_failed(emulator):
    cluster = emulator.cluster("web-app", settle=False)
    emulator.force_state(cluster["id"], "CREATION_FAILED")
    with pytest.raises(WaitTimeout) as info:
        wait_until_ready(emulator.client(), cluster, timeout=60)
    assert str(info.value) == "cluster web-app failed: state CREATION_FAILED"
    assert info.value.last["state"] == "CREATION_FAILED" and info.value.timed_out is False
    assert emulator.clock.sleeps == []


def test_wait_until_ready_times_out_with_the_last_state(emulator):
    cluster = emulator.cluster("web-app")
    locked = emulator.force_state(cluster["id"], "LOCKED")
    sleeps = len(emulator.clock.sleeps)
    with pytest.raises(WaitTimeout) as info:
        wait_until_ready(emulator.client(), locked, timeout=3)
    assert str(info.value) == "timed out after 3 s waiting for cluster web-app to leave state LOCKED"
    assert info.value.last["state"] == "LOCKED" and info.value.timed_out is True
    assert sum(emulator.clock.sleeps[sleeps:]) == 3


def test_wait_until_deleted(emulator):
    cluster = emulator.cluster("web-app")
    emulator.admin.delete("/api/v1/clusters/" + cluster["id"])
    assert wait_until_deleted(emulator.client(), cluster, timeout=60)["state"] == "DELETED"
    emulator.control("DELETE", "clusters?name_prefix=web-app")  # gone for good: 404
    assert wait_until_deleted(emulator.client(), cluster, timeout=60) is None


# -- around a cluster ---------------------------------------------------------------------------------

def test_connection_string_and_or_gone(emulator):
    cluster = emulator.cluster("web-app")
    client = emulator.client()
    mark = emulator.mark()
    assert get_connection_string(client, cluster["id"], {"sql_user": "app"}) == (
        "postgresql://app@%s:26257/defaultdb?sslmode=verify-full" % cluster["sql_dns"])
    assert emulator.queries(mark) == [("/api/v1/clusters/%s/connection-string" % cluster["id"], {"sql_user": "app"})]
    assert or_gone(lambda: get_connection_string(client, CID), "gone") == "gone"
    emulator.control("PUT", "faults", {"rate": 1, "kinds": ["403"]})
    with pytest.raises(ApiError) as info:
        or_gone(lambda: get_connection_string(client, cluster["id"]), "gone")
    assert info.value.status == 403


class Databases(Collection):
    kind = "database"
    scope = ClusterScope
    path = "databases"
    items = "databases"
    fields = Fields(Field("name", update=False))


class DedicatedDatabases(Databases):
    scope = dedicated_cluster("the thing")


def run(emu, check_mode=False, description=Databases, **params):
    merged = dict(cluster="web-app", name="orders", state="present", wait=True, wait_timeout=600)
    merged.update(params)
    return description(emu.context(merged, check_mode=check_mode)).run()


def test_a_cluster_given_by_id_is_not_read_on_a_no_op(emu):
    cluster = emu.cluster("web-app")
    run(emu, cluster=cluster["id"])
    mark = emu.mark()
    assert run(emu, cluster=cluster["id"])["changed"] is False
    assert emu.operations(mark) == ["ListDatabases"]


def test_a_cluster_given_by_name_costs_one_listing(emu):
    emu.cluster("web-app")
    run(emu)
    mark = emu.mark()
    assert run(emu)["changed"] is False
    assert emu.operations(mark) == ["ListClusters", "ListDatabases"]


def test_a_busy_cluster_is_waited_for_before_the_first_change_only(emu):
    cluster = emu.cluster("web-app", settle=False)  # CREATING for 1 s on the fake clock
    mark = emu.mark()
    assert run(emu, cluster=cluster["id"], check_mode=True)["changed"] is True
    assert emu.clock.sleeps == []  # check mode never waits
    result = run(emu, cluster=cluster["id"])
    assert result["changed"] is True
    assert emu.clock.sleeps  # waited for CREATED, then created the database
    assert emu.mutations(mark) == ["CreateDatabase"]
    assert all(status != 503 for _method, _path, status in emu.since(mark))


def test_an_unknown_cluster(emu):
    mark = emu.mark()
    with pytest.raises(ClusterNotFound, match="^no cluster named 'web-app' among 0 clusters"):
        run(emu)
    with pytest.raises(ClusterNotFound, match="^no cluster with id 5d56c004-1ae9-4f72-9fc8-ed1a0cda3957$"):
        run(emu, cluster="5d56c004-1ae9-4f72-9fc8-ed1a0cda3957")
    assert run(emu, state="absent")["changed"] is False
    assert emu.mutations(mark) == []


def test_check_mode_on_a_cluster_not_created_yet_predicts_and_warns(emu):
    ctx = emu.context(dict(cluster="web-app", name="orders", state="present", wait=True, wait_timeout=600),
                      check_mode=True)
    result = Databases(ctx).run()
    assert result["changed"] is True and result["database"] == {"name": "orders"}
    assert len(ctx.warnings) == 1
    assert ctx.warnings[0].startswith("no cluster named 'web-app' among 0 clusters; in check "
                                      "mode this task predicts its change as on a new, empty cluster")


def test_an_empty_cluster_option_is_refused_before_any_request(emu):
    mark = emu.mark()
    with pytest.raises(InvalidInput, match="^cluster must not be empty"):
        run(emu, cluster=" ")
    assert emu.since(mark) == []


def test_a_dedicated_only_feature_is_refused_on_a_serverless_cluster(emu):
    emu.cluster("web-app")
    mark = emu.mark()
    with pytest.raises(InvalidInput, match="^the thing is only available on dedicated clusters; cluster web-app is "
                                           "serverless$"):
        run(emu, description=DedicatedDatabases)
    assert emu.operations(mark) == ["ListClusters"]
    emu.cluster("orders-db", plan="DEDICATED", provider="AWS")
    assert run(emu, description=DedicatedDatabases, cluster="orders-db")["changed"] is True


def test_the_items_of_a_loop_list_the_clusters_once(emu):
    emu.cluster("web-app")
    params = dict(cluster="web-app", state="present", wait=True, wait_timeout=600)
    mark = emu.mark()
    for index, name in enumerate(("a", "b", "c")):
        ctx = emu.context(dict(params, name=name), same_process=index > 0)
        assert Databases(ctx).run()["changed"] is True
    # The first item finds the cluster by name; the next ones read it by id before their change.
    assert emu.operations(mark) == ["ListClusters", "ListDatabases", "CreateDatabase",
                                    "ListDatabases", "GetCluster", "CreateDatabase",
                                    "ListDatabases", "GetCluster", "CreateDatabase"]
    # A new task (another process) looks the name up again.
    mark = emu.mark()
    Databases(emu.context(dict(params, name="a"))).run()
    assert emu.operations(mark) == ["ListClusters", "ListDatabases"]


def test_a_cluster_deleted_during_a_loop_is_reported_by_name(emu):
    cluster = emu.cluster("web-app")
    params = dict(cluster="web-app", state="present", wait=True, wait_timeout=600)
    Databases(emu.context(dict(params, name="a"))).run()
    emu.admin.delete("/api/v1/clusters/%s" % cluster["id"])
    with pytest.raises(ClusterNotFound, match="no cluster named 'web-app' any more"):
        Databases(emu.context(dict(params, name="b"), same_process=True)).run()
    with pytest.raises(ClusterNotFound, match="no cluster named 'web-app' among"):
        Databases(emu.context(dict(params, name="b"), same_process=True)).run()
