"""MetricExport: CloudWatch, Datadog and Prometheus (Get/Enable/Delete of each)."""

import time
import uuid


ARN = "arn:aws:iam::123456789012:role/crdb-metrics"
DD_KEY = "0123456789abcdef0123456789abcdef"


def path(cluster, kind):
    return "/api/v1/clusters/%s/metricexport/%s" % (cluster["id"], kind)


def test_cloudwatch_enable_get_update_delete(api):
    cluster = api.create_cluster("aws-metrics", plan="dedicated", provider="AWS")
    info = api.ok(api.post(path(cluster, "cloudwatch"), {"role_arn": ARN, "target_region": "us-west-2",
                                                         "log_group_name": "crdb-metrics", "extra": 1}))
    assert info == {"cluster_id": cluster["id"], "status": "ENABLED", "role_arn": ARN,
                    "target_region": "us-west-2", "log_group_name": "crdb-metrics"}
    assert api.ok(api.get(path(cluster, "cloudwatch"))) == info
    # Enabling again updates the settings; omitted optional ones are dropped.
    updated = api.ok(api.post(path(cluster, "cloudwatch"), {"role_arn": ARN + "-2"}))
    assert updated == {"cluster_id": cluster["id"], "status": "ENABLED", "role_arn": ARN + "-2"}
    assert api.ok(api.delete(path(cluster, "cloudwatch")))["status"] == "NOT_DEPLOYED"
    assert api.get(path(cluster, "cloudwatch")).status_code == 404
    assert api.delete(path(cluster, "cloudwatch")).status_code == 404


def test_cloudwatch_validation_changes_nothing(api):
    cluster = api.create_cluster("aws-metrics", plan="dedicated", provider="AWS")
    cases = [({"role_arn": "my-role"}, "IAM role ARN"),
             ({"role_arn": "arn:aws:iam::1234567890:role/x"}, "IAM role ARN"),
             ({"role_arn": ARN, "target_region": "us-central1"}, "AWS region"),
             ({"role_arn": ARN, "log_group_name": 5}, "log_group_name"),
             ({"target_region": "us-east-1"}, "role_arn")]
    for body, words in cases:
        response = api.post(path(cluster, "cloudwatch"), body)
        assert response.status_code == 400, body
        assert words in response.get_json()["message"], response.get_json()
    assert api.get(path(cluster, "cloudwatch")).status_code == 404


def test_cloudwatch_needs_aws_dedicated(api):
    gcp = api.create_cluster("gcp-metrics", plan="dedicated", provider="GCP")
    for response in (api.post(path(gcp, "cloudwatch"), {"role_arn": ARN}), api.get(path(gcp, "cloudwatch")),
                     api.delete(path(gcp, "cloudwatch"))):
        assert response.status_code == 400
        assert "only available on AWS" in response.get_json()["message"]
    serverless = api.create_cluster("aws-serverless", provider="AWS")
    response = api.post(path(serverless, "cloudwatch"), {"role_arn": ARN})
    assert response.status_code == 400 and "DEDICATED" in response.get_json()["message"]


def test_datadog_masks_api_key(api):
    cluster = api.create_cluster("gcp-metrics", plan="dedicated", provider="GCP")
    info = api.ok(api.post(path(cluster, "datadog"), {"api_key": DD_KEY, "site": "EU1"}))
    assert info == {"cluster_id": cluster["id"], "status": "ENABLED", "site": "EU1", "api_key": "****cdef"}
    assert api.ok(api.get(path(cluster, "datadog"))) == info
    assert DD_KEY not in str(api.emulator.store.data)  # only the masked form is kept
    # A short key is masked entirely; site defaults to US1.
    assert api.ok(api.post(path(cluster, "datadog"), {"api_key": "short"})) == {
        "cluster_id": cluster["id"], "status": "ENABLED", "site": "US1", "api_key": "****"}
    assert api.ok(api.delete(path(cluster, "datadog")))["status"] == "NOT_DEPLOYED"
    assert api.get(path(cluster, "datadog")).status_code == 404


def test_datadog_validation(api):
    cluster = api.create_cluster("aws-metrics", plan="dedicated", provider="AWS")
    for body, words in (({"api_key": DD_KEY, "site": "US2"}, "site must be one of"),
                        ({"api_key": ""}, "api_key is required"),
                        ({"site": "US1"}, "api_key")):
        response = api.post(path(cluster, "datadog"), body)
        assert response.status_code == 400 and words in response.get_json()["message"], response.get_json()
    assert api.get(path(cluster, "datadog")).status_code == 404
    serverless = api.create_cluster("gcp-serverless", provider="GCP")
    assert api.post(path(serverless, "datadog"), {"api_key": DD_KEY}).status_code == 400


def test_prometheus_targets_per_region(api):
    cluster = api.ok(api.post("/api/v1/clusters", {
        "name": "multi-region", "provider": "GCP",
        "spec": {"dedicated": {"region_nodes": {"us-central1": 3, "europe-west1": 3},
                               "hardware": {"machine_spec": {"num_virtual_cpus": 4}, "storage_gib": 15}}}}))
    assert api.get(path(cluster, "prometheus")).status_code == 404
    info = api.ok(api.post(path(cluster, "prometheus")))
    url = "https://cockroachlabs.cloud/api/v1/clusters/%s/metricexport/prometheus/%s/scrape"
    assert info == {"cluster_id": cluster["id"], "status": "ENABLED",
                    "targets": {"us-central1": url % (cluster["id"], "us-central1"),
                                "europe-west1": url % (cluster["id"], "europe-west1")}}
    assert api.ok(api.get(path(cluster, "prometheus"))) == info
    assert api.ok(api.delete(path(cluster, "prometheus")))["status"] == "NOT_DEPLOYED"
    assert api.get(path(cluster, "prometheus")).status_code == 404
    serverless = api.create_cluster("gcp-serverless", provider="GCP")
    assert api.post(path(serverless, "prometheus")).status_code == 400


def test_exports_are_independent(api):
    cluster = api.create_cluster("aws-metrics", plan="dedicated", provider="AWS")
    api.ok(api.post(path(cluster, "cloudwatch"), {"role_arn": ARN}))
    api.ok(api.post(path(cluster, "datadog"), {"api_key": DD_KEY}))
    api.ok(api.delete(path(cluster, "cloudwatch")))
    assert api.ok(api.get(path(cluster, "datadog")))["status"] == "ENABLED"
    assert api.get(path(cluster, "prometheus")).status_code == 404


def test_async_states(make_api):
    api = make_api(async_seconds=0.2)
    cluster = api.create_cluster("aws-metrics", plan="dedicated", provider="AWS")
    time.sleep(0.25)
    assert api.ok(api.post(path(cluster, "prometheus")))["status"] == "ENABLING"
    assert api.post(path(cluster, "prometheus")).status_code == 409
    time.sleep(0.25)
    assert api.ok(api.get(path(cluster, "prometheus")))["status"] == "ENABLED"
    assert api.ok(api.delete(path(cluster, "prometheus")))["status"] == "DISABLING"
    # While DISABLING, Get shows it and a repeated delete changes nothing.
    assert api.ok(api.get(path(cluster, "prometheus")))["status"] == "DISABLING"
    assert api.ok(api.delete(path(cluster, "prometheus")))["status"] == "DISABLING"
    assert api.post(path(cluster, "prometheus")).status_code == 409
    time.sleep(0.25)
    assert api.get(path(cluster, "prometheus")).status_code == 404


def test_unknown_cluster_and_roles(api):
    assert api.get("/api/v1/clusters/%s/metricexport/datadog" % uuid.uuid4()).status_code == 404
    cluster = api.create_cluster("aws-metrics", plan="dedicated", provider="AWS")
    grant = {"type": "CLUSTER", "id": cluster["id"]}
    developer = api.new_key([{"name": "CLUSTER_DEVELOPER", "resource": grant}])[1]
    assert api.post(path(cluster, "datadog"), {"api_key": DD_KEY}, key=developer).status_code == 403
    operator = api.new_key([{"name": "CLUSTER_OPERATOR_WRITER", "resource": grant}])[1]
    api.ok(api.post(path(cluster, "datadog"), {"api_key": DD_KEY}, key=operator))
    assert api.ok(api.get(path(cluster, "datadog"), key=developer))["status"] == "ENABLED"
    assert api.delete(path(cluster, "datadog"), key=developer).status_code == 403
