"""Egress rules in the live wire format (``--contract live``): an add needs a ``description``
and a ``type``, an edit takes no ``name``, ``paths`` and ``idempotency_key`` are taken and
ignored, and the answers of get, add, edit and delete are wrapped as ``{rule: {...}}``, each
rule with the live document's required fields (response validation is on)."""

import pytest


@pytest.fixture
def cluster(live_api):
    return live_api.create_cluster(name="egress-live", plan="dedicated")


def base(cluster):
    return "/api/v1/clusters/%s/networking/egress-rules" % cluster["id"]


RULE = {"name": "backups", "destination": "s3.us-east-1.amazonaws.com", "type": "FQDN", "ports": [443],
        "description": ""}


def test_the_cycle_in_the_live_shape(live_api, cluster):
    added = live_api.ok(live_api.post(base(cluster), dict(RULE, paths=["/"], idempotency_key="k-1")))
    assert list(added) == ["rule"]
    rule = added["rule"]
    assert {k: rule[k] for k in ("name", "destination", "type", "ports", "description", "cluster_id",
                                 "crl_managed", "state")} == dict(
        RULE, cluster_id=cluster["id"], crl_managed=False, state="ACTIVE")
    assert "paths" not in rule
    assert live_api.ok(live_api.get(base(cluster))) == {"rules": [rule], "pagination": {}}
    assert live_api.ok(live_api.get("%s/%s" % (base(cluster), rule["id"]))) == {"rule": rule}

    edited = live_api.ok(live_api.patch("%s/%s" % (base(cluster), rule["id"]),
                                        {"destination": "10.0.0.0/8", "type": "CIDR", "description": "kafka",
                                         "idempotency_key": "k-2"}))
    assert edited == {"rule": dict(rule, destination="10.0.0.0/8", type="CIDR", description="kafka")}

    deleted = live_api.ok(live_api.delete("%s/%s" % (base(cluster), rule["id"]), query={"idempotency_key": "k-3"}))
    assert deleted == edited
    assert live_api.ok(live_api.get(base(cluster)))["rules"] == []


@pytest.mark.parametrize("body, reason", [
    ({"name": "a", "destination": "a.example.com", "type": "FQDN"}, "'description' is a required property"),
    ({"name": "a", "destination": "a.example.com", "description": ""}, "'type' is a required property"),
])
def test_an_add_in_the_contract_shape_is_refused(live_api, cluster, body, reason):
    response = live_api.post(base(cluster), body)
    assert response.status_code == 400 and reason in response.get_json()["message"]
    assert live_api.ok(live_api.get(base(cluster)))["rules"] == []


def test_an_edit_cannot_rename(live_api, cluster):
    rule = live_api.ok(live_api.post(base(cluster), RULE))["rule"]
    response = live_api.patch("%s/%s" % (base(cluster), rule["id"]), {"name": "renamed"})
    assert response.status_code == 400 and "'name' was unexpected" in response.get_json()["message"]


def test_the_services_own_rules_say_so(live_api, cluster):
    rule = live_api.ok(live_api.post(base(cluster), RULE))["rule"]
    live_api.emulator.store.cluster_children(cluster["id"], "egress_rules")[rule["id"]]["crl_managed"] = True
    assert live_api.ok(live_api.get(base(cluster)))["rules"][0]["crl_managed"] is True


def test_the_cluster_answers_the_live_traffic_policy(live_api, cluster):
    assert live_api.ok(live_api.get("/api/v1/clusters/%s" % cluster["id"]))["egress_traffic_policy"] == "ALLOW_ALL"


def test_a_serverless_cluster_has_none(live_api):
    cluster = live_api.create_cluster(name="egress-sls")
    assert live_api.ok(live_api.get(base(cluster))) == {"rules": [], "pagination": {}}
    assert live_api.post(base(cluster), RULE).status_code == 400
