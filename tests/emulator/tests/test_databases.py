"""Databases: initial databases, create, rename, delete, pagination, roles."""

import uuid

import pytest


def names(api, cluster_id, **query):
    body = api.ok(api.get("/api/v1/clusters/%s/databases" % cluster_id, query=query or None))
    return [db["name"] for db in body["databases"]]


@pytest.fixture
def cluster(api):
    return api.create_cluster()


def test_new_cluster_has_defaultdb_and_postgres(api, cluster):
    body = api.ok(api.get("/api/v1/clusters/%s/databases" % cluster["id"]))
    assert body["databases"] == [{"name": "defaultdb", "table_count": 0},
                                 {"name": "postgres", "table_count": 0}]
    assert "time" in body["pagination"] and "next" not in body["pagination"]


def test_create_database(api, cluster):
    path = "/api/v1/clusters/%s/databases" % cluster["id"]
    assert api.ok(api.post(path, {"name": "app_db-1"})) == {"name": "app_db-1", "table_count": 0}
    assert names(api, cluster["id"]) == ["defaultdb", "postgres", "app_db-1"]
    # Databases belong to their cluster.
    other = api.create_cluster(name="other-cluster")
    assert names(api, other["id"]) == ["defaultdb", "postgres"]


def test_create_duplicate_is_409(api, cluster):
    path = "/api/v1/clusters/%s/databases" % cluster["id"]
    api.ok(api.post(path, {"name": "app"}))
    response = api.post(path, {"name": "app"})
    assert response.status_code == 409
    assert "already exists" in response.get_json()["message"]
    assert api.post(path, {"name": "defaultdb"}).status_code == 409


def test_create_rejects_bad_names(api, cluster):
    for bad in ("", "x" * 64, "has space", "semi;colon", "dot.name", "é", 5):
        response = api.post("/api/v1/clusters/%s/databases" % cluster["id"], {"name": bad})
        assert response.status_code == 400, bad
        if isinstance(bad, str):  # a number is already refused by the contract check
            assert "invalid database name" in response.get_json()["message"], bad
    assert names(api, cluster["id"]) == ["defaultdb", "postgres"]


def test_create_accepts_63_characters(api, cluster):
    api.ok(api.post("/api/v1/clusters/%s/databases" % cluster["id"], {"name": "d" * 63}))


def test_create_requires_name(api, cluster):
    assert api.post("/api/v1/clusters/%s/databases" % cluster["id"], {}).status_code == 400


def test_rename_database(api, cluster):
    base = "/api/v1/clusters/%s/databases" % cluster["id"]
    api.ok(api.post(base, {"name": "app"}))
    api.ok(api.post(base, {"name": "last"}))
    renamed = api.ok(api.patch(base + "/app", {"new_name": "app_v2"}))
    assert renamed == {"name": "app_v2", "table_count": 0}
    # The renamed database keeps its place.
    assert names(api, cluster["id"]) == ["defaultdb", "postgres", "app_v2", "last"]
    assert api.patch(base + "/app", {"new_name": "again"}).status_code == 404
    assert api.delete(base + "/app").status_code == 404


def test_rename_to_same_name_is_a_no_op(api, cluster):
    base = "/api/v1/clusters/%s/databases" % cluster["id"]
    assert api.ok(api.patch(base + "/postgres", {"new_name": "postgres"}))["name"] == "postgres"
    assert names(api, cluster["id"]) == ["defaultdb", "postgres"]


def test_rename_errors_leave_state_alone(api, cluster):
    base = "/api/v1/clusters/%s/databases" % cluster["id"]
    response = api.patch(base + "/postgres", {"new_name": "defaultdb"})
    assert response.status_code == 409
    response = api.patch(base + "/postgres", {"new_name": "bad name"})
    assert response.status_code == 400
    assert "new_name" in response.get_json()["message"]
    response = api.patch(base + "/postgres", {})
    assert response.status_code == 400
    assert "new_name is required" in response.get_json()["message"]
    assert api.patch(base + "/nope", {"new_name": "fine"}).status_code == 404
    assert names(api, cluster["id"]) == ["defaultdb", "postgres"]


def test_delete_database(api, cluster):
    base = "/api/v1/clusters/%s/databases" % cluster["id"]
    api.ok(api.post(base, {"name": "tmp"}))
    assert api.ok(api.delete(base + "/tmp")) == {"name": "tmp", "table_count": 0}
    assert names(api, cluster["id"]) == ["defaultdb", "postgres"]
    response = api.delete(base + "/tmp")
    assert response.status_code == 404
    assert "tmp" in response.get_json()["message"]
    # The initial databases can be dropped too.
    api.ok(api.delete(base + "/postgres"))
    assert names(api, cluster["id"]) == ["defaultdb"]


def test_list_paginates(api, cluster):
    base = "/api/v1/clusters/%s/databases" % cluster["id"]
    for index in range(7):
        api.ok(api.post(base, {"name": "db%d" % index}))
    seen, query = [], {"pagination.limit": 4}
    while True:
        body = api.ok(api.get(base, query=query))
        seen.extend(db["name"] for db in body["databases"])
        if not body["pagination"].get("next"):
            break
        query = {"pagination.limit": 4, "pagination.page": body["pagination"]["next"]}
    assert seen == ["defaultdb", "postgres"] + ["db%d" % i for i in range(7)]
    assert names(api, cluster["id"], **{"pagination.sort_order": "DESC"})[0] == "db6"


def test_unknown_cluster_is_404(api):
    assert api.get("/api/v1/clusters/%s/databases" % uuid.uuid4()).status_code == 404
    assert api.post("/api/v1/clusters/%s/databases" % uuid.uuid4(), {"name": "x"}).status_code == 404


def test_roles(api, cluster):
    base = "/api/v1/clusters/%s/databases" % cluster["id"]
    scope = {"type": "CLUSTER", "id": cluster["id"]}
    developer = api.new_key([{"name": "CLUSTER_DEVELOPER", "resource": scope}], name="developer")[1]
    assert api.get(base, key=developer).status_code == 200
    assert api.post(base, {"name": "nope"}, key=developer).status_code == 403
    assert api.delete(base + "/postgres", key=developer).status_code == 403
    admin = api.new_key([{"name": "CLUSTER_ADMIN", "resource": scope}], name="admin")[1]
    api.ok(api.post(base, {"name": "yes"}, key=admin))
    other = api.create_cluster(name="other-cluster")
    assert api.post("/api/v1/clusters/%s/databases" % other["id"], {"name": "x"},
                    key=admin).status_code == 403
    assert names(api, cluster["id"]) == ["defaultdb", "postgres", "yes"]
