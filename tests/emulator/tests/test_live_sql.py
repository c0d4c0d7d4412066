"""Databases and SQL users in the live wire format: the same requests, table_count as an
int64 string; every answer passes the strict live document (validate_responses)."""


def test_databases(live_api):
    cluster = live_api.create_cluster("sql-live-one")
    base = "/api/v1/clusters/%s/databases" % cluster["id"]
    assert live_api.ok(live_api.get(base))["databases"] == [{"name": "defaultdb", "table_count": "0"},
                                                            {"name": "postgres", "table_count": "0"}]
    assert live_api.ok(live_api.post(base, {"name": "app"})) == {"name": "app", "table_count": "0"}
    assert live_api.ok(live_api.patch(base + "/app", {"new_name": "app2"}))["name"] == "app2"
    assert live_api.patch(base + "/app2", {}).status_code == 400  # new_name is required in the live document
    assert live_api.ok(live_api.delete(base + "/app2")) == {"name": "app2", "table_count": "0"}
    paged = live_api.ok(live_api.get(base, query={"pagination.limit": 1}))
    assert len(paged["databases"]) == 1 and set(paged["pagination"]) == {"next_page"}


def test_sql_users(live_api):
    cluster = live_api.create_cluster("sql-live-two")
    base = "/api/v1/clusters/%s/sql-users" % cluster["id"]
    assert live_api.ok(live_api.post(base, {"name": "app", "password": "Corr3ct-Horse"})) == {"name": "app"}
    assert live_api.post(base, {"name": "other"}).status_code == 400  # password is required
    assert live_api.ok(live_api.get(base))["users"] == [{"name": "app"}]
    assert live_api.ok(live_api.put(base + "/app/password", {"password": "An0ther-Horse"})) == {"name": "app"}
    assert live_api.ok(live_api.delete(base + "/app")) == {"name": "app"}
