"""Metric exports in the live wire format (``live_api``): CloudWatch's ``external_id`` kept
and answered back, Datadog's ``site`` required and one of the live sites, delete answers
``{cluster_id, status}``."""

ARN = "arn:aws:iam::123456789012:role/crdb-metrics"


def path(cluster, kind):
    return "/api/v1/clusters/%s/metricexport/%s" % (cluster["id"], kind)


def test_every_operation_answers_the_live_shape(live_api):
    cluster = live_api.create_cluster("aws-metrics", plan="dedicated", provider="AWS")
    bodies = {"cloudwatch": {"role_arn": ARN, "target_region": "us-east-1", "external_id": "ext-1"},
              "datadog": {"api_key": "0123456789abcdef", "site": "US5"},
              "prometheus": None}
    for kind, body in bodies.items():
        enabled = live_api.ok(live_api.post(path(cluster, kind), body))
        assert enabled["status"] == "ENABLED" and enabled["cluster_id"] == cluster["id"]
        assert live_api.ok(live_api.get(path(cluster, kind))) == enabled
        deleted = live_api.ok(live_api.delete(path(cluster, kind)))
        assert set(deleted) == {"cluster_id", "status"}, deleted
        assert live_api.get(path(cluster, kind)).status_code == 404
    live_api.ok(live_api.post(path(cluster, "cloudwatch"), bodies["cloudwatch"]))
    assert live_api.ok(live_api.get(path(cluster, "cloudwatch")))["external_id"] == "ext-1"
    again = live_api.ok(live_api.post(path(cluster, "cloudwatch"), {"role_arn": ARN}))
    assert "external_id" not in again


def test_datadog_site_is_required_and_live(live_api):
    cluster = live_api.create_cluster("aws-metrics", plan="dedicated", provider="AWS")
    for body, words in (({"api_key": "0123456789abcdef"}, "'site' is a required property"),
                        ({"api_key": "0123456789abcdef", "site": "AP1"}, "'AP1' is not one of")):
        response = live_api.post(path(cluster, "datadog"), body)
        assert response.status_code == 400 and words in response.get_json()["message"], response.get_json()
    assert live_api.get(path(cluster, "datadog")).status_code == 404
