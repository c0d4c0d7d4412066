"""Role management: grants per user, scope rules, idempotent add, the ORG_ADMIN guard."""

ROLES = "/api/v1/roles"


def _org_id(api):
    return api.emulator.store.data["organization"]["id"]


def _grant(name, resource_type, resource_id):
    return {"name": name, "resource": {"type": resource_type, "id": resource_id}}


def _account(api, name="robot"):
    return api.ok(api.post("/api/v1/service-accounts", {"name": name}))["id"]


def _admin_account(api):
    return next(iter(api.emulator.store.data["service_accounts"]))


def _person(api, email="bob@example.com"):
    return next(p["id"] for p in api.emulator.store.data["persons"].values() if p["email"] == email)


def test_get_roles(api):
    roles = api.ok(api.get("%s/%s" % (ROLES, _admin_account(api))))["roles"]
    assert _grant("ORG_ADMIN", "ORGANIZATION", _org_id(api)) in roles
    assert api.ok(api.get("%s/%s" % (ROLES, _person(api))))["roles"] == []
    response = api.get("%s/no-such-user" % ROLES)
    assert response.status_code == 404 and "no-such-user" in response.get_json()["message"]


def test_set_roles_replaces_all(api):
    account = _account(api)
    cluster = api.create_cluster("role-cluster")
    folder = api.ok(api.post("/api/v1/folders", {"name": "f"}))
    wanted = [_grant("ORG_MEMBER", "ORGANIZATION", _org_id(api)),
              _grant("CLUSTER_DEVELOPER", "CLUSTER", cluster["id"]),
              _grant("FOLDER_MOVER", "FOLDER", folder["resource_id"]),
              _grant("CLUSTER_ADMIN", "FOLDER", folder["resource_id"])]
    assert api.ok(api.put("%s/%s" % (ROLES, account), {"roles": wanted + wanted[:1]}))["roles"] == wanted
    assert api.ok(api.get("%s/%s" % (ROLES, account)))["roles"] == wanted
    # The organization's id may be left out; the organization is implied.
    no_id = {"name": "BILLING_COORDINATOR", "resource": {"type": "ORGANIZATION"}}
    implied = api.ok(api.put("%s/%s" % (ROLES, account), {"roles": [no_id]}))
    assert implied["roles"] == [_grant("BILLING_COORDINATOR", "ORGANIZATION", _org_id(api))]
    assert api.ok(api.put("%s/%s" % (ROLES, account), {"roles": []}))["roles"] == []
    person = _person(api)
    assert api.ok(api.put("%s/%s" % (ROLES, person), {"roles": wanted[:1]}))["roles"] == wanted[:1]
    assert api.put("%s/no-such-user" % ROLES, {"roles": []}).status_code == 404


def test_set_roles_rejects_bad_grants_without_change(api):
    account = _account(api)
    keep = [_grant("ORG_MEMBER", "ORGANIZATION", _org_id(api))]
    api.ok(api.put("%s/%s" % (ROLES, account), {"roles": keep}))
    cluster = api.create_cluster("role-cluster")
    bad = {
        "unknown role": _grant("SUPERUSER", "ORGANIZATION", _org_id(api)),
        "can only be granted on ORGANIZATION": _grant("ORG_ADMIN", "CLUSTER", cluster["id"]),
        "can only be granted on ORGANIZATION or FOLDER": _grant("FOLDER_ADMIN", "CLUSTER", cluster["id"]),
        "does not exist": _grant("CLUSTER_ADMIN", "CLUSTER", "no-such-cluster"),
        "organization's id": _grant("ORG_MEMBER", "ORGANIZATION", "other-org"),
        "resource type": _grant("ORG_MEMBER", "PROJECT", "x"),
    }
    for expected, grant in bad.items():
        response = api.put("%s/%s" % (ROLES, account), {"roles": keep + [grant]})
        assert response.status_code == 400, (grant, response.get_json())
        assert expected in response.get_json()["message"], response.get_json()
    assert api.put("%s/%s" % (ROLES, account), {"roles": ["ORG_MEMBER"]}).status_code == 400
    assert api.ok(api.get("%s/%s" % (ROLES, account)))["roles"] == keep


def test_add_and_remove(api):
    account = _account(api)
    cluster = api.create_cluster("role-cluster")
    path = "%s/%s/CLUSTER/%s/CLUSTER_ADMIN" % (ROLES, account, cluster["id"])
    grant = _grant("CLUSTER_ADMIN", "CLUSTER", cluster["id"])
    assert api.ok(api.post(path))["roles"] == [grant]
    assert api.ok(api.post(path))["roles"] == [grant]  # idempotent: no duplicate
    org_path = "%s/%s/ORGANIZATION/%s/ORG_MEMBER" % (ROLES, account, _org_id(api))
    assert len(api.ok(api.post(org_path))["roles"]) == 2
    assert api.ok(api.delete(path))["roles"] == [_grant("ORG_MEMBER", "ORGANIZATION", _org_id(api))]
    response = api.delete(path)
    assert response.status_code == 404 and "role grant" in response.get_json()["message"]
    # Unknown things in the path are 404; a role that does not fit its scope is 400.
    assert api.post("%s/%s/CLUSTER/no-such-cluster/CLUSTER_ADMIN" % (ROLES, account)).status_code == 404
    assert api.post("%s/%s/ORGANIZATION/%s/NOPE" % (ROLES, account, _org_id(api))).status_code == 404
    assert api.post("%s/no-such-user/ORGANIZATION/%s/ORG_MEMBER" % (ROLES, _org_id(api))).status_code == 404
    response = api.post("%s/%s/CLUSTER/%s/ORG_ADMIN" % (ROLES, account, cluster["id"]))
    assert response.status_code == 400
    assert api.post("%s/%s/TEAM/x/ORG_MEMBER" % (ROLES, account)).status_code == 400
    assert len(api.ok(api.get("%s/%s" % (ROLES, account)))["roles"]) == 1


def test_grant_on_a_deleted_cluster_can_be_removed(api):
    account = _account(api)
    cluster = api.create_cluster("short-lived")
    path = "%s/%s/CLUSTER/%s/CLUSTER_DEVELOPER" % (ROLES, account, cluster["id"])
    api.ok(api.post(path))
    api.ok(api.delete("/api/v1/clusters/%s" % cluster["id"]))
    held = api.ok(api.get("%s/%s" % (ROLES, account)))["roles"]
    # Sending back what is held still works, and the stale grant can be removed.
    assert api.ok(api.put("%s/%s" % (ROLES, account), {"roles": held}))["roles"] == held
    assert api.ok(api.delete(path))["roles"] == []


def test_last_org_admin_is_kept(api):
    admin = _admin_account(api)
    org_admin = "%s/%s/ORGANIZATION/%s/ORG_ADMIN" % (ROLES, admin, _org_id(api))
    response = api.delete(org_admin)
    assert response.status_code == 400 and "ORG_ADMIN" in response.get_json()["message"]
    assert api.put("%s/%s" % (ROLES, admin), {"roles": []}).status_code == 400
    assert _grant("ORG_ADMIN", "ORGANIZATION", _org_id(api)) in api.ok(api.get("%s/%s" % (ROLES, admin)))["roles"]
    # With a second ORG_ADMIN (a person) the first may give the role up.
    api.ok(api.post("%s/%s/ORGANIZATION/%s/ORG_ADMIN" % (ROLES, _person(api), _org_id(api))))
    api.ok(api.delete(org_admin))
    assert api.get("/api/v1/roles", key=api.admin_key).status_code == 403


def test_list_grants_paginated(api):
    first, second = _account(api, "one"), _account(api, "two")
    api.ok(api.post("%s/%s/ORGANIZATION/%s/ORG_MEMBER" % (ROLES, first, _org_id(api))))
    api.ok(api.post("%s/%s/ORGANIZATION/%s/BILLING_COORDINATOR" % (ROLES, second, _org_id(api))))
    everything = api.ok(api.get(ROLES))["grants"]
    assert [g["user_id"] for g in everything] == [_admin_account(api), first, second]
    assert everything[1]["roles"] == [_grant("ORG_MEMBER", "ORGANIZATION", _org_id(api))]
    seen, page = [], None
    while True:
        query = {"pagination.limit": 1}
        if page:
            query["pagination.page"] = page
        body = api.ok(api.get(ROLES, query=query))
        seen += [g["user_id"] for g in body["grants"]]
        page = body["pagination"].get("next")
        if not page:
            break
    assert seen == [g["user_id"] for g in everything]


def test_person_users_by_email(api):
    users = api.ok(api.get("/api/v1/users/persons-by-email", query={"email": "Alice@Example.com"}))["users"]
    assert len(users) == 1
    assert users[0]["email"] == "alice@example.com" and users[0]["name"] == "Alice Admin"
    assert set(users[0]) == {"id", "email", "name"}
    assert api.ok(api.get("/api/v1/users/persons-by-email", query={"email": "zed@example.com"}))["users"] == []
    assert api.get("/api/v1/users/persons-by-email").status_code == 400


def test_roles_enforced_and_effective(api):
    cluster = api.create_cluster("guarded")
    _new_account, key = api.new_key([_grant("CLUSTER_ADMIN", "CLUSTER", cluster["id"])])
    assert api.get(ROLES, key=key).status_code == 403
    assert api.put("%s/%s" % (ROLES, _admin_account(api)), {"roles": []}, key=key).status_code == 403
    # The grant works: the key reads its cluster, not others.
    other = api.create_cluster("unguarded")
    assert api.get("/api/v1/clusters/%s" % cluster["id"], key=key).status_code == 200
    assert api.get("/api/v1/clusters/%s" % other["id"], key=key).status_code == 403
