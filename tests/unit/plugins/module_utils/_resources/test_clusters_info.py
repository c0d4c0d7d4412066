# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""cockroach_cluster_info on the in-process emulator: filters, input checks, which requests it sends."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import ApiError
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import InvalidInput
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources import _cluster_lookup
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources import clusters as info
from ansible_collections.cockroachdb.cloud.plugins.modules.cockroach_cluster_info import ARGUMENT_SPEC

UNKNOWN_ID = "00000000-0000-4000-8000-000000000000"


def params(**given):
    base = dict((name, None) for name in ARGUMENT_SPEC)
    base.update(show_inactive=False, include_nodes=False, include_connection_string=False)
    base.update(given)
    return base


def run(emulator, **given):
    return info.cluster_info(emulator.context(params(**given)))


def names(result):
    return [c["name"] for c in result["clusters"]]


@pytest.fixture
def clusters(emulator):
    """lab (dedicated AWS, 3 nodes), sls (serverless GCP), old (serverless AWS, DELETED) and new
    (dedicated Azure, 4 nodes, CREATING), the last two both named reused-name; by key, as the API shows them."""
    lab = emulator.cluster("lab-cluster", plan="DEDICATED", provider="AWS", labels={"env": "prod", "tier": "1"})
    sls = emulator.cluster("sls-cluster", labels={"env": "prod", "ok": "true"})
    old = emulator.cluster("reused-name", provider="AWS")
    emulator.admin.delete("/api/v1/clusters/" + old["id"])
    new = emulator.cluster("reused-name", plan="DEDICATED", provider="AZURE", dedicated={
        "region_nodes": {"eastus2": 4}, "hardware": {"machine_spec": {"num_virtual_cpus": 4}, "storage_gib": 15}})
    emulator.force_state(new["id"], "CREATING")
    found = dict((key, emulator.admin.get("/api/v1/clusters/" + c["id"]))
                 for key, c in (("lab", lab), ("sls", sls), ("old", old), ("new", new)))
    assert (found["old"]["state"], found["new"]["state"]) == ("DELETED", "CREATING")
    return found


def ids(result, clusters):
    by_id = dict((c["id"], key) for key, c in clusters.items())
    return [by_id[c["id"]] for c in result["clusters"]]


# -- filters ---------------------------------------------------------------------------
def test_filters_are_normalised():
    filters = info.filters_from(params(plan="DEDICATED", state=" created ", labels={"tier": 1, "any": None}))
    assert filters == {"plan": "DEDICATED", "state": "CREATED", "labels": {"tier": "1", "any": None}}
    assert info.filters_from(params()) == {}
    assert info.filters_from(params(labels={})) == {}


def test_a_cluster_without_labels_matches_no_label_filter():
    bare = {"id": UNKNOWN_ID, "plan": "DEDICATED"}
    assert info.matches(bare, {"plan": "DEDICATED"})
    assert not info.matches(bare, {"labels": {"env": None}})


@pytest.mark.parametrize("filters, matching", [
    ({}, ["lab", "sls", "old", "new"]),
    ({"plan": "SERVERLESS"}, ["sls", "old"]),
    ({"cloud_provider": "AWS"}, ["lab", "old"]),
    ({"state": "creating"}, ["new"]),
    ({"labels": {"env": "prod"}}, ["lab", "sls"]),
    ({"labels": {"env": "prod", "tier": 1}}, ["lab"]),
    ({"labels": {"ok": True}}, ["sls"]),
    ({"labels": {"tier": None}}, ["lab"]),
    ({"labels": {"env": "dev"}}, []),
    ({"plan": "DEDICATED", "labels": {"env": "prod"}}, ["lab"]),
])
def test_every_filter_must_match(emulator, clusters, filters, matching):
    mark = emulator.mark()
    assert ids(run(emulator, show_inactive=True, **filters), clusters) == matching
    assert emulator.queries(mark) == [("/api/v1/clusters", {"show_inactive": "true", "pagination.limit": "500"})]


# -- input checks ----------------------------------------------------------------------
@pytest.mark.parametrize("given, message", [
    ({"id": "lab-cluster"}, "id must be a cluster id (a UUID"),
    ({"name": "  "}, "name must not be empty"),
    ({"sql_user": "app"}, "sql_user only applies with include_connection_string=true"),
    ({"database": "d", "os": "MAC"}, "database and os only apply with include_connection_string=true"),
])
def test_bad_input_fails_before_any_request(emulator, given, message):
    mark = emulator.mark()
    with pytest.raises(InvalidInput) as caught:
        run(emulator, **given)
    assert message in str(caught.value)
    assert emulator.since(mark) == []


def test_connection_options_are_fine_with_include_connection_string():
    info.check_input(params(include_connection_string=True, sql_user="app", database="d", os="MAC"))


# -- lookups ---------------------------------------------------------------------------
def test_by_name_costs_one_listing(emulator, clusters):
    mark = emulator.mark()
    assert run(emulator, name="lab-cluster") == {"changed": False, "clusters": [clusters["lab"]]}
    assert emulator.queries(mark) == [("/api/v1/clusters", {"pagination.limit": "500"})]


def test_by_id_costs_one_get(emulator, clusters):
    mark = emulator.mark()
    assert run(emulator, id=clusters["sls"]["id"]) == {"changed": False, "clusters": [clusters["sls"]]}
    assert emulator.since(mark) == [("GET", "/api/v1/clusters/" + clusters["sls"]["id"], 200)]


def test_an_id_given_as_name_is_looked_up_as_an_id(emulator, clusters):
    mark = emulator.mark()
    assert ids(run(emulator, name=clusters["lab"]["id"]), clusters) == ["lab"]
    assert emulator.operations(mark) == ["GetCluster"]


@pytest.mark.parametrize("given", [{"name": "no-such-name"}, {"id": UNKNOWN_ID}])
def test_not_found_is_an_empty_list(emulator, clusters, given):
    assert run(emulator, **given) == {"changed": False, "clusters": []}


def test_deleted_clusters_only_with_show_inactive(emulator, clusters):
    old = clusters["old"]["id"]
    assert ids(run(emulator, id=old), clusters) == []
    assert ids(run(emulator, id=old, show_inactive=True), clusters) == ["old"]
    assert "old" not in ids(run(emulator), clusters)
    mark = emulator.mark()
    assert "old" in ids(run(emulator, show_inactive=True), clusters)
    assert emulator.queries(mark) == [("/api/v1/clusters", {"show_inactive": "true", "pagination.limit": "500"})]


def test_state_deleted_implies_show_inactive(emulator, clusters):
    mark = emulator.mark()
    assert ids(run(emulator, state="deleted"), clusters) == ["old"]
    assert emulator.queries(mark)[0][1]["show_inactive"] == "true"


def test_a_reused_name_gives_the_live_cluster_first(emulator, clusters):
    assert ids(run(emulator, name="reused-name"), clusters) == ["new"]
    mark = emulator.mark()
    assert ids(run(emulator, name="reused-name", show_inactive=True), clusters) == ["new", "old"]
    assert emulator.queries(mark) == [("/api/v1/clusters", {"show_inactive": "true", "pagination.limit": "500"})]


def test_filters_apply_to_the_cluster_found_by_name_or_id(emulator, clusters):
    assert ids(run(emulator, name="sls-cluster", plan="DEDICATED"), clusters) == []
    assert ids(run(emulator, id=clusters["sls"]["id"], cloud_provider="GCP"), clusters) == ["sls"]
    assert ids(run(emulator, id=clusters["sls"]["id"], labels={"ok": True}), clusters) == ["sls"]


# -- nodes and connection strings ------------------------------------------------------
def test_nodes_only_for_live_dedicated_clusters(emulator, clusters):
    mark = emulator.mark()
    result = run(emulator, include_nodes=True, show_inactive=True)
    nodes = dict((key, c["nodes"]) for key, c in zip(ids(result, clusters), result["clusters"]))
    assert [n["name"] for n in nodes["lab"]] == ["lab-cluster-us-east-1-%d" % i for i in range(3)]
    assert [(n["region_name"], n["status"]) for n in nodes["new"]] == [("eastus2", "NOT_READY")] * 4
    assert nodes["sls"] == [] and nodes["old"] == []
    node_paths = [path for path, _query in emulator.queries(mark) if path.endswith("/nodes")]
    assert node_paths == ["/api/v1/clusters/%s/nodes" % clusters[key]["id"] for key in ("lab", "new")]
    assert all("connection_string" not in c for c in result["clusters"])


def test_connection_string_with_options(emulator, clusters):
    lab = clusters["lab"]
    mark = emulator.mark()
    result = run(emulator, id=lab["id"], include_connection_string=True, sql_user="app", database="orders", os="LINUX")
    assert result["clusters"][0]["connection_string"] == (
        "postgresql://app@%s:26257/orders?sslmode=verify-full" % lab["sql_dns"])
    assert emulator.queries(mark)[-1] == ("/api/v1/clusters/%s/connection-string" % lab["id"],
                                          {"sql_user": "app", "database": "orders", "os": "LINUX"})


def test_connection_string_defaults_and_deleted_clusters(emulator, clusters):
    mark = emulator.mark()
    result = run(emulator, include_connection_string=True, show_inactive=True)
    strings = dict((key, c.get("connection_string")) for key, c in zip(ids(result, clusters), result["clusters"]))
    assert strings["sls"] == "postgresql://%s:26257/defaultdb?sslmode=verify-full" % clusters["sls"]["sql_dns"]
    assert strings["old"] is None
    assert emulator.operations(mark).count("GetConnectionString") == 3


def test_a_cluster_deleted_meanwhile_has_no_details(emulator, clusters, monkeypatch):
    select = _cluster_lookup.select_clusters

    def select_then_lose_it(*args, **kwargs):
        found = select(*args, **kwargs)
        emulator.control("DELETE", "clusters?name_prefix=lab-cluster")
        return found

    monkeypatch.setattr(_cluster_lookup, "select_clusters", select_then_lose_it)
    mark = emulator.mark()
    result = run(emulator, name="lab-cluster", include_nodes=True, include_connection_string=True)
    assert result["clusters"][0]["nodes"] == []
    assert "connection_string" not in result["clusters"][0]
    assert [status for _method, _path, status in emulator.since(mark)] == [200, 404, 404]


def test_other_errors_propagate(emulator, clusters, monkeypatch):
    select = _cluster_lookup.select_clusters

    def select_then_forbid(*args, **kwargs):
        found = select(*args, **kwargs)
        emulator.control("PUT", "faults", {"rate": 1, "kinds": ["403"]})
        return found

    monkeypatch.setattr(_cluster_lookup, "select_clusters", select_then_forbid)
    with pytest.raises(ApiError) as caught:
        run(emulator, name="lab-cluster", include_nodes=True)
    assert caught.value.status == 403
    assert caught.value.path == "/api/v1/clusters/%s/nodes" % clusters["lab"]["id"]


# -- details: the settings of each cluster ---------------------------------------------------------------

def test_details_cost_one_read_per_cluster_and_detail(emulator):
    lab = emulator.cluster("lab-cluster", plan="DEDICATED", provider="AWS")
    sls = emulator.cluster("sls-cluster")
    emulator.admin.put("/api/v1/clusters/%s/maintenance-window" % lab["id"], {"day_of_week": 0, "start_hour": 2})
    emulator.admin.put("/api/v1/clusters/%s/version-deferral" % sls["id"], {"deferral_policy": "FIXED_DEFERRAL"})
    mark = emulator.mark()
    result = run(emulator, details=["version_deferral", "maintenance_window", "maintenance_window"])
    assert [(c["name"], c["maintenance_window"], c["version_deferral"]) for c in result["clusters"]] == [
        ("lab-cluster", {"day_of_week": 0, "start_hour": 2}, {"deferral_policy": "NOT_DEFERRED"}),
        ("sls-cluster", {}, {"deferral_policy": "FIXED_DEFERRAL"}),  # no window: empty
    ]
    assert "backup_config" not in result["clusters"][0]
    assert emulator.operations(mark) == ["ListClusters", "GetMaintenanceWindow", "GetClusterVersionDeferral",
                                         "GetMaintenanceWindow", "GetClusterVersionDeferral"]
    mark = emulator.mark()
    one = run(emulator, id=lab["id"], details=["backup_config"])
    assert one["clusters"][0]["backup_config"] == {"cluster_id": lab["id"], "enabled": True, "frequency_minutes": 60,
                                                   "retention_days": 30}
    assert emulator.operations(mark) == ["GetCluster", "GetBackupConfiguration"]


def test_deleted_clusters_have_no_details_and_cost_no_request(emulator):
    old = emulator.cluster("old-cluster")
    emulator.admin.delete("/api/v1/clusters/" + old["id"])
    mark = emulator.mark()
    result = run(emulator, id=old["id"], show_inactive=True, details=["maintenance_window", "backup_config"])
    assert result["clusters"][0]["maintenance_window"] == {} and result["clusters"][0]["backup_config"] == {}
    assert emulator.operations(mark) == ["GetCluster"]
