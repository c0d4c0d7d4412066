"""CMEK in the live wire format (``--contract live``): ``key_spec``, ``action``, ``region_infos``."""

import time

ARN = "arn:aws:iam::123456789012:role/crdb-cmek"
KEY_URI = "arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555"


def path(cluster):
    return "/api/v1/clusters/%s/cmek" % cluster["id"]


def key(uri=KEY_URI):
    return {"type": "AWS_KMS", "uri": uri, "auth_principal": ARN}


def spec(uri=KEY_URI):
    return {"region_specs": [{"region": "us-east-1", "key_spec": key(uri)}]}


def test_enable_update_and_read_in_the_live_shape(make_api):
    api = make_api(contract="live", async_seconds=0.2)
    cluster = api.create_cluster("aws-cmek", plan="dedicated", provider="AWS")
    time.sleep(0.25)
    enabling = api.ok(api.post(path(cluster), spec()))
    assert set(enabling) == {"status", "region_infos"} and enabling["status"] == "ENABLING"
    [region] = enabling["region_infos"]
    assert region["region"] == "us-east-1" and region["status"] == "ENABLING"
    assert [(k["spec"], k["status"]) for k in region["key_infos"]] == [(key(), "ENABLING")]
    time.sleep(0.25)
    enabled = api.ok(api.get(path(cluster)))
    assert enabled["status"] == "ENABLED" and enabled["region_infos"][0]["key_infos"][0]["status"] == "ENABLED"
    # A new key (the live way to rotate): the old one is listed DISABLED before the current one.
    api.ok(api.put(path(cluster), spec(KEY_URI + "-2")))
    time.sleep(0.25)
    infos = api.ok(api.get(path(cluster)))["region_infos"][0]["key_infos"]
    assert [(k["spec"]["uri"], k["status"]) for k in infos] == [(KEY_URI, "DISABLED"), (KEY_URI + "-2", "ENABLED")]
    assert infos[0]["updated_at"] == infos[1]["created_at"]
    # The same key again: no key is replaced.
    api.ok(api.put(path(cluster), spec(KEY_URI + "-2")))
    time.sleep(0.25)
    assert len(api.ok(api.get(path(cluster)))["region_infos"][0]["key_infos"]) == 2


def test_revoke_by_action(live_api):
    cluster = live_api.create_cluster("aws-cmek", plan="dedicated", provider="AWS")
    live_api.ok(live_api.post(path(cluster), spec()))
    revoked = live_api.ok(live_api.patch(path(cluster), {"action": "REVOKE"}))
    assert revoked["status"] == "REVOKED" and revoked["region_infos"][0]["key_infos"][0]["status"] == "REVOKED"
    assert live_api.ok(live_api.patch(path(cluster), {"action": "REVOKE"}))["status"] == "REVOKED"


def test_contract_shapes_are_refused(live_api):
    cluster = live_api.create_cluster("aws-cmek", plan="dedicated", provider="AWS")
    contract_spec = {"region_specs": [{"region": "us-east-1", "key": key()}]}
    response = live_api.post(path(cluster), contract_spec)
    assert response.status_code == 400 and "'key' was unexpected" in response.get_json()["message"]
    assert live_api.get(path(cluster)).status_code == 404
    live_api.ok(live_api.post(path(cluster), spec()))
    assert live_api.put(path(cluster), contract_spec).status_code == 400
    for body in ({"status": "REVOKE"}, {"action": "ROTATE"}):
        response = live_api.patch(path(cluster), body)
        assert response.status_code == 400, body
    assert live_api.ok(live_api.get(path(cluster)))["status"] == "ENABLED"


def test_checks_of_the_handler_still_apply(live_api):
    cluster = live_api.create_cluster("aws-cmek", plan="dedicated", provider="AWS")
    gcp_key = {"type": "GCP_CLOUD_KMS", "uri": "projects/p/locations/l/keyRings/r/cryptoKeys/k",
               "auth_principal": "a@b.iam.gserviceaccount.com"}
    response = live_api.post(path(cluster), {"region_specs": [{"region": "us-east-1", "key_spec": gcp_key}]})
    assert response.status_code == 400 and "does not fit cluster aws-cmek" in response.get_json()["message"]
    response = live_api.post(path(cluster), {"region_specs": [{"region": "us-east-1", "key_spec": dict(key(), type="NULL_KMS")}]})
    assert response.status_code == 400
    serverless = live_api.create_cluster("serverless-one", provider="AWS")
    assert live_api.get(path(serverless)).status_code == 400
