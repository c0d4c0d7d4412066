"""Egress rules: add (type inference, validation), get, edit, delete with idempotency keys."""

import time
import uuid

import pytest


@pytest.fixture
def cluster(api):
    return api.create_cluster(plan="dedicated")


def base(cluster):
    return "/api/v1/clusters/%s/networking/egress-rules" % cluster["id"]


def rules(api, cluster):
    return api.ok(api.get(base(cluster)))["rules"]


def add(api, cluster, **body):
    body.setdefault("name", "rule-%s" % uuid.uuid4().hex[:6])
    body.setdefault("destination", "db.example.com")
    return api.ok(api.post(base(cluster), body))


def test_add_fqdn_rule(api, cluster):
    rule = add(api, cluster, name="partner-db", destination="db.example.com", ports=[443, 5432],
               description="the partner's database")
    assert rule["type"] == "FQDN" and rule["state"] == "ACTIVE"
    assert rule["name"] == "partner-db" and rule["destination"] == "db.example.com"
    assert rule["ports"] == [443, 5432] and rule["description"] == "the partner's database"
    uuid.UUID(rule["id"])
    assert rule["created_at"].endswith("Z")
    assert rules(api, cluster) == [rule]
    assert api.ok(api.get(base(cluster) + "/" + rule["id"])) == rule


def test_type_is_inferred(api, cluster):
    assert add(api, cluster, destination="10.0.0.0/8")["type"] == "CIDR"
    assert add(api, cluster, destination="192.168.1.10")["type"] == "CIDR"
    assert add(api, cluster, destination="*.s3.amazonaws.com")["type"] == "FQDN"
    rule = add(api, cluster, destination="10.1.0.0/16", type="CIDR")
    assert rule["type"] == "CIDR" and rule["ports"] == [] and "description" not in rule


INVALID = [
    ({"destination": "10.0.0.0/33"}, "not a valid IPv4 CIDR"),
    ({"destination": "300.1.1.1/8"}, "not a valid IPv4 CIDR"),
    ({"destination": "localhost"}, "not a valid FQDN"),
    ({"destination": "bad_host.example.com"}, "not a valid FQDN"),
    ({"destination": "-x.example.com"}, "not a valid FQDN"),
    ({"destination": "db.example.com", "type": "CIDR"}, "not a valid IPv4 CIDR"),
    ({"destination": "10.0.0.0/8", "type": "FQDN"}, "not a valid FQDN"),
    ({"destination": "db.example.com", "type": "IP"}, "type must be FQDN or CIDR"),
    ({"destination": ""}, "destination is required"),
    ({"ports": [0]}, "between 1 and 65535"),
    ({"ports": [65536]}, "between 1 and 65535"),
    ({"ports": [443, 443]}, "must not repeat"),
    ({"name": ""}, "name is required"),
    ({"name": "n" * 64}, "name is required"),
    ({"description": 5}, "description must be a string"),
]


def test_invalid_rules_are_400(api, cluster):
    # One emulator for all the cases: building one per case would be slow.
    for change, message in INVALID:
        body = dict({"name": "r1", "destination": "db.example.com"}, **change)
        response = api.post(base(cluster), body)
        assert response.status_code == 400, change
        assert message in response.get_json()["message"], (change, response.get_json())
    assert rules(api, cluster) == []


def test_missing_destination_is_400(api, cluster):
    assert api.post(base(cluster), {"name": "r1"}).status_code == 400


def test_names_are_unique(api, cluster):
    add(api, cluster, name="dup")
    response = api.post(base(cluster), {"name": "dup", "destination": "other.example.com"})
    assert response.status_code == 409
    assert "already exists" in response.get_json()["message"]
    # Per cluster: another cluster may use the name.
    other = api.create_cluster(name="other-cluster", plan="dedicated")
    add(api, other, name="dup")


def test_state_goes_pending_to_active(api, cluster):
    api.ok(api.client.patch("/_emulator/config", json={"async_seconds": 0.2}))
    rule = add(api, cluster, name="slow")
    assert rule["state"] == "PENDING"
    assert api.ok(api.get(base(cluster) + "/" + rule["id"]))["state"] == "PENDING"
    time.sleep(0.25)
    assert api.ok(api.get(base(cluster) + "/" + rule["id"]))["state"] == "ACTIVE"
    # An edit that changes something runs again.
    edited = api.ok(api.patch(base(cluster) + "/" + rule["id"], {"ports": [443]}))
    assert edited["state"] == "PENDING"
    time.sleep(0.25)
    assert rules(api, cluster)[0]["state"] == "ACTIVE"


def test_edit_rule(api, cluster):
    rule = add(api, cluster, name="r1", destination="db.example.com", ports=[443])
    path = base(cluster) + "/" + rule["id"]
    edited = api.ok(api.patch(path, {"name": "r1-renamed", "ports": [443, 8443]}))
    assert edited["name"] == "r1-renamed" and edited["ports"] == [443, 8443]
    assert edited["destination"] == "db.example.com" and edited["id"] == rule["id"]
    # A new destination is typed afresh.
    edited = api.ok(api.patch(path, {"destination": "10.20.0.0/16"}))
    assert edited["type"] == "CIDR" and edited["destination"] == "10.20.0.0/16"
    assert api.ok(api.get(path)) == edited
    assert api.ok(api.patch(path, {})) == edited


def test_edit_errors_leave_the_rule_alone(api, cluster):
    rule = add(api, cluster, name="r1", destination="db.example.com", ports=[443])
    add(api, cluster, name="r2")
    path = base(cluster) + "/" + rule["id"]
    assert api.patch(path, {"name": "r2"}).status_code == 409
    assert api.patch(path, {"name": "r1"}).status_code == 200  # its own name is fine
    assert api.patch(path, {"destination": "not a host"}).status_code == 400
    assert api.patch(path, {"destination": ""}).status_code == 400
    assert api.patch(path, {"ports": [70000], "name": "r3"}).status_code == 400
    assert api.patch(path, {"type": "CIDR"}).status_code == 400
    assert api.ok(api.get(path)) == rule
    assert api.patch(base(cluster) + "/" + str(uuid.uuid4()), {"name": "x"}).status_code == 404


def test_get_unknown_rule_is_404(api, cluster):
    response = api.get(base(cluster) + "/nope")
    assert response.status_code == 404
    assert "nope" in response.get_json()["message"]


def test_delete_rule(api, cluster):
    rule = add(api, cluster, name="r1")
    kept = add(api, cluster, name="r2")
    assert api.ok(api.delete(base(cluster) + "/" + rule["id"])) == rule
    assert rules(api, cluster) == [kept]
    assert api.get(base(cluster) + "/" + rule["id"]).status_code == 404
    assert api.delete(base(cluster) + "/" + rule["id"]).status_code == 404
    # The name is free again.
    add(api, cluster, name="r1")


def test_delete_with_idempotency_key(api, cluster):
    rule = add(api, cluster, name="r1")
    path = base(cluster) + "/" + rule["id"]
    first = api.ok(api.delete(path, query={"idempotency_key": "k-1"}))
    assert first == rule
    # The same key again: the same answer, not a 404.
    assert api.ok(api.delete(path, query={"idempotency_key": "k-1"})) == rule
    assert api.delete(path, query={"idempotency_key": "k-2"}).status_code == 404
    assert api.delete(path).status_code == 404
    # A key remembers its own rule only.
    other = add(api, cluster, name="r2")
    assert api.delete(base(cluster) + "/" + str(uuid.uuid4()), query={"idempotency_key": "k-1"}).status_code == 404
    assert api.ok(api.delete(base(cluster) + "/" + other["id"], query={"idempotency_key": "k-1"})) == other
    assert rules(api, cluster) == []


def test_list_paginates(api, cluster):
    made = [add(api, cluster, name="r%d" % i, destination="h%d.example.com" % i)["id"] for i in range(5)]
    first = api.ok(api.get(base(cluster), query={"pagination.limit": 2}))
    seen = [r["id"] for r in first["rules"]]
    page = first["pagination"]["next"]
    while page:
        body = api.ok(api.get(base(cluster), query={"pagination.limit": 2, "pagination.page": page}))
        seen.extend(r["id"] for r in body["rules"])
        page = body["pagination"].get("next")
    assert seen == made


def test_serverless_clusters_are_refused(api):
    serverless = api.create_cluster(name="serverless-one")
    response = api.post(base(serverless), {"name": "r1", "destination": "db.example.com"})
    assert response.status_code == 400
    assert "only available on DEDICATED" in response.get_json()["message"]
    assert rules(api, serverless) == []
    assert api.get(base(serverless) + "/x").status_code == 404
    assert api.patch(base(serverless) + "/x", {"name": "y"}).status_code == 400
    assert api.delete(base(serverless) + "/x").status_code == 404


def test_unknown_cluster_is_404(api):
    assert api.get(base({"id": str(uuid.uuid4())})).status_code == 404


def test_roles(api, cluster):
    scope = {"type": "CLUSTER", "id": cluster["id"]}
    developer = api.new_key([{"name": "CLUSTER_DEVELOPER", "resource": scope}], name="developer")[1]
    operator = api.new_key([{"name": "CLUSTER_OPERATOR_WRITER", "resource": scope}], name="operator")[1]
    body = {"name": "r1", "destination": "db.example.com"}
    assert api.post(base(cluster), body, key=developer).status_code == 403
    rule = api.ok(api.post(base(cluster), body, key=operator))
    assert api.ok(api.get(base(cluster) + "/" + rule["id"], key=developer)) == rule
    assert api.delete(base(cluster) + "/" + rule["id"], key=developer).status_code == 403
    assert rules(api, cluster) == [rule]
