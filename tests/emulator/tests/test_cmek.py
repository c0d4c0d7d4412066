"""CMEK: GetCMEKClusterInfo, EnableCMEKSpec, UpdateCMEKSpec, UpdateCMEKStatus."""

import time
import uuid


ARN = "arn:aws:iam::123456789012:role/crdb-cmek"
KEY_URI = "arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555"


def path(cluster):
    return "/api/v1/clusters/%s/cmek" % cluster["id"]


def spec(region="us-east-1", key_type="AWS_KMS", uri=KEY_URI, principal=ARN):
    return {"region_specs": [{"region": region, "key": {"type": key_type, "uri": uri, "auth_principal": principal}}]}


def test_enable_get_and_conflict(api):
    cluster = api.create_cluster("aws-cmek", plan="dedicated", provider="AWS")
    assert api.get(path(cluster)).status_code == 404
    info = api.ok(api.post(path(cluster), spec()))
    assert info["cluster_id"] == cluster["id"] and info["status"] == "ENABLED"
    assert info["spec"] == spec()
    assert info["created_at"] and info["updated_at"]
    assert api.ok(api.get(path(cluster))) == info
    response = api.post(path(cluster), spec(uri=KEY_URI + "-other"))
    assert response.status_code == 409 and "already enabled" in response.get_json()["message"]
    assert api.ok(api.get(path(cluster))) == info


def test_update_spec_replaces_region_specs(make_api):
    api = make_api(async_seconds=0.2)
    cluster = api.create_cluster("aws-cmek", plan="dedicated", provider="AWS")
    time.sleep(0.25)
    assert api.put(path(cluster), spec()).status_code == 404  # never enabled
    assert api.ok(api.post(path(cluster), spec()))["status"] == "ENABLING"
    assert api.put(path(cluster), spec(uri=KEY_URI + "-2")).status_code == 409  # still enabling
    time.sleep(0.25)
    updated = api.ok(api.put(path(cluster), spec(uri=KEY_URI + "-2")))
    assert updated["status"] == "ENABLING"
    assert updated["spec"]["region_specs"][0]["key"]["uri"] == KEY_URI + "-2"
    time.sleep(0.25)
    assert api.ok(api.get(path(cluster)))["status"] == "ENABLED"


def test_rotate_and_revoke(make_api):
    api = make_api(async_seconds=0.2)
    cluster = api.create_cluster("aws-cmek", plan="dedicated", provider="AWS")
    time.sleep(0.25)
    assert api.patch(path(cluster), {"status": "ROTATE"}).status_code == 404  # never enabled
    api.ok(api.post(path(cluster), spec()))
    time.sleep(0.25)
    assert api.ok(api.patch(path(cluster), {"status": "ROTATE"}))["status"] == "ROTATING"
    assert api.patch(path(cluster), {"status": "REVOKE"}).status_code == 409
    time.sleep(0.25)
    assert api.ok(api.get(path(cluster)))["status"] == "ENABLED"
    assert api.ok(api.patch(path(cluster), {"status": "REVOKE"}))["status"] == "REVOKING"
    time.sleep(0.25)
    assert api.ok(api.get(path(cluster)))["status"] == "REVOKED"
    # REVOKED is final: rotating or changing keys is refused, revoking again is harmless.
    response = api.patch(path(cluster), {"status": "ROTATE"})
    assert response.status_code == 400 and "revoked" in response.get_json()["message"]
    assert api.put(path(cluster), spec()).status_code == 400
    assert api.ok(api.patch(path(cluster), {"status": "REVOKE"}))["status"] == "REVOKED"
    assert api.post(path(cluster), spec()).status_code == 409


def test_bad_status_value(api):
    cluster = api.create_cluster("aws-cmek", plan="dedicated", provider="AWS")
    api.ok(api.post(path(cluster), spec()))
    for value in ("ENABLE", "rotate", ""):
        response = api.patch(path(cluster), {"status": value})
        assert response.status_code == 400 and "ROTATE or REVOKE" in response.get_json()["message"]
    assert api.ok(api.get(path(cluster)))["status"] == "ENABLED"


def test_validation_changes_nothing(api):
    cluster = api.create_cluster("aws-cmek", plan="dedicated", provider="AWS")
    entry = spec()["region_specs"][0]
    cases = [({"region_specs": []}, "at least one"),
             (spec(region="us-west-2"), "not a region of cluster"),
             ({"region_specs": [entry, entry]}, "given twice"),
             (spec(key_type="GCP_CLOUD_KMS"), "does not fit"),
             (spec(key_type="VAULT"), "key.type must be one of"),
             (spec(uri=""), "key.uri is required"),
             (spec(principal=" "), "key.auth_principal is required"),
             ({"region_specs": [{"region": "us-east-1"}]}, "key must be an object")]
    for body, words in cases:
        response = api.post(path(cluster), body)
        assert response.status_code == 400, body
        assert words in response.get_json()["message"], response.get_json()
    assert api.post(path(cluster), {}).status_code == 400  # region_specs is required by the contract
    assert api.get(path(cluster)).status_code == 404
    api.ok(api.post(path(cluster), spec()))
    before = api.ok(api.get(path(cluster)))
    assert api.put(path(cluster), spec(region="eu-west-1")).status_code == 400
    assert api.ok(api.get(path(cluster))) == before


def test_gcp_key_and_serverless(api):
    gcp = api.create_cluster("gcp-cmek", plan="dedicated", provider="GCP")
    body = spec(region="us-central1", key_type="GCP_CLOUD_KMS",
                uri="projects/p/locations/us-central1/keyRings/r/cryptoKeys/k", principal="sa@p.iam.gserviceaccount.com")
    assert api.ok(api.post(path(gcp), body))["spec"] == body
    serverless = api.create_cluster("gcp-serverless", provider="GCP")
    for response in (api.post(path(serverless), body), api.get(path(serverless)),
                     api.patch(path(serverless), {"status": "ROTATE"})):
        assert response.status_code == 400 and "DEDICATED" in response.get_json()["message"]


def test_unknown_cluster_and_roles(api):
    assert api.get("/api/v1/clusters/%s/cmek" % uuid.uuid4()).status_code == 404
    cluster = api.create_cluster("aws-cmek", plan="dedicated", provider="AWS")
    operator = api.new_key([{"name": "CLUSTER_OPERATOR_WRITER", "resource": {"type": "CLUSTER", "id": cluster["id"]}}])[1]
    assert api.post(path(cluster), spec(), key=operator).status_code == 403
    assert api.get(path(cluster)).status_code == 404
    api.ok(api.post(path(cluster), spec()))
    assert api.ok(api.get(path(cluster), key=operator))["status"] == "ENABLED"
    assert api.patch(path(cluster), {"status": "REVOKE"}, key=operator).status_code == 403
