"""API keys: the secret is shown once, keys authenticate until deleted, roles."""

import re

KEYS = "/api/v1/api-keys"
SECRET_RE = re.compile(r"^(CCDB1_[A-Za-z0-9]{22})_[A-Za-z0-9]{40}$")


def _org_role(api, name):
    return {"name": name, "resource": {"type": "ORGANIZATION", "id": api.emulator.store.data["organization"]["id"]}}


def _account(api, name="robot"):
    return api.ok(api.post("/api/v1/service-accounts", {"name": name}))["id"]


def test_create_returns_secret_once(api):
    account = _account(api)
    created = api.ok(api.post(KEYS, {"name": "deploy", "service_account_id": account}))
    key, secret = created["api_key"], created["secret"]
    match = SECRET_RE.match(secret)
    assert match and key["id"] == match.group(1)
    assert (key["name"], key["service_account_id"]) == ("deploy", account)
    assert key["created_at"].endswith("Z")
    got = api.ok(api.get("%s/%s" % (KEYS, key["id"])))
    assert got == key and "secret" not in got
    listed = api.get(KEYS).get_data(as_text=True)
    assert secret not in listed and "_secret_digest" not in listed
    assert secret not in str(api.emulator.store.data)  # only a digest is kept
    # The new key authenticates as its account.
    assert api.get("/api/v1/service-accounts", key=secret).status_code == 200


def test_create_rejects_bad_input_without_change(api):
    account = _account(api)
    before = api.ok(api.get(KEYS))["api_keys"]
    response = api.post(KEYS, {"name": "k", "service_account_id": "no-such-account"})
    assert response.status_code == 400
    assert "no-such-account" in response.get_json()["message"]
    for body in ({"name": "", "service_account_id": account},
                 {"name": "x" * 101, "service_account_id": account},
                 {"service_account_id": account}, {"name": "k"}):
        assert api.post(KEYS, body).status_code == 400, body
    assert api.ok(api.get(KEYS))["api_keys"] == before
    api.ok(api.post(KEYS, {"name": "x" * 100, "service_account_id": account}))


def test_list_filters_and_paginates(api):
    first, second = _account(api, "one"), _account(api, "two")
    for index in range(3):
        api.ok(api.post(KEYS, {"name": "one-%d" % index, "service_account_id": first}))
    api.ok(api.post(KEYS, {"name": "two-0", "service_account_id": second}))
    only_first = api.ok(api.get(KEYS, query={"service_account_id": first}))["api_keys"]
    assert [k["name"] for k in only_first] == ["one-0", "one-1", "one-2"]
    assert api.ok(api.get(KEYS, query={"service_account_id": "unknown"}))["api_keys"] == []
    page1 = api.ok(api.get(KEYS, query={"pagination.limit": 3}))
    page2 = api.ok(api.get(KEYS, query={"pagination.limit": 3, "pagination.page": page1["pagination"]["next"]}))
    names = [k["name"] for k in page1["api_keys"] + page2["api_keys"]]
    assert names == ["emulator-admin-key", "one-0", "one-1", "one-2", "two-0"]
    assert not page2["pagination"].get("next")


def test_update_name(api):
    account = _account(api)
    key = api.ok(api.post(KEYS, {"name": "old", "service_account_id": account}))["api_key"]
    path = "%s/%s" % (KEYS, key["id"])
    assert api.ok(api.patch(path, {"name": "new"}))["name"] == "new"
    assert api.patch(path, {"name": ""}).status_code == 400
    assert api.ok(api.get(path))["name"] == "new"
    assert api.patch("%s/CCDB1_unknown" % KEYS, {"name": "x"}).status_code == 404
    assert api.get("%s/CCDB1_unknown" % KEYS).status_code == 404


def test_delete_revokes_at_once(api):
    account = _account(api)
    created = api.ok(api.post(KEYS, {"name": "temp", "service_account_id": account}))
    secret, key_id = created["secret"], created["api_key"]["id"]
    assert api.get("/api/v1/service-accounts", key=secret).status_code == 200
    assert api.ok(api.delete("%s/%s" % (KEYS, key_id)))["id"] == key_id
    response = api.get("/api/v1/service-accounts", key=secret)
    assert response.status_code == 401
    assert api.get("%s/%s" % (KEYS, key_id)).status_code == 404
    assert api.delete("%s/%s" % (KEYS, key_id)).status_code == 404


def test_roles_enforced(api):
    _new_account, cluster_admin = api.new_key([_org_role(api, "CLUSTER_ADMIN")])
    account = _account(api)
    assert api.get(KEYS, key=cluster_admin).status_code == 200  # ORG_ADMIN or CLUSTER_ADMIN read
    response = api.post(KEYS, {"name": "k", "service_account_id": account}, key=cluster_admin)
    assert response.status_code == 403
    assert api.ok(api.get(KEYS, query={"service_account_id": account}))["api_keys"] == []
    _new_account, member = api.new_key([_org_role(api, "ORG_MEMBER")], name="member")
    assert api.get(KEYS, key=member).status_code == 403
