"""Bearer auth, Cc-Version and roles."""

from tests.emulator.secrets_util import digest, new_secret


def _key_for(api, roles):
    """A service account holding ``roles`` and a working secret, written into the state."""
    data = api.emulator.store.data
    account_id = "sa-limited"
    data["service_accounts"][account_id] = {"id": account_id, "name": "limited", "description": "",
                                            "creator_id": account_id, "created_at": "2026-01-01T00:00:00Z"}
    data["role_grants"][account_id] = roles
    secret = new_secret()
    key_id = secret.rsplit("_", 1)[0]
    data["api_keys"][key_id] = {"id": key_id, "name": "limited", "service_account_id": account_id,
                                "created_at": "2026-01-01T00:00:00Z", "_secret_digest": digest(secret)}
    return secret


def test_missing_token_is_401(api):
    response = api.client.get("/api/v1/organization")
    assert response.status_code == 401
    assert response.get_json() == {"code": 401, "details": [],
                                   "message": "missing bearer token: send 'Authorization: Bearer <API key secret>'"}


def test_unknown_and_malformed_tokens_are_401(api):
    for token in (new_secret(), "not-a-key", api.admin_key[:-1] + "x"):
        response = api.get("/api/v1/organization", key=token)
        assert response.status_code == 401
        assert response.get_json()["message"] == "invalid or revoked API key"


def test_admin_key_works_and_identifies_the_org(api):
    org = api.ok(api.get("/api/v1/organization"))
    assert org["name"] == "Emulated Organization"
    assert set(org) >= {"id", "name", "created_at"}


def test_unknown_cc_version_is_400_and_missing_is_accepted(api):
    response = api.get("/api/v1/organization", headers={"Cc-Version": "2020-01-01"})
    assert response.status_code == 400
    assert "invalid Cc-Version '2020-01-01'" in response.get_json()["message"]
    response = api.client.get("/api/v1/organization",
                              headers={"Authorization": "Bearer " + api.admin_key})
    assert response.status_code == 200


def test_role_missing_is_403_and_nothing_changes(api):
    secret = _key_for(api, [])
    response = api.post("/api/v1/clusters", key=secret, json={
        "name": "no-roles", "provider": "GCP", "spec": {"serverless": {"regions": ["us-central1"]}}})
    assert response.status_code == 403
    assert "CLUSTER_ADMIN" in response.get_json()["message"]
    assert api.emulator.store.data["clusters"] == {}


def test_cluster_scoped_grant_covers_that_cluster_only(api):
    mine = api.create_cluster("mine-cluster")
    other = api.create_cluster("other-cluster")
    org_id = api.emulator.store.data["organization"]["id"]
    secret = _key_for(api, [
        {"name": "ORG_MEMBER", "resource": {"type": "ORGANIZATION", "id": org_id}},
        {"name": "CLUSTER_DEVELOPER", "resource": {"type": "CLUSTER", "id": mine["id"]}}])
    assert api.get("/api/v1/clusters/%s" % mine["id"], key=secret).status_code == 200
    assert api.get("/api/v1/clusters/%s" % other["id"], key=secret).status_code == 403
    # A developer may read but not change the cluster.
    assert api.patch("/api/v1/clusters/%s" % mine["id"], key=secret,
                     json={"labels": {"a": "b"}}).status_code == 403
    listed = api.ok(api.get("/api/v1/clusters", key=secret))["clusters"]
    assert [c["id"] for c in listed] == [mine["id"]]


def test_folder_grant_covers_clusters_below_it(api):
    data = api.emulator.store.data
    data["folders"]["f1"] = {"resource_id": "f1", "name": "team", "parent_id": "root"}
    data["folders"]["f2"] = {"resource_id": "f2", "name": "sub", "parent_id": "f1"}
    inner = api.ok(api.post("/api/v1/clusters", {"name": "inner-one", "provider": "GCP", "parent_id": "f2",
                                                 "spec": {"serverless": {"regions": ["us-central1"]}}}))
    outer = api.create_cluster("outer-one")
    secret = _key_for(api, [{"name": "CLUSTER_ADMIN", "resource": {"type": "FOLDER", "id": "f1"}}])
    assert api.patch("/api/v1/clusters/%s" % inner["id"], key=secret,
                     json={"labels": {"team": "a"}}).status_code == 200
    assert api.patch("/api/v1/clusters/%s" % outer["id"], key=secret,
                     json={"labels": {"team": "a"}}).status_code == 403
