"""SQL users: create, list, delete, password change; passwords never leave the emulator."""

import json
import uuid

import pytest

from tests.emulator.handlers.sql_users import password_matches

PASSWORD = "correct-horse"


@pytest.fixture
def cluster(api):
    return api.create_cluster()


def base(cluster):
    return "/api/v1/clusters/%s/sql-users" % cluster["id"]


def user_names(api, cluster, **query):
    body = api.ok(api.get(base(cluster), query=query or None))
    return [user["name"] for user in body["users"]]


def stored_user(api, cluster, name):
    return api.emulator.store.data["cluster_children"][cluster["id"]]["sql_users"][name]


def test_new_cluster_has_no_users(api, cluster):
    body = api.ok(api.get(base(cluster)))
    assert body["users"] == [] and "time" in body["pagination"]


def test_create_user_never_returns_the_password(api, cluster):
    response = api.post(base(cluster), {"name": "app_user", "password": PASSWORD})
    assert api.ok(response) == {"name": "app_user"}
    assert PASSWORD not in response.get_data(as_text=True)
    assert api.ok(api.get(base(cluster)))["users"] == [{"name": "app_user"}]
    stored = stored_user(api, cluster, "app_user")
    assert password_matches(stored, PASSWORD) and not password_matches(stored, "something-else")
    assert PASSWORD not in json.dumps(api.emulator.store.data)
    # The audit log masks it as well.
    entry = api.emulator.store.data["audit_logs"][-1]
    assert entry["action"] == "CreateSQLUser" and entry["payload"]["password"] == "***"


def test_password_digests_are_salted(api, cluster):
    api.ok(api.post(base(cluster), {"name": "one", "password": PASSWORD}))
    api.ok(api.post(base(cluster), {"name": "two", "password": PASSWORD}))
    assert stored_user(api, cluster, "one")["_password_digest"] != stored_user(api, cluster, "two")["_password_digest"]


def test_duplicate_user_is_409(api, cluster):
    api.ok(api.post(base(cluster), {"name": "app", "password": PASSWORD}))
    response = api.post(base(cluster), {"name": "app", "password": "another-password"})
    assert response.status_code == 409
    assert "already exists" in response.get_json()["message"]
    assert password_matches(stored_user(api, cluster, "app"), PASSWORD)


def test_bad_names_are_400(api, cluster):
    for bad in ("", "1user", "UpperCase", "has space", "x" * 64, "semi;colon"):
        response = api.post(base(cluster), {"name": bad, "password": PASSWORD})
        assert response.status_code == 400, bad
        assert "invalid SQL user name" in response.get_json()["message"], bad
    assert user_names(api, cluster) == []


def test_reserved_names_are_400(api, cluster):
    for reserved in ("root", "admin", "public", "node"):
        response = api.post(base(cluster), {"name": reserved, "password": PASSWORD})
        assert response.status_code == 400, reserved
        assert "reserved" in response.get_json()["message"], reserved
    assert user_names(api, cluster) == []


def test_name_rules_accept_edges(api, cluster):
    for name in ("a", "_svc", "svc.reader-1", "u" * 63, "root2"):
        api.ok(api.post(base(cluster), {"name": name, "password": PASSWORD}))
    assert user_names(api, cluster) == ["a", "_svc", "svc.reader-1", "u" * 63, "root2"]


def test_short_password_is_400(api, cluster):
    response = api.post(base(cluster), {"name": "app", "password": "1234567"})
    assert response.status_code == 400
    assert response.get_json()["message"] == "password must be at least 8 characters"
    assert user_names(api, cluster) == []
    api.ok(api.post(base(cluster), {"name": "app", "password": "12345678"}))


def test_password_is_required(api, cluster):
    assert api.post(base(cluster), {"name": "app"}).status_code == 400
    assert user_names(api, cluster) == []


def test_update_password(api, cluster):
    api.ok(api.post(base(cluster), {"name": "app", "password": PASSWORD}))
    path = base(cluster) + "/app/password"
    response = api.put(path, {"password": "new-password-1"})
    assert api.ok(response) == {"name": "app"}
    assert "new-password-1" not in response.get_data(as_text=True)
    stored = stored_user(api, cluster, "app")
    assert password_matches(stored, "new-password-1") and not password_matches(stored, PASSWORD)
    # Too short: refused, the password stays.
    response = api.put(path, {"password": "short"})
    assert response.status_code == 400
    assert response.get_json()["message"] == "password must be at least 8 characters"
    assert password_matches(stored_user(api, cluster, "app"), "new-password-1")
    assert api.put(path, {}).status_code == 400
    assert api.put(base(cluster) + "/nobody/password", {"password": PASSWORD}).status_code == 404


def test_delete_user(api, cluster):
    api.ok(api.post(base(cluster), {"name": "app", "password": PASSWORD}))
    api.ok(api.post(base(cluster), {"name": "other", "password": PASSWORD}))
    assert api.ok(api.delete(base(cluster) + "/app")) == {"name": "app"}
    assert user_names(api, cluster) == ["other"]
    response = api.delete(base(cluster) + "/app")
    assert response.status_code == 404
    assert "app" in response.get_json()["message"]
    # The name is free again.
    api.ok(api.post(base(cluster), {"name": "app", "password": PASSWORD}))


def test_users_belong_to_their_cluster(api, cluster):
    other = api.create_cluster(name="other-cluster")
    api.ok(api.post(base(cluster), {"name": "app", "password": PASSWORD}))
    assert user_names(api, other) == []
    assert api.delete(base(other) + "/app").status_code == 404
    assert api.get("/api/v1/clusters/%s/sql-users" % uuid.uuid4()).status_code == 404


def test_list_paginates(api, cluster):
    for index in range(5):
        api.ok(api.post(base(cluster), {"name": "user%d" % index, "password": PASSWORD}))
    first = api.ok(api.get(base(cluster), query={"pagination.limit": 3}))
    assert [u["name"] for u in first["users"]] == ["user0", "user1", "user2"]
    second = api.ok(api.get(base(cluster), query={"pagination.limit": 3,
                                                  "pagination.page": first["pagination"]["next"]}))
    assert [u["name"] for u in second["users"]] == ["user3", "user4"]
    assert not second["pagination"].get("next")


def test_roles(api, cluster):
    def grant(role):
        return api.new_key([{"name": role, "resource": {"type": "CLUSTER", "id": cluster["id"]}}],
                           name=role.lower().replace("_", "-"))[1]

    developer, admin = grant("CLUSTER_DEVELOPER"), grant("CLUSTER_ADMIN")
    assert api.get(base(cluster), key=developer).status_code == 200
    assert api.post(base(cluster), {"name": "app", "password": PASSWORD}, key=developer).status_code == 403
    api.ok(api.post(base(cluster), {"name": "app", "password": PASSWORD}, key=admin))
    assert api.put(base(cluster) + "/app/password", {"password": "x" * 10}, key=developer).status_code == 403
    assert api.delete(base(cluster) + "/app", key=developer).status_code == 403
    assert password_matches(stored_user(api, cluster, "app"), PASSWORD)
    # ORG_ADMIN alone does not list SQL users (the contract names the cluster roles only).
    org_admin = api.new_key([{"name": "ORG_ADMIN", "resource": {
        "type": "ORGANIZATION", "id": api.emulator.store.data["organization"]["id"]}}], name="org-admin")[1]
    assert api.get(base(cluster), key=org_admin).status_code == 403
