"""Audit logs: what the pipeline records, masking, the time cursor, order and limit, roles."""

LOGS = "/api/v1/auditlogevents"


def _org_role(api, name):
    return {"name": name, "resource": {"type": "ORGANIZATION", "id": api.emulator.store.data["organization"]["id"]}}


def _admin_account(api):
    return next(iter(api.emulator.store.data["service_accounts"]))


def _make_accounts(api, count):
    for index in range(count):
        api.ok(api.post("/api/v1/service-accounts", {"name": "sa-%d" % index}))


def test_mutating_requests_are_recorded(api):
    assert api.ok(api.get(LOGS))["entries"] == []
    # An unknown body field named "secret" is accepted and must be masked in the log.
    account = api.ok(api.post("/api/v1/service-accounts", {"name": "logged", "secret": "hunter2"}))
    api.get("/api/v1/service-accounts")  # reads are not audited
    assert api.post("/api/v1/service-accounts", {"name": ""}).status_code == 400  # nor failures
    api.ok(api.post("/api/v1/api-keys", {"name": "k", "service_account_id": account["id"]}))
    entries = api.ok(api.get(LOGS))["entries"]
    assert [e["action"] for e in entries] == ["CreateServiceAccount", "CreateApiKey"]
    first = entries[0]
    assert first["user_id"] == _admin_account(api)
    assert first["source"] == "API" and first["cluster_id"] == ""
    assert first["payload"] == {"name": "logged", "secret": "***"}
    assert first["created_at"].endswith("Z")
    assert "hunter2" not in api.get(LOGS).get_data(as_text=True)
    assert "next_starting_from" not in api.ok(api.get(LOGS))


def test_cluster_entries_name_the_cluster(api):
    cluster = api.create_cluster("audited")
    entry = api.ok(api.get(LOGS))["entries"][-1]
    assert (entry["action"], entry["cluster_id"]) == ("CreateCluster", cluster["id"])


def test_paging_forward_and_backward(api):
    _make_accounts(api, 5)
    everything = api.ok(api.get(LOGS))["entries"]
    assert len(everything) == 5
    assert api.ok(api.get(LOGS, query={"sort_order": "DESC"}))["entries"] == everything[::-1]
    for order, expected in (("ASC", everything), ("DESC", everything[::-1])):
        seen, cursor = [], None
        while True:
            query = {"limit": 2, "sort_order": order}
            if cursor:
                query["starting_from"] = cursor
            body = api.ok(api.get(LOGS, query=query))
            assert len(body["entries"]) <= 2
            seen += body["entries"]
            cursor = body.get("next_starting_from")
            if not cursor:
                break
            assert cursor == body["entries"][-1]["created_at"]
        assert seen == expected, order


def test_starting_from_is_exclusive(api):
    _make_accounts(api, 3)
    entries = api.ok(api.get(LOGS))["entries"]
    after = api.ok(api.get(LOGS, query={"starting_from": entries[0]["created_at"]}))["entries"]
    assert after == entries[1:]
    before = api.ok(api.get(LOGS, query={"starting_from": entries[2]["created_at"], "sort_order": "DESC"}))
    assert before["entries"] == [entries[1], entries[0]]
    assert api.ok(api.get(LOGS, query={"starting_from": "2000-01-01T00:00:00+02:00"}))["entries"] == entries


def test_bad_queries(api):
    for query in ({"limit": 0}, {"limit": 1001}, {"limit": "many"}, {"sort_order": "UP"},
                  {"starting_from": "yesterday"}):
        response = api.get(LOGS, query=query)
        assert response.status_code == 400, (query, response.get_json())
    assert len(api.ok(api.get(LOGS, query={"limit": 1000}))["entries"]) == 0


def test_default_limit_is_200(api):
    log = api.emulator.store.data["audit_logs"]
    for index in range(201):
        log.append({"created_at": "2024-01-01T00:00:00.%06dZ" % index, "action": "Seeded", "source": "API",
                    "user_id": "x", "cluster_id": "", "payload": {}})
    body = api.ok(api.get(LOGS))
    assert len(body["entries"]) == 200
    assert body["next_starting_from"] == "2024-01-01T00:00:00.000199Z"


def test_roles_enforced(api):
    _new_account, member = api.new_key([_org_role(api, "CLUSTER_ADMIN")])
    response = api.get(LOGS, key=member)
    assert response.status_code == 403 and "ORG_ADMIN" in response.get_json()["message"]


def test_entries_made_in_the_same_microsecond_get_increasing_times(api, monkeypatch):
    from tests.emulator import clock  # pylint: disable=import-outside-toplevel
    monkeypatch.setattr(clock, "now", lambda: 1_800_000_000.0)  # a clock that does not move
    _make_accounts(api, 3)
    times = [e["created_at"] for e in api.ok(api.get(LOGS))["entries"]]
    assert times == ["2027-01-15T08:00:00.000000Z", "2027-01-15T08:00:00.000001Z", "2027-01-15T08:00:00.000002Z"]
    # So the exclusive cursor pages through all of them.
    seen, cursor = [], None
    while True:
        body = api.ok(api.get(LOGS, query=dict({"limit": 1}, **({"starting_from": cursor} if cursor else {}))))
        seen += [e["created_at"] for e in body["entries"]]
        cursor = body.get("next_starting_from")
        if not cursor:
            break
    assert seen == times
