"""LogExport in the live wire format (``live_api``): levels UNSPECIFIED/WARNING/ERROR/FATAL,
``log_name`` required, ``aws_external_id`` kept and answered back."""

ARN = "arn:aws:iam::123456789012:role/crdb-log-export"


def path(cluster):
    return "/api/v1/clusters/%s/logexport" % cluster["id"]


def test_live_cycle(live_api):
    cluster = live_api.create_cluster("aws-logs", plan="dedicated", provider="AWS")
    body = {"type": "AWS_CLOUDWATCH", "log_name": "crdb", "auth_principal": ARN, "aws_external_id": "ext-1",
            "groups": [{"log_name": "sql", "channels": ["SQL_EXEC"], "min_level": "UNSPECIFIED"},
                       {"log_name": "ops", "channels": ["OPS"], "min_level": "WARNING"},
                       {"log_name": "dev", "channels": ["DEV"]}]}
    info = live_api.ok(live_api.post(path(cluster), body))
    assert info["status"] == "ENABLED"
    assert info["spec"]["aws_external_id"] == "ext-1"
    assert [(g["log_name"], g["min_level"]) for g in info["spec"]["groups"]] == [
        ("sql", "UNSPECIFIED"), ("ops", "WARNING"), ("dev", "UNSPECIFIED")]
    assert live_api.ok(live_api.get(path(cluster))) == info
    # A replacement without the external id drops it.
    body.pop("aws_external_id")
    replaced = live_api.ok(live_api.post(path(cluster), body))
    assert "aws_external_id" not in replaced["spec"]
    deleted = live_api.ok(live_api.delete(path(cluster)))
    assert deleted["status"] in ("DISABLING", "DISABLED")
    assert live_api.get(path(cluster)).status_code == 404


def test_contract_shapes_are_refused(live_api):
    cluster = live_api.create_cluster("aws-logs", plan="dedicated", provider="AWS")
    for body, words in (
            ({"type": "AWS_CLOUDWATCH", "auth_principal": ARN}, "'log_name' is a required property"),
            ({"type": "AWS_CLOUDWATCH", "log_name": "crdb", "auth_principal": ARN,
              "groups": [{"log_name": "sql", "channels": ["SQL_EXEC"], "min_level": "INFO"}]}, "'INFO' is not one of")):
        response = live_api.post(path(cluster), body)
        assert response.status_code == 400, response.get_json()
        assert words in response.get_json()["message"]
    assert live_api.get(path(cluster)).status_code == 404


def test_contract_mode_still_speaks_info(api):
    cluster = api.create_cluster("aws-logs", plan="dedicated", provider="AWS")
    info = api.ok(api.post(path(cluster), {"type": "AWS_CLOUDWATCH", "auth_principal": ARN,
                                           "groups": [{"log_name": "sql", "channels": ["SQL_EXEC"]}]}))
    assert info["spec"]["groups"][0]["min_level"] == "INFO"
    assert info["spec"]["log_name"] == "cockroachdb"
