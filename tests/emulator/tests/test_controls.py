"""The /_emulator/ test controls: reset, seed, request log, config."""


def test_request_log_records_each_api_request(api):
    api.get("/api/v1/organization")
    api.get("/api/v1/clusters", query={"pagination.limit": 5})
    api.client.get("/api/v1/organization")  # no key
    log = api.ok(api.client.get("/_emulator/requests"))["requests"]
    assert [(e["method"], e["path"], e["status"], e["operation"]) for e in log] == [
        ("GET", "/api/v1/organization", 200, "GetOrganizationInfo"),
        ("GET", "/api/v1/clusters", 200, "ListClusters"),
        ("GET", "/api/v1/organization", 401, "GetOrganizationInfo"),
    ]
    assert log[1]["query"] == {"pagination.limit": ["5"]}
    assert log[0]["key"] == api.admin_key.rsplit("_", 1)[0] and log[2]["key"] is None
    assert all(e["time"].endswith("Z") for e in log)
    since = api.ok(api.client.get("/_emulator/requests", query_string={"since": log[1]["seq"]}))
    assert [e["seq"] for e in since["requests"]] == [log[2]["seq"]]
    api.ok(api.client.delete("/_emulator/requests"))
    assert api.ok(api.client.get("/_emulator/requests"))["requests"] == []


def test_request_log_records_the_user_agent(api):
    client = "cockroachdb.cloud/1.2.3 (Ansible collection)"
    api.get("/api/v1/organization", headers={"User-Agent": client})
    api.get("/api/v1/organization", headers={"User-Agent": "curl/8.5.0"})
    log = api.ok(api.client.get("/_emulator/requests"))["requests"]
    assert [e["user_agent"] for e in log] == [client, "curl/8.5.0"]


def test_reset_and_seed(api):
    api.create_cluster()
    seeded = api.ok(api.client.post("/_emulator/seed", json={"clusters": 3, "plan": "DEDICATED",
                                                             "provider": "AWS"}))["created"]
    assert len(seeded) == 3
    clusters = api.ok(api.get("/api/v1/clusters"))["clusters"]
    assert len(clusters) == 4
    assert {c["plan"] for c in clusters if c["id"] in seeded} == {"DEDICATED"}
    api.ok(api.client.post("/_emulator/reset"))
    assert api.ok(api.get("/api/v1/clusters"))["clusters"] == []
    assert api.get("/api/v1/organization").status_code == 200  # same admin key after reset


def test_bad_seed_is_400(api):
    response = api.client.post("/_emulator/seed", json={"clusters": -1})
    assert response.status_code == 400


def test_config_changes_async_seconds(api):
    assert api.ok(api.client.patch("/_emulator/config", json={"async_seconds": 60}))["async_seconds"] == 60
    assert api.create_cluster()["state"] == "CREATING"
    assert api.client.patch("/_emulator/config", json={"async_seconds": -1}).status_code == 400


def test_mutating_requests_are_audited_with_secrets_masked(api):
    cluster = api.create_cluster()
    api.ok(api.post("/api/v1/clusters/%s/sql-users" % cluster["id"], {"name": "app", "password": "s3cret-pass"}))
    entries = api.emulator.store.data["audit_logs"]
    assert [e["action"] for e in entries] == ["CreateCluster", "CreateSQLUser"]
    assert entries[1]["payload"] == {"name": "app", "password": "***"}
    assert entries[1]["cluster_id"] == cluster["id"]


def test_seed_refuses_unknown_plan_or_provider(api):
    for body in ({"clusters": 1, "provider": "MARS"}, {"clusters": 1, "plan": "serverless"}):
        response = api.client.post("/_emulator/seed", json=body)
        assert response.status_code == 400
    assert api.emulator.store.data["clusters"] == {}


def test_force_a_cluster_state(api):
    cluster = api.create_cluster()
    forced = api.ok(api.client.post("/_emulator/clusters/%s/state" % cluster["id"],
                                    json={"state": "CREATION_FAILED"}))
    assert forced["state"] == "CREATION_FAILED"
    assert api.ok(api.get("/api/v1/clusters/%s" % cluster["id"]))["state"] == "CREATION_FAILED"
    assert api.client.post("/_emulator/clusters/nope/state", json={"state": "X"}).status_code == 404
    assert api.client.post("/_emulator/clusters/%s/state" % cluster["id"], json={}).status_code == 400


def test_purge_clusters_by_name_prefix(api):
    api.ok(api.client.post("/_emulator/seed", json={"clusters": 3, "name_prefix": "gone"}))
    kept = api.create_cluster("kept-cluster")
    assert api.client.delete("/_emulator/clusters").status_code == 400
    assert api.ok(api.client.delete("/_emulator/clusters", query_string={"name_prefix": "gone"})) == {"removed": 3}
    listed = api.ok(api.get("/api/v1/clusters", query={"show_inactive": "true"}))["clusters"]
    assert [c["id"] for c in listed] == [kept["id"]]


def test_the_secrets_seen_are_listed_for_leak_checks(api):
    account = api.ok(api.post("/api/v1/service-accounts", {"name": "deployer"}))
    created = api.ok(api.post("/api/v1/api-keys", {"name": "ci", "service_account_id": account["id"]}))
    secrets = api.ok(api.client.get("/_emulator/secrets"))["secrets"]
    assert created["secret"] in secrets and api.emulator.admin_key in secrets
    assert "deployer" not in secrets
