"""Service accounts in the live wire format (``--contract live``): the create takes
``description`` and ``roles`` (required), and answers name the creator and carry
``group_roles``; grants on the organization show without its id."""

SA = "/api/v1/service-accounts"


def _account(live_api, **body):
    body = dict({"name": "ci-bot", "description": "", "roles": []}, **body)
    return live_api.ok(live_api.post(SA, body))


def test_create_needs_description_and_roles(live_api):
    response = live_api.post(SA, {"name": "ci-bot"})  # the contract's shape
    assert response.status_code == 400
    message = response.get_json()["message"]
    assert "'description' is a required property" in message and "'roles' is a required property" in message
    response = live_api.post(SA, {"name": "ci-bot", "description": "", "roles": [], "creator_id": "x"})
    assert response.status_code == 400 and "'creator_id' was unexpected" in response.get_json()["message"]
    assert [a["name"] for a in live_api.ok(live_api.get(SA))["service_accounts"]] == ["emulator-admin"]


def test_create_with_no_roles(live_api):
    created = _account(live_api, description="runs CI")
    assert created["roles"] == [] and created["group_roles"] == []
    assert created["creator_name"] == "emulator-admin"
    assert created["description"] == "runs CI"
    assert "creator_id" not in created
    assert live_api.ok(live_api.get("/api/v1/roles/%s" % created["id"]))["roles"] == []


def test_roles_given_at_create_are_granted_and_read_back(live_api):
    cluster = live_api.create_cluster()
    roles = [{"name": "CLUSTER_ADMIN", "resource": {"type": "ORGANIZATION"}},
             {"name": "CLUSTER_DEVELOPER", "resource": {"type": "CLUSTER", "id": cluster["id"]}}]
    created = _account(live_api, roles=roles)
    assert created["roles"] == roles
    assert live_api.ok(live_api.get("%s/%s" % (SA, created["id"])))["roles"] == roles
    assert live_api.ok(live_api.get("/api/v1/roles/%s" % created["id"]))["roles"] == roles
    org = live_api.emulator.store.data["organization"]["id"]
    stored = live_api.emulator.store.data["role_grants"][created["id"]]
    assert stored[0] == {"name": "CLUSTER_ADMIN", "resource": {"type": "ORGANIZATION", "id": org}}


def test_every_operation_answers_the_live_shape(live_api):
    created = _account(live_api, description="a")
    listed = live_api.ok(live_api.get(SA))["service_accounts"]
    assert {"creator_name", "group_roles", "roles", "description"} <= set(listed[-1])
    assert all("creator_id" not in a for a in listed)
    path = "%s/%s" % (SA, created["id"])
    assert live_api.ok(live_api.get(path)) == created
    updated = live_api.ok(live_api.patch(path, {"name": "ci-bot-2", "description": "b"}))
    assert (updated["name"], updated["description"], updated["creator_name"]) == ("ci-bot-2", "b", "emulator-admin")
    deleted = live_api.ok(live_api.delete(path))
    assert deleted["id"] == created["id"] and deleted["group_roles"] == []
    assert live_api.get(path).status_code == 404


def test_an_unknown_role_at_create_is_refused(live_api):
    response = live_api.post(SA, {"name": "x", "description": "", "roles": [{"name": "NOPE", "resource": {"type": "ORGANIZATION"}}]})
    assert response.status_code == 400 and "NOPE" in response.get_json()["message"]
