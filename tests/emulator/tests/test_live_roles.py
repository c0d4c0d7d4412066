"""Role grants in the live wire format (``--contract live``): grants on the organization
show without its id and are taken without it; persons by email answer ``user``; role
names and resource types are enums of the path."""

import pytest

ROLES = "/api/v1/roles"
PERSONS = "/api/v1/users/persons-by-email"


def _org(live_api):
    return live_api.emulator.store.data["organization"]["id"]


def _account(live_api):
    return live_api.ok(live_api.post("/api/v1/service-accounts", {"name": "ci", "description": "", "roles": []}))


def test_persons_by_email_answer_user(live_api):
    found = live_api.ok(live_api.get(PERSONS, query={"email": "BOB@example.com"}))
    assert set(found) == {"user"} and found["user"]["email"] == "bob@example.com" and set(found["user"]) == {"id", "email"}
    assert live_api.ok(live_api.get(PERSONS, query={"email": "nobody@example.com"})) == {}


def test_set_and_read_roles_without_the_organization_id(live_api):
    account = _account(live_api)
    cluster = live_api.create_cluster()
    roles = [{"name": "ORG_MEMBER", "resource": {"type": "ORGANIZATION"}},
             {"name": "CLUSTER_ADMIN", "resource": {"type": "CLUSTER", "id": cluster["id"]}}]
    answer = live_api.ok(live_api.put("%s/%s" % (ROLES, account["id"]), {"roles": roles}))
    assert answer == {"roles": roles, "group_roles": []}
    assert live_api.ok(live_api.get("%s/%s" % (ROLES, account["id"]))) == answer
    # The organization's id may be given too; it is shown without it.
    with_id = [{"name": "ORG_MEMBER", "resource": {"type": "ORGANIZATION", "id": _org(live_api)}}]
    assert live_api.ok(live_api.put("%s/%s" % (ROLES, account["id"]), {"roles": with_id}))["roles"] == roles[:1]
    listed = live_api.ok(live_api.get(ROLES))
    assert {"user_id": account["id"], "roles": roles[:1]} in listed["grants"]
    assert all("id" not in r["resource"] for g in listed["grants"] for r in g["roles"]
               if r["resource"]["type"] == "ORGANIZATION")


def test_add_and_remove_one_grant(live_api):
    account = _account(live_api)
    path = "%s/%s/ORGANIZATION/%s/CLUSTER_ADMIN" % (ROLES, account["id"], _org(live_api))
    added = live_api.ok(live_api.post(path))
    assert added["roles"] == [{"name": "CLUSTER_ADMIN", "resource": {"type": "ORGANIZATION"}}]
    assert live_api.ok(live_api.delete(path))["roles"] == []
    assert live_api.delete(path).status_code == 404


@pytest.mark.parametrize("part, value", [("role_name", "NOPE"), ("resource_type", "TEAM")])
def test_path_enums_are_refused(live_api, part, value):
    account = _account(live_api)
    parts = {"role_name": "CLUSTER_ADMIN", "resource_type": "ORGANIZATION"}
    parts[part] = value
    response = live_api.post("%s/%s/%s/%s/%s" % (ROLES, account["id"], parts["resource_type"], _org(live_api),
                                                 parts["role_name"]))
    assert response.status_code == 400 and "Invalid path parameter: %s" % part in response.get_json()["message"]


def test_a_grant_in_the_contract_shape_is_refused(live_api):
    account = _account(live_api)
    response = live_api.put("%s/%s" % (ROLES, account["id"]),
                            {"roles": [{"name": "ORG_MEMBER", "resource": {"type": "ORGANIZATION"}, "user_id": "x"}]})
    assert response.status_code == 400
