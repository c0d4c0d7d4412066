"""LogExport: GetLogExportInfo, EnableLogExport, DeleteLogExport."""

import time
import uuid


ARN = "arn:aws:iam::123456789012:role/crdb-log-export"


def path(cluster):
    return "/api/v1/clusters/%s/logexport" % cluster["id"]


def aws_body(**extra):
    body = {"type": "AWS_CLOUDWATCH", "log_name": "crdb", "auth_principal": ARN,
            "groups": [{"log_name": "sql", "channels": ["SQL_SCHEMA", "SQL_EXEC"], "min_level": "WARNING"}]}
    body.update(extra)
    return body


def test_enable_get_and_defaults(api):
    cluster = api.create_cluster("aws-logs", plan="dedicated", provider="AWS")
    info = api.ok(api.post(path(cluster), aws_body(region="us-east-1")))
    assert info["cluster_id"] == cluster["id"]
    assert info["status"] == "ENABLED"
    assert info["spec"] == {"type": "AWS_CLOUDWATCH", "log_name": "crdb", "auth_principal": ARN,
                            "redact": False, "omitted_channels": [], "region": "us-east-1",
                            "groups": [{"log_name": "sql", "channels": ["SQL_SCHEMA", "SQL_EXEC"],
                                        "min_level": "WARNING", "redact": False}]}
    assert info["created_at"] and info["updated_at"]
    assert not [k for k in info if k.startswith("_")]
    assert api.ok(api.get(path(cluster))) == info


def test_gcp_minimal_body_gets_defaults(api):
    cluster = api.create_cluster("gcp-logs", plan="dedicated", provider="GCP")
    info = api.ok(api.post(path(cluster), {"type": "GCP_CLOUD_LOGGING", "auth_principal": "my-project-123",
                                           "redact": True, "groups": [{"log_name": "ops", "channels": ["OPS"]}]}))
    assert info["spec"] == {"type": "GCP_CLOUD_LOGGING", "log_name": "cockroachdb",
                            "auth_principal": "my-project-123", "redact": True, "omitted_channels": [],
                            "groups": [{"log_name": "ops", "channels": ["OPS"], "min_level": "INFO",
                                        "redact": True}]}


def test_get_and_delete_when_not_configured_are_404(api):
    cluster = api.create_cluster("no-logs", plan="dedicated", provider="AWS")
    for response in (api.get(path(cluster)), api.delete(path(cluster))):
        assert response.status_code == 404
        assert "not configured" in response.get_json()["message"]


def test_unknown_cluster_is_404(api):
    assert api.get("/api/v1/clusters/%s/logexport" % uuid.uuid4()).status_code == 404


def test_enable_again_replaces_spec(make_api):
    api = make_api(async_seconds=0.2)
    cluster = api.create_cluster("aws-logs", plan="dedicated", provider="AWS")
    time.sleep(0.25)
    first = api.ok(api.post(path(cluster), aws_body()))
    assert first["status"] == "ENABLING"
    # A change while ENABLING is refused.
    assert api.post(path(cluster), aws_body(log_name="other")).status_code == 409
    time.sleep(0.25)
    assert api.ok(api.get(path(cluster)))["status"] == "ENABLED"
    second = api.ok(api.post(path(cluster), aws_body(log_name="other", groups=[])))
    assert second["status"] == "ENABLING"
    assert second["spec"]["log_name"] == "other" and second["spec"]["groups"] == []
    assert second["created_at"] == first["created_at"]
    time.sleep(0.25)
    assert api.ok(api.get(path(cluster)))["status"] == "ENABLED"


def test_delete_disabling_then_gone(make_api):
    api = make_api(async_seconds=0.2)
    cluster = api.create_cluster("aws-logs", plan="dedicated", provider="AWS")
    time.sleep(0.25)
    api.ok(api.post(path(cluster), aws_body()))
    time.sleep(0.25)
    deleted = api.ok(api.delete(path(cluster)))
    assert deleted["status"] == "DISABLING"
    assert api.ok(api.get(path(cluster)))["status"] == "DISABLING"
    # A repeated delete while DISABLING answers the record unchanged.
    assert api.ok(api.delete(path(cluster)))["status"] == "DISABLING"
    assert api.post(path(cluster), aws_body()).status_code == 409
    time.sleep(0.25)
    assert api.get(path(cluster)).status_code == 404
    assert api.delete(path(cluster)).status_code == 404


def test_delete_immediate_answers_disabled(api):
    cluster = api.create_cluster("aws-logs", plan="dedicated", provider="AWS")
    api.ok(api.post(path(cluster), aws_body()))
    assert api.ok(api.delete(path(cluster)))["status"] == "DISABLED"
    assert api.get(path(cluster)).status_code == 404
    # It can be enabled again afterwards.
    assert api.ok(api.post(path(cluster), aws_body()))["status"] == "ENABLED"


def test_serverless_cluster_is_400(api):
    cluster = api.create_cluster("serverless-logs", provider="GCP")
    body = {"type": "GCP_CLOUD_LOGGING", "auth_principal": "my-project-123"}
    for response in (api.post(path(cluster), body), api.get(path(cluster)), api.delete(path(cluster))):
        assert response.status_code == 400
        assert "DEDICATED" in response.get_json()["message"]


def assert_rejected(api, cluster, body, words):
    response = api.post(path(cluster), body)
    assert response.status_code == 400, response.get_json()
    message = response.get_json()["message"]
    assert all(word in message for word in words), message
    assert api.get(path(cluster)).status_code == 404  # nothing changed


def test_validation(api):
    aws = api.create_cluster("aws-logs", plan="dedicated", provider="AWS")
    assert_rejected(api, aws, aws_body(type="GCP_CLOUD_LOGGING"), ["does not fit", "AWS_CLOUDWATCH"])
    assert_rejected(api, aws, aws_body(auth_principal=None), ["auth_principal is required"])
    assert_rejected(api, aws, aws_body(auth_principal="my-project-123"), ["IAM role ARN"])
    assert_rejected(api, aws, aws_body(auth_principal="arn:aws:iam::12345:role/x"), ["IAM role ARN"])
    assert_rejected(api, aws, aws_body(region="moon-1"), ["AWS region"])
    assert_rejected(api, aws, aws_body(redact="yes"), ["redact"])
    assert_rejected(api, aws, aws_body(omitted_channels=["NOPE"]), ["unknown log channel", "NOPE"])
    assert_rejected(api, aws, aws_body(groups=[{"log_name": "a", "channels": ["OPS"], "min_level": "DEBUG"}]),
                    ["min_level", "DEBUG"])
    assert_rejected(api, aws, aws_body(groups=[{"log_name": "a", "channels": ["OPS", "BOGUS"]}]),
                    ["unknown log channel"])
    assert_rejected(api, aws, aws_body(groups=[{"log_name": "a", "channels": []}]), ["at least one"])
    assert_rejected(api, aws, aws_body(groups=[{"log_name": "a", "channels": ["OPS", "OPS"]}]), ["repeat"])
    assert_rejected(api, aws, aws_body(groups=[{"channels": ["OPS"]}]), ["groups[0].log_name is required"])
    assert_rejected(api, aws, aws_body(groups=[{"log_name": "a", "channels": ["OPS"]},
                                               {"log_name": "a", "channels": ["DEV"]}]), ["another group"])
    gcp = api.create_cluster("gcp-logs", plan="dedicated", provider="GCP")
    assert_rejected(api, gcp, {"type": "AWS_CLOUDWATCH", "auth_principal": ARN}, ["GCP_CLOUD_LOGGING"])
    assert_rejected(api, gcp, {"type": "GCP_CLOUD_LOGGING", "auth_principal": ARN}, ["GCP project id"])
    azure = api.ok(api.post("/api/v1/clusters", {
        "name": "azure-logs", "provider": "AZURE",
        "spec": {"dedicated": {"region_nodes": {"eastus2": 3},
                               "hardware": {"machine_spec": {"num_virtual_cpus": 4}, "storage_gib": 15}}}}))
    assert_rejected(api, azure, {"type": "AWS_CLOUDWATCH", "auth_principal": ARN}, ["not available", "AZURE"])


def test_contract_validation_rejects_unknown_type(api):
    cluster = api.create_cluster("aws-logs", plan="dedicated", provider="AWS")
    assert api.post(path(cluster), aws_body(type="SPLUNK")).status_code == 400
    assert api.post(path(cluster), {"auth_principal": ARN}).status_code == 400


def test_rejected_update_keeps_previous_spec(api):
    cluster = api.create_cluster("aws-logs", plan="dedicated", provider="AWS")
    before = api.ok(api.post(path(cluster), aws_body()))
    assert api.post(path(cluster), aws_body(log_name="new", omitted_channels=["X"])).status_code == 400
    assert api.ok(api.get(path(cluster))) == before


def test_roles(api):
    cluster = api.create_cluster("aws-logs", plan="dedicated", provider="AWS")
    developer = api.new_key([{"name": "CLUSTER_DEVELOPER", "resource": {"type": "CLUSTER", "id": cluster["id"]}}])[1]
    assert api.post(path(cluster), aws_body(), key=developer).status_code == 403
    api.ok(api.post(path(cluster), aws_body()))
    assert api.ok(api.get(path(cluster), key=developer))["status"] == "ENABLED"
    assert api.delete(path(cluster), key=developer).status_code == 403
    operator = api.new_key([{"name": "CLUSTER_OPERATOR_WRITER", "resource": {"type": "CLUSTER", "id": cluster["id"]}}])[1]
    assert api.ok(api.delete(path(cluster), key=operator))["status"] == "DISABLED"
