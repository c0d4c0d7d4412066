"""Private endpoints in the live wire format (``--contract live``): services named at their top
level (``aws`` on AWS clusters only), connections added by ``endpoint_id`` alone and answered
with their service's id and name, a delete answering ``{}`` (response validation is on)."""

import pytest


def path(cluster, what):
    return "/api/v1/clusters/%s/networking/private-endpoint-%s" % (cluster["id"], what)


@pytest.fixture
def aws(live_api):
    return live_api.create_cluster(name="private-aws", plan="dedicated", provider="AWS")


def test_services_in_the_live_shape(live_api, aws):
    made = live_api.ok(live_api.post(path(aws, "services")))["services"]
    assert len(made) == 1
    service = made[0]
    assert service["region_name"] == "us-east-1" and service["cloud_provider"] == "AWS"
    assert service["name"] == service["aws"]["service_name"] and service["name"].startswith("com.amazonaws.vpce.")
    assert service["endpoint_service_id"] == service["aws"]["service_id"]
    assert service["availability_zone_ids"] == ["use1-az1", "use1-az2", "use1-az3"]
    assert live_api.ok(live_api.get(path(aws, "services"))) == {"services": made}


def test_a_gcp_service_has_no_aws_object(live_api):
    gcp = live_api.create_cluster(name="private-gcp", plan="dedicated", provider="GCP")
    service = live_api.ok(live_api.post(path(gcp, "services")))["services"][0]
    assert "aws" not in service and service["availability_zone_ids"] == []
    assert "/serviceAttachments/" in service["name"] and service["endpoint_service_id"].startswith("sa-")


def test_the_connection_cycle_in_the_live_shape(live_api, aws):
    service = live_api.ok(live_api.post(path(aws, "services")))["services"][0]
    added = live_api.ok(live_api.post(path(aws, "connections"), {"endpoint_id": "vpce-0123456789abcdef0"}))
    assert added == {"endpoint_id": "vpce-0123456789abcdef0", "region_name": "us-east-1", "cloud_provider": "AWS",
                     "status": "STATUS_AVAILABLE", "endpoint_service_id": service["endpoint_service_id"],
                     "service_name": service["name"]}
    assert live_api.ok(live_api.get(path(aws, "connections"))) == {"connections": [added]}
    assert live_api.ok(live_api.delete(path(aws, "connections") + "/vpce-0123456789abcdef0")) == {}
    assert live_api.ok(live_api.get(path(aws, "connections"))) == {"connections": []}
    assert live_api.delete(path(aws, "connections") + "/vpce-0123456789abcdef0").status_code == 404


def test_the_contract_shape_of_an_add_is_refused(live_api, aws):
    live_api.ok(live_api.post(path(aws, "services")))
    response = live_api.post(path(aws, "connections"), {"endpoint_id": "vpce-0123456789abcdef0",
                                                        "region_name": "us-east-1"})
    assert response.status_code == 400 and "'region_name' was unexpected" in response.get_json()["message"]
    assert live_api.ok(live_api.get(path(aws, "connections")))["connections"] == []


def test_an_add_without_a_service_is_refused(live_api, aws):
    response = live_api.post(path(aws, "connections"), {"endpoint_id": "vpce-0123456789abcdef0"})
    assert response.status_code == 400 and "call CreatePrivateEndpointServices first" in response.get_json()["message"]


def test_a_serverless_cluster_has_none(live_api):
    sls = live_api.create_cluster(name="private-sls")
    assert live_api.ok(live_api.get(path(sls, "services"))) == {"services": []}
    assert live_api.ok(live_api.get(path(sls, "connections"))) == {"connections": []}
    assert live_api.post(path(sls, "services")).status_code == 400


def test_pending_states_in_the_live_vocabulary(make_api):
    live_api = make_api(contract="live", async_seconds=60)
    aws = live_api.create_cluster(name="private-slow", plan="dedicated", provider="AWS")
    live_api.emulator.store.data["clusters"][aws["id"]].pop("_until", None)  # the cluster ready at once
    live_api.emulator.store.data["clusters"][aws["id"]]["state"] = "CREATED"
    assert live_api.ok(live_api.post(path(aws, "services")))["services"][0]["status"] == "CREATING"
    services = live_api.emulator.store.cluster_children(aws["id"], "private_endpoint_services", list)
    services[0].pop("_until"), services[0].update(services[0].pop("_then"))
    added = live_api.ok(live_api.post(path(aws, "connections"), {"endpoint_id": "vpce-0123456789abcdef0"}))
    assert added["status"] == "STATUS_PENDING"
