"""VersionDeferral: GetClusterVersionDeferral, SetClusterVersionDeferral."""

import uuid


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
    developer = api.new_key([{"name": "CLUSTER_DEVELOPER", "resource": {"type": "CLUSTER", "id": cluster["id"]}}])[1]
    assert api.put(path(cluster), {"deferral_policy": "FIXED_DEFERRAL"}, key=developer).status_code == 403
    assert api.ok(api.get(path(cluster), key=developer)) == {"deferral_policy": "NOT_DEFERRED"}
    operator = api.new_key([{"name": "CLUSTER_OPERATOR_WRITER", "resource": {"type": "CLUSTER", "id": cluster["id"]}}])[1]
    api.ok(api.put(path(cluster), {"deferral_policy": "FIXED_DEFERRAL"}, key=operator))
