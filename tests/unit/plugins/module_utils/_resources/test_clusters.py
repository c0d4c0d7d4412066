# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""cockroach_cluster's description (clusters.Clusters) on the in-process emulator:
input checks, what is sent and in how many requests, waits, check-mode predictions, diffs."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible.module_utils.common.arg_spec import ArgumentSpecValidator

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import ApiError, WaitTimeout
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import InvalidInput
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources._cluster_fields import normalize_version
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources._cluster_lookup import ClusterNotFound
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.clusters import Clusters
from ansible_collections.cockroachdb.cloud.plugins.modules.cockroach_cluster import ARGUMENT_SPEC
from ansible_collections.cockroachdb.cloud.tests.unit.emulator import Emulator

UNKNOWN_ID = "11111111-2222-4333-8444-555555555555"
GCP_SERVERLESS_REGIONS = "asia-southeast1, europe-west1, us-central1, us-east1"


def task(**given):
    """The task's parameters as cockroach_cluster's argument spec makes them (defaults, sub-options)."""
    validated = ArgumentSpecValidator(ARGUMENT_SPEC, mutually_exclusive=[["serverless", "dedicated"]],
                                      required_one_of=[["name", "id"]]).validate(given)
    assert not validated.error_messages, validated.error_messages
    return validated.validated_parameters


def run(emulator, check_mode=False, **given):
    ctx = emulator.context(task(**given), check_mode=check_mode)
    return Clusters(ctx).run()


def web_app(emulator, **spec):
    """A serverless GCP cluster with a label and a request unit limit."""
    spec.setdefault("serverless", {"regions": ["us-central1"], "usage_limits": {"request_unit_limit": 1000}})
    return emulator.cluster("web-app", labels={"env": "prod"}, **spec)


def orders_db(emulator, **spec):
    """A dedicated AWS cluster on v24.2 with 20 GiB and delete protection."""
    spec.setdefault("dedicated", {"region_nodes": {"us-east-1": 3}, "cockroach_version": "v24.2",
                                  "hardware": {"machine_spec": {"num_virtual_cpus": 4}, "storage_gib": 20}})
    spec.setdefault("delete_protection", "ENABLED")
    return emulator.cluster("orders-db", plan="DEDICATED", provider="AWS", **spec)


def read(emulator, cluster):
    return emulator.admin.get("/api/v1/clusters/%s" % cluster["id"])


def without_updated_at(cluster):
    return dict((k, v) for k, v in cluster.items() if k != "updated_at")


@pytest.mark.parametrize("given, major", [("24.2", "v24.2"), ("v24.2", "v24.2"), ("v24.2.10", "v24.2"), (None, None)])
def test_normalize_version(given, major):
    assert normalize_version(given) == major


# -- input checks --------------------------------------------------------------------------------

@pytest.mark.parametrize("params, message", [
    (dict(name="Bad_Name"), "invalid cluster name 'Bad_Name'"),
    (dict(name="web-app", regions=[{"name": "us-east-1", "node_count": 2}]), "at least 3 nodes per region"),
    (dict(name="web-app", plan="serverless", dedicated={"storage_gib": 15}), "plan is serverless but dedicated"),
    (dict(name="web-app", plan="dedicated", serverless={"spend_limit": 5}), "plan is dedicated but serverless"),
    (dict(name="web-app", regions=[{"name": "a", "primary": True}, {"name": "b", "primary": True}]),
     "only one region can be primary"),
    (dict(name="web-app", plan="serverless", regions=[{"name": "a"}, {"name": "b"}]), "needs one region with primary"),
    (dict(name="web-app", regions=[{"name": "a", "primary": True}, {"name": "a"}]), "must not repeat"),
    (dict(name="web-app", plan="serverless", regions=[]), "regions must name at least one region"),
    (dict(name="web-app", plan="serverless", regions=[{"name": "a", "node_count": 3}]),
     "node_count applies to dedicated clusters only"),
    (dict(name="web-app", plan="dedicated", regions=[{"name": "a"}]), "region a needs a node_count"),
    (dict(name="web-app", regions=[{"name": "a", "node_count": 3, "primary": True}]),
     "primary applies to serverless regions only"),
    (dict(name="web-app", plan="serverless", cockroach_version="v24.3"), "dedicated clusters only"),
    (dict(name="web-app", labels={"env": 1}), "must have a string value"),
    (dict(id="web-app"), "id must be a cluster id (a UUID"),
    (dict(name="web-app", serverless={"spend_limit": 500, "usage_limits": {"request_unit_limit": 1000}}),
     "serverless.spend_limit and serverless.usage_limits cannot be used together"),
    (dict(name="web-app", plan="serverless", regions=[{"name": "us-central1", "primary": False}]),
     "region us-central1 is the only region, so it is the primary region"),
    (dict(name="orders-db", cockroach_version="v24.3.5"), "takes a major version such as v24.3, got 'v24.3.5'"),
    (dict(name="orders-db", cockroach_version="latest"), "must be a major version such as v24.3"),
])
def test_input_checks_need_no_request(emulator, params, message):
    web_app(emulator)
    mark = emulator.mark()
    with pytest.raises(InvalidInput) as info:
        run(emulator, **params)
    assert message in str(info.value)
    assert emulator.since(mark) == []


def test_create_needs_provider_and_regions(emulator):
    mark = emulator.mark()
    with pytest.raises(InvalidInput, match="^to create cluster new-cluster, also give: cloud_provider, regions$"):
        run(emulator, name="new-cluster")
    assert emulator.operations(mark) == ["ListClusters"]


def test_create_dedicated_needs_hardware(emulator):
    mark = emulator.mark()
    with pytest.raises(InvalidInput, match="give dedicated.storage_gib and dedicated.num_virtual_cpus or "
                                           "dedicated.machine_type"):
        run(emulator, name="new-cluster", cloud_provider="AWS", regions=[{"name": "us-east-1", "node_count": 3}],
            dedicated={"num_virtual_cpus": 4})
    assert emulator.mutations(mark) == []


# -- regions are checked against the available ones --------------------------------------------------

def test_unknown_region_fails_with_the_available_ones(emulator):
    mark = emulator.mark()
    with pytest.raises(InvalidInput) as info:
        run(emulator, name="new-cluster", cloud_provider="GCP", regions=[{"name": "mars-1"}])
    assert str(info.value) == "unknown region(s) for GCP serverless clusters: mars-1; available: %s" \
        % GCP_SERVERLESS_REGIONS
    assert emulator.operations(mark) == ["ListClusters", "ListAvailableRegions"]
    assert emulator.queries(mark)[1] == ("/api/v1/clusters/available-regions",
                                         {"provider": "GCP", "serverless": "true", "pagination.limit": "500"})


def test_a_region_without_serverless_is_refused_for_serverless_only(emulator):
    with pytest.raises(InvalidInput, match="unknown region.s. for GCP serverless clusters: us-west2; available: "):
        run(emulator, name="new-cluster", cloud_provider="GCP", regions=[{"name": "us-west2"}])
    result = run(emulator, name="new-cluster", cloud_provider="GCP", regions=[{"name": "us-west2", "node_count": 3}],
                 dedicated={"num_virtual_cpus": 4, "storage_gib": 15})
    assert result["changed"] is True
    assert result["cluster"]["regions"][0]["name"] == "us-west2" and result["cluster"]["plan"] == "DEDICATED"


def test_a_new_region_of_an_existing_cluster_is_checked_before_any_change(emulator):
    web_app(emulator)
    mark = emulator.mark()
    with pytest.raises(InvalidInput, match="unknown region.s. for GCP serverless clusters: mars-1; "):
        run(emulator, name="web-app", regions=[{"name": "us-central1", "primary": True}, {"name": "mars-1"}])
    assert emulator.operations(mark) == ["ListClusters", "ListAvailableRegions"]


def test_a_node_count_change_reads_no_regions(emulator):
    cluster = orders_db(emulator)
    mark = emulator.mark()
    result = run(emulator, id=cluster["id"], regions=[{"name": "us-east-1", "node_count": 4}])
    assert result["changed"] is True and result["cluster"]["regions"][0]["node_count"] == 4
    assert "ListAvailableRegions" not in emulator.operations(mark)
    assert emulator.sent(mark) == [("UpdateCluster", "/api/v1/clusters/" + cluster["id"],
                                    {"dedicated": {"region_nodes": {"us-east-1": 4}}})]


# -- create ---------------------------------------------------------------------------------------

def test_create_serverless_waits_and_check_mode_predicts_the_same(emulator):
    options = dict(name="new-cluster", cloud_provider="GCP", regions=[{"name": "us-central1"}], labels={"a": "b"},
                   serverless={"usage_limits": {"request_unit_limit": 5}})
    mark = emulator.mark()
    predicted = run(emulator, check_mode=True, **options)
    assert emulator.mutations(mark) == []
    assert predicted["changed"] is True and "id" not in predicted["cluster"]

    mark = emulator.mark()
    result = run(emulator, **options)
    assert emulator.operations(mark) == ["ListClusters", "ListAvailableRegions", "CreateCluster", "GetCluster",
                                         "GetCluster"]
    assert emulator.sent(mark) == [("CreateCluster", "/api/v1/clusters", {
        "name": "new-cluster", "provider": "GCP", "regions": ["us-central1"],
        "spec": {"labels": {"a": "b"}, "serverless": {"regions": ["us-central1"],
                                                      "usage_limits": {"request_unit_limit": 5}}}})]
    assert emulator.clock.sleeps[-1:] == [1.0]  # CREATING for a second
    assert result["changed"] is True and result["cluster"]["state"] == "CREATED"
    assert result["cluster"] == read(emulator, result["cluster"])
    # The diff shows what the task manages: the options it sets.
    assert result["diff"] == {"before": {}, "after": {
        "name": "new-cluster", "cloud_provider": "GCP", "labels": {"a": "b"},
        "regions": [{"name": "us-central1", "primary": True}],
        "serverless": {"usage_limits": {"request_unit_limit": 5}}}}
    assert predicted["diff"] == result["diff"]
    for key in ("name", "cloud_provider", "plan", "state", "regions", "labels", "delete_protection", "parent_id"):
        assert (key, predicted["cluster"][key]) == (key, dict(result["cluster"], regions=[
            {"name": "us-central1", "node_count": 0, "primary": True}])[key])
    assert predicted["cluster"]["config"]["serverless"]["usage_limits"] == {"request_unit_limit": 5}

    mark = emulator.mark()
    again = run(emulator, **options)
    assert again["changed"] is False and again["diff"]["before"] == again["diff"]["after"] == result["diff"]["after"]
    assert emulator.operations(mark) == ["ListClusters"]


def test_create_dedicated_in_a_folder(emulator):
    folder = emulator.admin.post("/api/v1/folders", {"name": "team", "parent_id": "root"})
    options = dict(name="new-cluster", cloud_provider="AWS", regions=[{"name": "us-east-1", "node_count": 3}],
                   dedicated={"machine_type": "m6i.large", "storage_gib": 15}, folder="/team/", delete_protection=True)
    mark = emulator.mark()
    result = run(emulator, **options)
    assert emulator.operations(mark) == ["ListClusters", "ListAvailableRegions", "ListFolders", "CreateCluster",
                                         "GetCluster", "GetCluster"]
    assert emulator.sent(mark)[0][2] == {
        "name": "new-cluster", "provider": "AWS", "regions": ["us-east-1"], "parent_id": folder["resource_id"],
        "spec": {"delete_protection": "ENABLED", "dedicated": {
            "region_nodes": {"us-east-1": 3}, "hardware": {"machine_spec": {"machine_type": "m6i.large"},
                                                           "storage_gib": 15}}}}
    assert result["cluster"]["parent_id"] == folder["resource_id"]
    assert result["diff"]["after"]["folder"] == folder["resource_id"]
    # Only what the task sets: the CPU count the service derives from the machine type is not shown.
    assert result["diff"]["after"]["dedicated"] == {"machine_type": "m6i.large", "storage_gib": 15}
    assert result["diff"]["after"]["delete_protection"] is True
    mark = emulator.mark()
    assert run(emulator, **options)["changed"] is False
    assert emulator.operations(mark) == ["ListClusters", "ListFolders"]


NO_FOLDER = ("folder /team/prod does not exist; create it first with cockroachdb.cloud.cockroach_folder (path: "
             "/team/prod, parents: true), or give the path or id of an existing folder (/ is the organization's root)")


def test_a_folder_that_does_not_exist_fails_before_any_change(emulator):
    mark = emulator.mark()
    with pytest.raises(InvalidInput) as info:
        run(emulator, name="new-cluster", cloud_provider="GCP", regions=[{"name": "us-central1"}], folder="/team//prod")
    assert str(info.value) == NO_FOLDER
    assert emulator.mutations(mark) == []


def test_a_missing_folder_points_to_cockroach_folder_and_lists_what_exists(emulator):
    team = emulator.admin.post("/api/v1/folders", {"name": "team", "parent_id": "root"})
    emulator.admin.post("/api/v1/folders", {"name": "dev", "parent_id": team["resource_id"]})
    mark = emulator.mark()
    with pytest.raises(InvalidInput) as info:
        run(emulator, name="new-cluster", cloud_provider="GCP", regions=[{"name": "us-central1"}], folder="/team/prod")
    assert str(info.value) == NO_FOLDER + "; folders: /team, /team/dev"
    assert "POST /api/v1/folders" not in str(info.value)
    with pytest.raises(InvalidInput) as info:  # the same in check mode
        run(emulator, check_mode=True, name="new-cluster", cloud_provider="GCP", regions=[{"name": "us-central1"}],
            folder="/team/prod")
    assert str(info.value) == NO_FOLDER + "; folders: /team, /team/dev"
    assert emulator.mutations(mark) == []


def test_a_create_whose_wait_runs_out_reports_the_change(emulator):
    emulator.control("PATCH", "config", {"async_seconds": 100})
    options = dict(name="slow-cl", cloud_provider="GCP", regions=[{"name": "us-central1"}])
    with pytest.raises(WaitTimeout) as info:
        run(emulator, wait_timeout=3, **options)
    assert str(info.value).startswith("timed out after 3 s waiting for cluster slow-cl to leave state CREATING; "
                                      "the change was made and goes on")
    created = emulator.admin.get("/api/v1/clusters")["clusters"]
    assert [c["name"] for c in created] == ["slow-cl"]
    assert info.value.result["changed"] is True
    assert info.value.result["cluster"]["id"] == created[0]["id"]
    assert info.value.result["cluster"]["state"] == "CREATING"
    assert sum(emulator.clock.sleeps) == 3
    # The re-run finds it and only waits.
    mark = emulator.mark()
    again = run(emulator, **options)
    assert again["changed"] is False and again["cluster"]["state"] == "CREATED"
    assert emulator.mutations(mark) == []


def test_a_failure_before_any_change_reports_no_change(emulator):
    with pytest.raises(ApiError) as info:
        run(emulator, name="new-cluster", cloud_provider="AWS", regions=[{"name": "us-east-1", "node_count": 3}],
            dedicated={"num_virtual_cpus": 3, "storage_gib": 15})
    assert info.value.status == 400 and "num_virtual_cpus must be one of" in str(info.value)
    assert info.value.result is None


# -- updates -----------------------------------------------------------------------------------------

def test_same_options_change_nothing_and_read_once(emulator):
    cluster = web_app(emulator)
    options = dict(cloud_provider="GCP", regions=[{"name": "us-central1"}], labels={"env": "prod"},
                   serverless={"usage_limits": {"request_unit_limit": 1000}}, delete_protection=False, folder="/")
    mark = emulator.mark()
    result = run(emulator, name="web-app", **options)
    assert result["changed"] is False and result["cluster"] == cluster
    assert result["diff"]["before"] == result["diff"]["after"]
    assert emulator.since(mark) == [("GET", "/api/v1/clusters", 200)]
    mark = emulator.mark()
    assert run(emulator, id=cluster["id"], **options)["changed"] is False
    assert emulator.since(mark) == [("GET", "/api/v1/clusters/" + cluster["id"], 200)]


def test_labels_merge_unless_purged(emulator):
    cluster = web_app(emulator)
    path = "/api/v1/clusters/" + cluster["id"]
    mark = emulator.mark()
    merged = run(emulator, name="web-app", labels={"team": "x"})
    assert emulator.sent(mark) == [("UpdateCluster", path, {"labels": {"env": "prod", "team": "x"}})]
    assert merged["cluster"]["labels"] == {"env": "prod", "team": "x"}
    assert (merged["diff"]["before"]["labels"], merged["diff"]["after"]["labels"]) == (
        {"env": "prod"}, {"env": "prod", "team": "x"})
    mark = emulator.mark()
    assert run(emulator, name="web-app", labels={"team": "x"})["changed"] is False
    assert emulator.operations(mark) == ["ListClusters"]

    mark = emulator.mark()
    purged = run(emulator, name="web-app", labels={"team": "y"}, purge_labels=True)
    assert emulator.sent(mark) == [("UpdateCluster", path, {"labels": {"team": "y"}})]
    assert read(emulator, cluster)["labels"] == {"team": "y"} == purged["cluster"]["labels"]
    assert run(emulator, name="web-app", labels={"team": "y"}, purge_labels=True)["changed"] is False


def test_usage_limits_are_compared_on_the_limits_given(emulator):
    cluster = web_app(emulator)
    mark = emulator.mark()
    assert run(emulator, name="web-app", serverless={"usage_limits": {"request_unit_limit": 1000}})["changed"] is False
    assert emulator.mutations(mark) == []
    mark = emulator.mark()
    result = run(emulator, name="web-app", serverless={"usage_limits": {"storage_mib_limit": 10}})
    limits = {"request_unit_limit": 1000, "storage_mib_limit": 10}
    assert emulator.sent(mark) == [("UpdateCluster", "/api/v1/clusters/" + cluster["id"],
                                    {"serverless": {"usage_limits": limits}})]
    assert result["cluster"]["config"]["serverless"]["usage_limits"] == limits
    mark = emulator.mark()
    assert run(emulator, name="web-app", serverless={"usage_limits": {"storage_mib_limit": 10}})["changed"] is False
    assert emulator.operations(mark) == ["ListClusters"]


def test_usage_limits_replace_a_spend_limit_once(emulator):
    cluster = web_app(emulator, serverless={"regions": ["us-central1"], "spend_limit": 500})
    options = dict(id=cluster["id"], serverless={"usage_limits": {"request_unit_limit": 1000}})
    predicted = run(emulator, check_mode=True, **options)
    mark = emulator.mark()
    result = run(emulator, **options)
    assert emulator.sent(mark) == [("UpdateCluster", "/api/v1/clusters/" + cluster["id"],
                                    {"serverless": {"usage_limits": {"request_unit_limit": 1000}}})]
    # As the service does: the spend limit is gone, so the next run is a no-op.
    assert "spend_limit" not in read(emulator, cluster)["config"]["serverless"]
    assert result["diff"] == predicted["diff"]
    assert result["diff"]["before"]["serverless"] == {"usage_limits": {}}
    assert result["diff"]["after"]["serverless"] == {"usage_limits": {"request_unit_limit": 1000}}
    assert without_updated_at(predicted["cluster"]) == without_updated_at(result["cluster"])
    mark = emulator.mark()
    assert run(emulator, **options)["changed"] is False
    assert emulator.operations(mark) == ["GetCluster"]


def test_a_spend_limit_replaces_usage_limits_once(emulator):
    cluster = web_app(emulator)
    options = dict(id=cluster["id"], serverless={"spend_limit": 700})
    predicted = run(emulator, check_mode=True, **options)
    mark = emulator.mark()
    result = run(emulator, **options)
    assert emulator.sent(mark) == [("UpdateCluster", "/api/v1/clusters/" + cluster["id"],
                                    {"serverless": {"spend_limit": 700}})]
    assert read(emulator, cluster)["config"]["serverless"]["usage_limits"] == {}
    assert result["diff"] == predicted["diff"]
    assert result["diff"]["after"]["serverless"] == {"spend_limit": 700}
    assert without_updated_at(predicted["cluster"]) == without_updated_at(result["cluster"])
    mark = emulator.mark()
    assert run(emulator, **options)["changed"] is False
    assert emulator.operations(mark) == ["GetCluster"]


def test_a_serverless_region_is_added_with_its_primary(emulator):
    cluster = web_app(emulator)
    options = dict(name="web-app", regions=[{"name": "us-east1"}, {"name": "us-central1", "primary": True}])
    predicted = run(emulator, check_mode=True, **options)
    mark = emulator.mark()
    result = run(emulator, **options)
    assert emulator.operations(mark) == ["ListClusters", "ListAvailableRegions", "UpdateCluster"]
    assert emulator.sent(mark)[0][2] == {"serverless": {"regions": ["us-east1", "us-central1"],
                                                        "primary_region": "us-central1"}}
    assert result["diff"]["after"]["regions"] == [{"name": "us-east1", "primary": False},
                                                  {"name": "us-central1", "primary": True}]
    assert result["diff"] == predicted["diff"]
    assert [(r["name"], r["primary"]) for r in read(emulator, cluster)["regions"]] == [
        ("us-east1", False), ("us-central1", True)]
    # The same set in another order is no change.
    mark = emulator.mark()
    assert run(emulator, name="web-app", regions=[{"name": "us-central1", "primary": True},
                                                  {"name": "us-east1"}])["changed"] is False
    assert emulator.operations(mark) == ["ListClusters"]


def test_dedicated_scale_and_version_upgrade_are_two_requests(emulator):
    cluster = orders_db(emulator)
    path = "/api/v1/clusters/" + cluster["id"]
    options = dict(id=cluster["id"], regions=[{"name": "us-east-1", "node_count": 5}],
                   dedicated={"num_virtual_cpus": 8, "storage_gib": 20}, cockroach_version="24.3")
    mark = emulator.mark()
    predicted = run(emulator, check_mode=True, **options)
    assert emulator.operations(mark) == ["GetCluster"]
    assert predicted["changed"] is True
    assert predicted["cluster"]["regions"] == [{"name": "us-east-1", "node_count": 5}]
    assert predicted["cluster"]["config"]["dedicated"]["num_virtual_cpus"] == 8
    assert predicted["cluster"]["cockroach_version"] == "v24.3"

    mark = emulator.mark()
    sleeps = len(emulator.clock.sleeps)
    result = run(emulator, **options)
    # The scale, a wait until the cluster is no longer LOCKED, then the version alone.
    assert emulator.sent(mark) == [
        ("UpdateCluster", path, {"dedicated": {"region_nodes": {"us-east-1": 5},
                                               "hardware": {"machine_spec": {"num_virtual_cpus": 8}}}}),
        ("UpdateCluster", path, {"cockroach_version": "v24.3"})]
    assert emulator.since(mark) == [("GET", path, 200), ("PATCH", path, 200), ("GET", path, 200), ("GET", path, 200),
                                    ("PATCH", path, 200), ("GET", path, 200), ("GET", path, 200)]
    assert emulator.clock.sleeps[sleeps:] == [1.0, 1.0]
    final = read(emulator, cluster)
    assert (final["state"], final["cockroach_version"], final["regions"][0]["node_count"]) == ("CREATED", "v24.3.8", 5)
    assert final["config"]["dedicated"]["num_virtual_cpus"] == 8
    assert result["cluster"] == final
    after = dict(result["diff"]["after"])
    assert (after["cockroach_version"], after["regions"], after["dedicated"]["num_virtual_cpus"]) == (
        "v24.3", [{"name": "us-east-1", "node_count": 5}], 8)
    assert result["diff"]["before"] == predicted["diff"]["before"]
    assert predicted["diff"]["after"]["regions"] == after["regions"]
    assert predicted["diff"]["after"]["cockroach_version"] == after["cockroach_version"]
    assert predicted["diff"]["after"]["dedicated"]["num_virtual_cpus"] == after["dedicated"]["num_virtual_cpus"]
    # The machine type the service derives is not the task's: the diff leaves it out on both sides.
    assert "machine_type" not in after["dedicated"] and "machine_type" not in predicted["diff"]["after"]["dedicated"]
    mark = emulator.mark()
    assert run(emulator, **options)["changed"] is False
    assert emulator.operations(mark) == ["GetCluster"]


def test_same_major_version_is_no_change(emulator):
    cluster = orders_db(emulator)
    assert cluster["cockroach_version"] == "v24.2.10"
    mark = emulator.mark()
    assert run(emulator, id=cluster["id"], cockroach_version="v24.2")["changed"] is False
    assert emulator.operations(mark) == ["GetCluster"]


def test_storage_cannot_shrink(emulator):
    cluster = orders_db(emulator)
    mark = emulator.mark()
    with pytest.raises(InvalidInput, match="^storage_gib of cluster orders-db cannot shrink from 20 to 16$"):
        run(emulator, id=cluster["id"], dedicated={"storage_gib": 16})
    assert emulator.mutations(mark) == []


@pytest.mark.parametrize("params, message", [
    (dict(dedicated={"network_visibility": "PRIVATE"}),
     "cluster orders-db has network visibility PUBLIC; it is set when a cluster is created and cannot change to "
     "PRIVATE (the API has no update for it)"),
    (dict(plan="serverless"), "cluster orders-db is DEDICATED; its plan cannot change to SERVERLESS"),
    (dict(serverless={"spend_limit": 5}), "cluster orders-db is DEDICATED; its plan cannot change to SERVERLESS"),
    (dict(cloud_provider="GCP"), "cluster orders-db runs on AWS; its cloud provider cannot change to GCP"),
    (dict(name="renamed-db"), "cluster orders-db cannot be renamed to renamed-db"),
])
def test_immutable_fields_are_refused(emulator, params, message):
    cluster = orders_db(emulator)
    mark = emulator.mark()
    with pytest.raises(InvalidInput) as info:
        run(emulator, id=cluster["id"], **params)
    assert str(info.value) == message
    assert emulator.operations(mark) == ["GetCluster"]


def test_a_busy_cluster_is_waited_for_before_a_change_but_not_on_a_no_op(emulator):
    cluster = emulator.cluster("web-app", settle=False)
    assert cluster["state"] == "CREATING"
    path = "/api/v1/clusters/" + cluster["id"]
    mark = emulator.mark()
    predicted = run(emulator, check_mode=True, name="web-app", labels={"a": "b"})
    assert predicted["changed"] is True and emulator.operations(mark) == ["ListClusters"]
    mark = emulator.mark()
    result = run(emulator, name="web-app", labels={"a": "b"})
    assert emulator.since(mark) == [("GET", "/api/v1/clusters", 200), ("GET", path, 200), ("GET", path, 200),
                                    ("PATCH", path, 200)]
    assert emulator.clock.sleeps == [1.0]
    assert result["cluster"]["labels"] == {"a": "b"} and result["cluster"]["state"] == "CREATED"


def test_a_cluster_that_failed_to_create_stops_the_wait(emulator):
    cluster = web_app(emulator)
    emulator.force_state(cluster["id"], "CREATION_FAILED")
    with pytest.raises(WaitTimeout) as info:
        run(emulator, name="web-app")
    assert str(info.value) == "cluster web-app failed: state CREATION_FAILED"


# -- delete --------------------------------------------------------------------------------------------

def test_a_protected_cluster_is_deleted_only_when_asked(emulator):
    cluster = orders_db(emulator)
    path = "/api/v1/clusters/" + cluster["id"]
    mark = emulator.mark()
    with pytest.raises(InvalidInput, match="^cluster orders-db has delete protection enabled; set "
                                           "delete_protection: false in this task"):
        run(emulator, name="orders-db", state="absent")
    predicted = run(emulator, check_mode=True, name="orders-db", state="absent", delete_protection=False)
    assert emulator.mutations(mark) == []
    assert predicted["changed"] is True and predicted["diff"]["after"] == {} and predicted["cluster"] == {}

    mark = emulator.mark()
    result = run(emulator, name="orders-db", state="absent", delete_protection=False)
    assert emulator.sent(mark) == [("UpdateCluster", path, {"delete_protection": "DISABLED"}),
                                   ("DeleteCluster", path, None)]
    assert emulator.operations(mark)[-1] == "GetCluster"  # the wait: DELETED at once
    assert result == dict(predicted)
    assert result["diff"]["before"]["delete_protection"] is True
    assert read(emulator, cluster)["state"] == "DELETED"
    mark = emulator.mark()
    assert run(emulator, name="orders-db", state="absent", delete_protection=False)["changed"] is False
    assert emulator.operations(mark) == ["ListClusters"]


def test_a_delete_by_id_with_another_name_is_refused(emulator):
    cluster = web_app(emulator)
    mark = emulator.mark()
    with pytest.raises(InvalidInput, match="other-name"):
        run(emulator, id=cluster["id"], name="other-name", state="absent")
    assert emulator.mutations(mark) == []


def test_the_view_uses_the_options_vocabulary(emulator):
    cluster = orders_db(emulator)
    view = Clusters(emulator.context(task(id=cluster["id"]))).view(read(emulator, cluster))
    assert view == {
        "name": "orders-db", "cloud_provider": "AWS", "plan": "DEDICATED", "labels": {}, "delete_protection": True,
        "folder": "root", "regions": [{"name": "us-east-1", "node_count": 3}], "cockroach_version": "v24.2",
        "dedicated": {"machine_type": "m6i.xlarge", "num_virtual_cpus": 4, "storage_gib": 20, "disk_iops": 0,
                      "network_visibility": "PUBLIC"}}


# -- an id names an existing cluster -------------------------------------------------------------

def test_an_unknown_id_fails_and_never_creates(emulator):
    web_app(emulator)
    for check_mode in (False, True):
        mark = emulator.mark()
        with pytest.raises(ClusterNotFound) as info:
            run(emulator, check_mode=check_mode, id=UNKNOWN_ID, name="web-app2", cloud_provider="GCP",
                regions=[{"name": "us-central1"}])
        assert str(info.value) == "no cluster with id %s" % UNKNOWN_ID
        assert emulator.since(mark) == [("GET", "/api/v1/clusters/" + UNKNOWN_ID, 404)]


def test_an_unknown_id_with_labels_only_fails_without_asking_for_create_options(emulator):
    with pytest.raises(ClusterNotFound, match="^no cluster with id %s$" % UNKNOWN_ID):
        run(emulator, id=UNKNOWN_ID, labels={"env": "x"})


def test_an_unknown_id_absent_is_a_no_op(emulator):
    mark = emulator.mark()
    result = run(emulator, id=UNKNOWN_ID, state="absent")
    assert result == {"changed": False, "cluster": {}, "diff": {"before": {}, "after": {}}}
    assert emulator.since(mark) == [("GET", "/api/v1/clusters/" + UNKNOWN_ID, 404)]


def test_a_deleted_id_fails_saying_so(emulator):
    cluster = web_app(emulator)
    emulator.admin.delete("/api/v1/clusters/" + cluster["id"])
    deleted_at = read(emulator, cluster)["deleted_at"]
    with pytest.raises(ClusterNotFound) as info:
        run(emulator, id=cluster["id"], labels={"a": "b"})
    assert str(info.value) == "no cluster with id %s: it was deleted at %s" % (cluster["id"], deleted_at)
    assert run(emulator, id=cluster["id"], state="absent")["changed"] is False


# -- the live wire format ------------------------------------------------------------------------
SERVERLESS_TASK = dict(name="web-app", cloud_provider="GCP", regions=[{"name": "us-central1"}],
                       serverless={"usage_limits": {"request_unit_limit": 1000}}, labels={"env": "prod"})


def serverless_task(**changes):
    """SERVERLESS_TASK with ``changes``."""
    task_args = dict(SERVERLESS_TASK)
    task_args.update(changes)
    return task_args


def test_live_create_sends_everything_in_spec_with_the_tier(live):
    mark = live.mark()
    result = run(live, **SERVERLESS_TASK)
    assert result["changed"] and result["cluster"]["plan"] == "BASIC"
    [(operation, _path, body)] = live.sent(mark)
    assert operation == "CreateCluster"
    assert body == {"name": "web-app", "provider": "GCP",
                    "spec": {"plan": "BASIC", "labels": {"env": "prod"},
                             "serverless": {"regions": ["us-central1"], "usage_limits": {"request_unit_limit": "1000"}}}}
    assert result["cluster"]["config"]["serverless"]["usage_limits"] == {"request_unit_limit": "1000"}


def test_live_rerun_reads_strings_and_tiers_as_the_same(live):
    run(live, **SERVERLESS_TASK)
    mark = live.mark()
    again = run(live, plan="serverless", **SERVERLESS_TASK)
    assert not again["changed"] and live.mutations(mark) == []
    assert again["diff"]["before"] == again["diff"]["after"]


def test_live_and_contract_give_the_same_diff(emulator):
    diffs = []
    for server in (emulator, Emulator(emulator.clock, contract="live")):  # one clock for both
        run(server, **SERVERLESS_TASK)
        diffs.append(run(server, **serverless_task(labels={"env": "dev"}))["diff"])
    assert diffs[0] == diffs[1]


def test_live_provisioned_vcpus_make_a_standard_cluster_and_a_tier_changes_in_place(live):
    task_args = serverless_task(serverless={"usage_limits": {"provisioned_virtual_cpus": 2}})
    assert run(live, **task_args)["cluster"]["plan"] == "STANDARD"
    mark = live.mark()
    basic = dict(task_args)
    basic["plan"] = "BASIC"
    result = run(live, **basic)
    assert result["changed"] and result["cluster"]["plan"] == "BASIC"
    assert [(op, body) for op, _path, body in live.sent(mark)] == [("UpdateCluster", {"plan": "BASIC"})]


def test_live_a_dedicated_cluster_is_advanced_and_cannot_become_serverless(live):
    orders = orders_db(live)
    assert orders["plan"] == "ADVANCED"
    mark = live.mark()
    assert not run(live, name="orders-db", plan="dedicated")["changed"]
    with pytest.raises(InvalidInput, match="cluster orders-db is ADVANCED; its plan cannot change to STANDARD"):
        run(live, name="orders-db", plan="standard")
    assert live.mutations(mark) == []


def test_live_folder_goes_in_spec(live):
    folder = live.admin.post("/api/v1/folders", {"name": "team-a", "parent_id": "root"})
    mark = live.mark()
    result = run(live, folder="/team-a", **SERVERLESS_TASK)
    [(_op, _path, body)] = live.sent(mark)
    assert body["spec"]["parent_id"] == folder["resource_id"] and "parent_id" not in body
    assert result["cluster"]["parent_id"] == folder["resource_id"]


def test_live_refuses_a_spend_limit_before_any_change(live):
    mark = live.mark()
    with pytest.raises(InvalidInput, match="serverless.spend_limit is not taken by the live CockroachDB Cloud API"):
        run(live, **serverless_task(serverless={"spend_limit": 100}))
    assert live.mutations(mark) == []


def test_live_check_mode_predicts_the_tier_and_sends_nothing(live):
    mark = live.mark()
    result = run(live, check_mode=True, **SERVERLESS_TASK)
    assert result["changed"] and result["cluster"]["plan"] == "BASIC" and live.mutations(mark) == []


def test_plan_takes_both_vocabularies_and_refuses_others(emulator):
    with pytest.raises(InvalidInput, match=r"plan must be basic, standard or advanced \(or serverless, dedicated\), got 'premium'"):
        run(emulator, **serverless_task(plan="premium"))
    assert run(emulator, plan="BASIC", **SERVERLESS_TASK)["cluster"]["plan"] == "SERVERLESS"
    mark = emulator.mark()
    assert not run(emulator, plan="standard", **SERVERLESS_TASK)["changed"] and emulator.mutations(mark) == []
