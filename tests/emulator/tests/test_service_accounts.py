"""Service accounts: CRUD, pagination, cascading delete of keys and grants, roles."""

SA = "/api/v1/service-accounts"


def _org_role(api, name):
    return {"name": name, "resource": {"type": "ORGANIZATION", "id": api.emulator.store.data["organization"]["id"]}}


def _admin_account(api):
    return next(iter(api.emulator.store.data["service_accounts"]))


def test_create_get_list(api):
    created = api.ok(api.post(SA, {"name": "ci-bot", "description": "runs CI"}))
    assert created["name"] == "ci-bot"
    assert created["description"] == "runs CI"
    assert created["creator_id"] == _admin_account(api)
    assert created["created_at"].endswith("Z")
    assert created["roles"] == []
    assert api.ok(api.get("%s/%s" % (SA, created["id"]))) == created
    listed = api.ok(api.get(SA))["service_accounts"]
    assert [a["id"] for a in listed] == [_admin_account(api), created["id"]]
    # The bootstrap account shows its grants.
    assert {r["name"] for r in listed[0]["roles"]} >= {"ORG_ADMIN"}


def test_create_with_roles_and_duplicate_names_allowed(api):
    first = api.ok(api.post(SA, {"name": "twin", "roles": [_org_role(api, "ORG_MEMBER")]}))
    second = api.ok(api.post(SA, {"name": "twin"}))
    assert first["id"] != second["id"]  # names are not unique; ids tell accounts apart
    assert first["roles"] == [_org_role(api, "ORG_MEMBER")]
    assert api.ok(api.get("/api/v1/roles/%s" % first["id"]))["roles"] == [_org_role(api, "ORG_MEMBER")]


def test_create_rejects_bad_input_without_change(api):
    before = api.ok(api.get(SA))["service_accounts"]
    for body in ({}, {"name": ""}, {"name": "   "}, {"name": "x" * 256}, {"name": 5},
                 {"name": "ok", "roles": [{"name": "NOPE", "resource": {"type": "ORGANIZATION"}}]}):
        response = api.post(SA, body)
        assert response.status_code == 400, (body, response.get_json())
        assert response.get_json()["message"]
    assert "non-empty" in api.post(SA, {"name": ""}).get_json()["message"]
    assert api.ok(api.get(SA))["service_accounts"] == before


def test_pagination(api):
    for index in range(4):
        api.ok(api.post(SA, {"name": "sa-%d" % index}))
    seen, page = [], None
    while True:
        query = {"pagination.limit": 2}
        if page:
            query["pagination.page"] = page
        body = api.ok(api.get(SA, query=query))
        assert len(body["service_accounts"]) <= 2
        seen += [a["name"] for a in body["service_accounts"]]
        page = body["pagination"].get("next")
        if not page:
            break
    assert seen == ["emulator-admin", "sa-0", "sa-1", "sa-2", "sa-3"]


def test_update(api):
    account = api.ok(api.post(SA, {"name": "old", "description": "d"}))
    path = "%s/%s" % (SA, account["id"])
    updated = api.ok(api.patch(path, {"name": "new"}))
    assert (updated["name"], updated["description"]) == ("new", "d")
    updated = api.ok(api.patch(path, {"description": "changed"}))
    assert (updated["name"], updated["description"]) == ("new", "changed")
    response = api.patch(path, {"name": "", "description": "lost"})
    assert response.status_code == 400
    assert api.ok(api.get(path))["description"] == "changed"
    assert api.patch("%s/nope" % SA, {"name": "x"}).status_code == 404
    assert api.get("%s/nope" % SA).status_code == 404


def test_delete_revokes_keys_and_grants(api):
    account, secret = api.new_key([_org_role(api, "ORG_MEMBER")], name="doomed")
    assert api.get(SA, key=secret).status_code == 200
    deleted = api.ok(api.delete("%s/%s" % (SA, account["id"])))
    assert deleted["id"] == account["id"]
    assert api.get(SA, key=secret).status_code == 401  # its key stopped working at once
    assert api.get("%s/%s" % (SA, account["id"])).status_code == 404
    assert api.get("/api/v1/roles/%s" % account["id"]).status_code == 404
    assert account["id"] not in api.emulator.store.data["role_grants"]
    keys = api.ok(api.get("/api/v1/api-keys", query={"service_account_id": account["id"]}))["api_keys"]
    assert keys == []
    assert api.delete("%s/%s" % (SA, account["id"])).status_code == 404


def test_delete_last_org_admin_refused(api):
    admin = _admin_account(api)
    response = api.delete("%s/%s" % (SA, admin))
    assert response.status_code == 400
    assert "ORG_ADMIN" in response.get_json()["message"]
    assert api.get("%s/%s" % (SA, admin)).status_code == 200  # nothing changed, key still works


def test_roles_enforced(api):
    _new_account, member = api.new_key([_org_role(api, "ORG_MEMBER")])
    assert api.get(SA, key=member).status_code == 200  # any member can read
    response = api.post(SA, {"name": "nope"}, key=member)
    assert response.status_code == 403
    assert "ORG_ADMIN" in response.get_json()["message"]
    assert api.delete("%s/%s" % (SA, _admin_account(api)), key=member).status_code == 403
