"""API keys in the live wire format (``--contract live``): the same shapes as the contract's,
with the live pagination."""

KEYS = "/api/v1/api-keys"


def test_api_key_cycle(live_api):
    account = live_api.ok(live_api.post("/api/v1/service-accounts", {"name": "ci", "description": "", "roles": []}))
    created = live_api.ok(live_api.post(KEYS, {"name": "k", "service_account_id": account["id"]}))
    assert set(created) == {"api_key", "secret"} and created["secret"].startswith(created["api_key"]["id"] + "_")
    key = created["api_key"]
    assert set(key) == {"id", "name", "service_account_id", "created_at"}
    listed = live_api.ok(live_api.get(KEYS, query={"service_account_id": account["id"]}))
    assert listed["api_keys"] == [key] and listed["pagination"] == {}
    path = "%s/%s" % (KEYS, key["id"])
    assert live_api.ok(live_api.get(path)) == key
    assert live_api.ok(live_api.patch(path, {"name": "k2"}))["name"] == "k2"
    assert live_api.ok(live_api.delete(path))["name"] == "k2"
    assert live_api.get(path).status_code == 404


def test_unknown_fields_are_refused(live_api):
    account = live_api.ok(live_api.post("/api/v1/service-accounts", {"name": "ci", "description": "", "roles": []}))
    response = live_api.post(KEYS, {"name": "k", "service_account_id": account["id"], "roles": []})
    assert response.status_code == 400 and "'roles' was unexpected" in response.get_json()["message"]


def test_pages_are_next_page_tokens(live_api):
    account = live_api.ok(live_api.post("/api/v1/service-accounts", {"name": "ci", "description": "", "roles": []}))
    for index in range(3):
        live_api.ok(live_api.post(KEYS, {"name": "k%d" % index, "service_account_id": account["id"]}))
    first = live_api.ok(live_api.get(KEYS, query={"service_account_id": account["id"], "pagination.limit": 2}))
    assert len(first["api_keys"]) == 2 and set(first["pagination"]) == {"next_page"}
    rest = live_api.ok(live_api.get(KEYS, query={"service_account_id": account["id"], "pagination.limit": 2,
                                                 "pagination.page": first["pagination"]["next_page"]}))
    assert [k["name"] for k in rest["api_keys"]] == ["k2"] and rest["pagination"] == {}
