"""VersionDeferral: GetClusterVersionDeferral, SetClusterVersionDeferral."""

import uuid

from tests.emulator.secrets_util import digest, key_id_of, new_secret


def limited_key(api, roles):
    """A key of a new service account holding ``roles``, made in the store directly."""
    data = api.emulator.store.data
    account_id = str(uuid.uuid4())
    data["service_accounts"][account_id] = {"id": account_id, "name": "limited", "description": "",
                                            "creator_id": account_id, "created_at": "2024-01-01T00:00:00Z"}
    data["role_grants"][account_id] = roles
    secret = new_secret()
    data["api_keys"][key_id_of(secret)] = {"id": key_id_of(secret), "name": "limited-key", "service_account_id": account_id,
                                           "created_at": "2024-01-01T00:00:00Z", "_secret_digest": digest(secret)}
    return secret


def path(cluster):
    return "/api/v1/clusters/%s/version-deferral" % cluster["id"]


def test_default_set_and_get(api):
    cluster = api.create_cluster("deferral", plan="dedicated", provider="AWS")
    assert api.ok(api.get(path(cluster))) == {"deferral_policy": "NOT_DEFERRED"}
    assert api.ok(api.put(path(cluster), {"deferral_policy": "FIXED_DEFERRAL"})) == {"deferral_policy": "FIXED_DEFERRAL"}
    assert api.ok(api.get(path(cluster))) == {"deferral_policy": "FIXED_DEFERRAL"}
    other = api.create_cluster("deferral-2")
    assert api.ok(api.get(path(other))) == {"deferral_policy": "NOT_DEFERRED"}
    assert api.ok(api.put(path(cluster), {"deferral_policy": "NOT_DEFERRED"})) == {"deferral_policy": "NOT_DEFERRED"}


def test_validation_changes_nothing(api):
    cluster = api.create_cluster("deferral")
    api.ok(api.put(path(cluster), {"deferral_policy": "FIXED_DEFERRAL"}))
    response = api.put(path(cluster), {})
    assert response.status_code == 400 and "deferral_policy is required" in response.get_json()["message"]
    assert api.put(path(cluster), {"deferral_policy": "DEFERRAL_30_DAYS"}).status_code == 400  # not in the enum
    assert api.ok(api.get(path(cluster))) == {"deferral_policy": "FIXED_DEFERRAL"}


def test_unknown_cluster_and_roles(api):
    assert api.get("/api/v1/clusters/%s/version-deferral" % uuid.uuid4()).status_code == 404
    cluster = api.create_cluster("deferral")
    developer = limited_key(api, [{"name": "CLUSTER_DEVELOPER", "resource": {"type": "CLUSTER", "id": cluster["id"]}}])
    assert api.put(path(cluster), {"deferral_policy": "FIXED_DEFERRAL"}, key=developer).status_code == 403
    assert api.ok(api.get(path(cluster), key=developer)) == {"deferral_policy": "NOT_DEFERRED"}
    operator = limited_key(api, [{"name": "CLUSTER_OPERATOR_WRITER", "resource": {"type": "CLUSTER", "id": cluster["id"]}}])
    api.ok(api.put(path(cluster), {"deferral_policy": "FIXED_DEFERRAL"}, key=operator))
