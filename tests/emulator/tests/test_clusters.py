"""Clusters: create, validate, lifecycle states, update rules, delete, nodes, regions."""

import time

import pytest

DEDICATED = {"dedicated": {"region_nodes": {"us-east-1": 3},
                           "hardware": {"machine_spec": {"num_virtual_cpus": 4}, "storage_gib": 15}}}


def _create(api, name="my-cluster", provider="AWS", spec=None, **extra):
    body = dict({"name": name, "provider": provider, "spec": DEDICATED if spec is None else spec}, **extra)
    return api.post("/api/v1/clusters", body)


def test_create_serverless_with_limits_labels_and_protection(api):
    cluster = api.ok(_create(api, "web-app", "GCP", {
        "serverless": {"regions": ["us-central1", "europe-west1"], "primary_region": "europe-west1",
                       "usage_limits": {"request_unit_limit": 1000, "storage_mib_limit": 2048}},
        "labels": {"env": "prod"}, "delete_protection": "ENABLED"}))
    assert cluster["plan"] == "SERVERLESS" and cluster["cloud_provider"] == "GCP"
    assert cluster["state"] == "CREATED" and cluster["operation_status"] == "UNSPECIFIED"
    assert [(r["name"], r["primary"]) for r in cluster["regions"]] == [
        ("us-central1", False), ("europe-west1", True)]
    assert cluster["config"]["serverless"]["usage_limits"] == {"request_unit_limit": 1000,
                                                               "storage_mib_limit": 2048}
    assert cluster["labels"] == {"env": "prod"} and cluster["delete_protection"] == "ENABLED"
    assert cluster["sql_dns"].endswith(".cockroachlabs.cloud")
    assert api.ok(api.get("/api/v1/clusters/%s" % cluster["id"])) == cluster


def test_create_dedicated_derives_machine_and_version(api):
    cluster = api.ok(_create(api, spec={"dedicated": dict(DEDICATED["dedicated"], cockroach_version="v24.2")}))
    assert cluster["plan"] == "DEDICATED"
    assert cluster["config"]["dedicated"] == {"machine_type": "m6i.xlarge", "num_virtual_cpus": 4,
                                              "memory_gib": 16, "storage_gib": 15, "disk_iops": 0}
    assert cluster["cockroach_version"].startswith("v24.2.")
    assert cluster["regions"][0]["node_count"] == 3


@pytest.mark.parametrize("name, spec, message", [
    ("Bad_Name", None, "invalid cluster name 'Bad_Name'"),
    ("short", None, "invalid cluster name 'short'"),
    ("-dash-start", None, "invalid cluster name"),
    ("good-name", {"serverless": {"regions": ["mars-1"]}}, "unknown region 'mars-1' for provider AWS"),
    ("good-name", {"serverless": {"regions": ["us-east-2"]}}, "does not offer serverless"),
    ("good-name", {}, "exactly one of serverless or dedicated"),
    ("good-name", dict(DEDICATED, serverless={"regions": ["us-east-1"]}), "exactly one of serverless or dedicated"),
    ("good-name", {"serverless": {"regions": ["us-east-1", "us-west-2"]}}, "primary_region is required"),
    ("good-name", {"dedicated": {"region_nodes": {"us-east-1": 2, "us-west-2": 3},
                                 "hardware": {"machine_spec": {"num_virtual_cpus": 4}, "storage_gib": 15}}},
     "at least 3 nodes per region"),
    ("good-name", {"dedicated": {"region_nodes": {"us-east-1": 0},
                                 "hardware": {"machine_spec": {"num_virtual_cpus": 4}, "storage_gib": 15}}},
     "region_nodes[us-east-1] must be between 1 and 150"),
    ("good-name", {"dedicated": {"region_nodes": {"us-east-1": 3},
                                 "hardware": {"machine_spec": {"num_virtual_cpus": 3}, "storage_gib": 15}}},
     "num_virtual_cpus must be one of"),
    ("good-name", {"dedicated": {"region_nodes": {"us-east-1": 3}, "cockroach_version": "v1.0",
                                 "hardware": {"machine_spec": {"num_virtual_cpus": 4}, "storage_gib": 15}}},
     "unknown cockroach_version 'v1.0'"),
    ("good-name", dict(DEDICATED, labels={"Bad Key": "x"}), "label key 'Bad Key'"),
])
def test_create_rejects_bad_input_clearly(api, name, spec, message):
    response = _create(api, name, spec=spec)
    assert response.status_code == 400, response.get_json()
    assert message in response.get_json()["message"]
    assert api.emulator.store.data["clusters"] == {}


def test_duplicate_name_is_409_until_deleted(api):
    first = api.ok(_create(api))
    assert _create(api).status_code == 409
    api.ok(api.delete("/api/v1/clusters/%s" % first["id"]))
    api.ok(_create(api))


def test_unknown_parent_folder_is_400(api):
    response = _create(api, parent_id="no-such-folder")
    assert response.status_code == 400
    assert "parent folder 'no-such-folder' does not exist" in response.get_json()["message"]


def test_creating_then_created_and_busy_while_creating(make_api):
    api = make_api(async_seconds=0.3)
    cluster = api.ok(_create(api))
    assert cluster["state"] == "CREATING"
    busy = api.patch("/api/v1/clusters/%s" % cluster["id"], {"labels": {"a": "b"}})
    assert busy.status_code == 503 and "locked" in busy.get_json()["message"]
    assert api.post("/api/v1/clusters/%s/databases" % cluster["id"], {"name": "db"}).status_code == 503
    time.sleep(0.35)
    assert api.ok(api.get("/api/v1/clusters/%s" % cluster["id"]))["state"] == "CREATED"


def test_scaling_locks_then_settles(make_api):
    api = make_api(async_seconds=0.3)
    cluster = api.ok(_create(api))
    time.sleep(0.35)
    updated = api.ok(api.patch("/api/v1/clusters/%s" % cluster["id"],
                               {"dedicated": {"region_nodes": {"us-east-1": 5}}}))
    assert (updated["state"], updated["operation_status"]) == ("LOCKED", "CRDB_SCALE_RUNNING")
    assert updated["regions"][0]["node_count"] == 5
    assert api.delete("/api/v1/clusters/%s" % cluster["id"]).status_code == 503
    time.sleep(0.35)
    settled = api.ok(api.get("/api/v1/clusters/%s" % cluster["id"]))
    assert (settled["state"], settled["operation_status"]) == ("CREATED", "UNSPECIFIED")


def test_metadata_update_does_not_lock(make_api):
    api = make_api(async_seconds=5)
    cluster = api.ok(_create(api, "meta-one", "GCP", {"serverless": {"regions": ["us-central1"]}}))
    api.emulator.store.data["clusters"][cluster["id"]].update(state="CREATED")
    api.emulator.store.data["clusters"][cluster["id"]].pop("_until")
    updated = api.ok(api.patch("/api/v1/clusters/%s" % cluster["id"], {
        "labels": {"team": "data"}, "delete_protection": "ENABLED",
        "serverless": {"usage_limits": {"provisioned_virtual_cpus": 4}}}))
    assert updated["state"] == "CREATED"
    assert updated["labels"] == {"team": "data"} and updated["delete_protection"] == "ENABLED"
    assert updated["config"]["serverless"]["usage_limits"] == {"provisioned_virtual_cpus": 4}


def test_hardware_update_and_storage_cannot_shrink(api):
    cluster = api.ok(_create(api))
    path = "/api/v1/clusters/%s" % cluster["id"]
    updated = api.ok(api.patch(path, {"dedicated": {"hardware": {"machine_spec": {"num_virtual_cpus": 8},
                                                                 "storage_gib": 100}}}))
    assert updated["config"]["dedicated"]["num_virtual_cpus"] == 8
    assert updated["config"]["dedicated"]["storage_gib"] == 100
    shrink = api.patch(path, {"dedicated": {"hardware": {"storage_gib": 50}}})
    assert shrink.status_code == 400 and "cannot be decreased" in shrink.get_json()["message"]


def test_version_upgrade_rules(make_api):
    api = make_api(async_seconds=0.2)
    cluster = api.ok(_create(api, spec={"dedicated": dict(DEDICATED["dedicated"], cockroach_version="v24.1")}))
    time.sleep(0.25)
    path = "/api/v1/clusters/%s" % cluster["id"]
    mixed = api.patch(path, {"cockroach_version": "v24.2", "labels": {"a": "b"}})
    assert mixed.status_code == 400 and "sent alone" in mixed.get_json()["message"]
    skip = api.patch(path, {"cockroach_version": "v24.3"})
    assert skip.status_code == 400 and "next major version v24.2" in skip.get_json()["message"]
    upgrading = api.ok(api.patch(path, {"cockroach_version": "v24.2"}))
    assert (upgrading["state"], upgrading["operation_status"]) == ("LOCKED", "CRDB_MAJOR_UPGRADE_RUNNING")
    assert upgrading["upgrade_status"] == "MAJOR_UPGRADE_RUNNING"
    time.sleep(0.25)
    done = api.ok(api.get(path))
    assert done["cockroach_version"].startswith("v24.2.") and done["upgrade_status"] == "FINALIZED"


def test_plan_cannot_change(api):
    cluster = api.ok(_create(api))
    response = api.patch("/api/v1/clusters/%s" % cluster["id"], {"serverless": {"spend_limit": 10}})
    assert response.status_code == 400 and "plan cannot change" in response.get_json()["message"]


def test_network_visibility_cannot_change(api):
    """Set at creation only: an update has no field for it (the contract's and the service's
    update bodies), so one sent anyway is ignored as any unknown field is, and nothing changes."""
    cluster = api.ok(_create(api, spec={"dedicated": dict(DEDICATED["dedicated"], network_visibility="PRIVATE")}))
    assert cluster["network_visibility"] == "PRIVATE"
    path = "/api/v1/clusters/%s" % cluster["id"]
    for body in ({"dedicated": {"network_visibility": "PUBLIC"}}, {"network_visibility": "PUBLIC"}):
        api.ok(api.patch(path, body))
        assert api.ok(api.get(path))["network_visibility"] == "PRIVATE", body


def test_delete_protection_blocks_delete(api):
    cluster = api.ok(_create(api, spec=dict(DEDICATED, delete_protection="ENABLED")))
    path = "/api/v1/clusters/%s" % cluster["id"]
    blocked = api.delete(path)
    assert blocked.status_code == 400 and "has delete protection enabled" in blocked.get_json()["message"]
    api.ok(api.patch(path, {"delete_protection": "DISABLED"}))
    assert api.ok(api.delete(path))["state"] == "DELETED"


def test_deleted_cluster_is_inactive(api):
    cluster = api.ok(_create(api))
    path = "/api/v1/clusters/%s" % cluster["id"]
    api.ok(api.delete(path))
    got = api.ok(api.get(path))
    assert got["state"] == "DELETED" and got["deleted_at"]
    assert api.ok(api.get("/api/v1/clusters"))["clusters"] == []
    inactive = api.ok(api.get("/api/v1/clusters", query={"show_inactive": "true"}))["clusters"]
    assert [c["id"] for c in inactive] == [cluster["id"]]
    assert api.delete(path).status_code == 404
    assert api.patch(path, {"labels": {}}).status_code == 404
    assert api.get(path + "/databases").status_code == 404


def test_nodes_follow_region_nodes(api):
    cluster = api.ok(_create(api, spec={"dedicated": {
        "region_nodes": {"us-east-1": 3, "us-west-2": 4},
        "hardware": {"machine_spec": {"machine_type": "m6i.large"}, "storage_gib": 15}}}))
    nodes = api.ok(api.get("/api/v1/clusters/%s/nodes" % cluster["id"]))["nodes"]
    assert len(nodes) == 7 and {n["status"] for n in nodes} == {"LIVE"}
    west = api.ok(api.get("/api/v1/clusters/%s/nodes" % cluster["id"], query={"region_name": "us-west-2"}))
    assert len(west["nodes"]) == 4


def test_connection_string(api):
    cluster = api.ok(_create(api))
    path = "/api/v1/clusters/%s/connection-string" % cluster["id"]
    plain = api.ok(api.get(path))["connection_string"]
    assert plain == "postgresql://%s:26257/defaultdb?sslmode=verify-full" % cluster["sql_dns"]
    full = api.ok(api.get(path, query={"database": "shop", "sql_user": "maxroach", "os": "LINUX"}))
    assert full["connection_string"] == \
        "postgresql://maxroach@%s:26257/shop?sslmode=verify-full" % cluster["sql_dns"]


def test_regions_and_versions(api):
    regions = api.ok(api.get("/api/v1/clusters/available-regions", query={"provider": "AZURE"}))["regions"]
    assert regions and {r["provider"] for r in regions} == {"AZURE"}
    serverless = api.ok(api.get("/api/v1/clusters/available-regions",
                                query={"provider": "AWS", "serverless": "true"}))["regions"]
    assert serverless and all(r["serverless"] for r in serverless)
    assert len(serverless) < len(api.ok(api.get("/api/v1/clusters/available-regions",
                                                query={"provider": "AWS"}))["regions"])
    versions = api.ok(api.get("/api/v1/cluster-versions"))["versions"]
    assert [v["version"] for v in versions] == ["v23.2", "v24.1", "v24.2", "v24.3"]
