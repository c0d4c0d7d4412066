"""Private endpoints: services per region (CREATING -> AVAILABLE), connections, errors."""

import time
import uuid

import pytest


ENDPOINT = "vpce-0123456789abcdef0"


def services_path(cluster):
    return "/api/v1/clusters/%s/networking/private-endpoint-services" % cluster["id"]


def connections_path(cluster):
    return "/api/v1/clusters/%s/networking/private-endpoint-connections" % cluster["id"]


def set_async(api, seconds):
    api.ok(api.client.patch("/_emulator/config", json={"async_seconds": seconds}))


def create_aws_multiregion(api):
    spec = {"dedicated": {"region_nodes": {"us-east-1": 3, "eu-west-1": 3},
                          "hardware": {"machine_spec": {"num_virtual_cpus": 4}, "storage_gib": 15}}}
    return api.ok(api.post("/api/v1/clusters", {"name": "multi-aws", "provider": "AWS", "spec": spec}))


@pytest.fixture
def dedicated(api):
    return api.create_cluster(plan="dedicated", provider="AWS")


def test_no_services_at_first(api, dedicated):
    assert api.ok(api.get(services_path(dedicated))) == {"services": []}
    assert api.ok(api.get(connections_path(dedicated))) == {"connections": []}


def test_create_services_one_per_region(api):
    cluster = create_aws_multiregion(api)
    body = api.ok(api.post(services_path(cluster)))
    assert [s["region_name"] for s in body["services"]] == [r["name"] for r in cluster["regions"]]
    assert sorted(s["region_name"] for s in body["services"]) == ["eu-west-1", "us-east-1"]
    for service in body["services"]:
        assert service["cloud_provider"] == "AWS" and service["status"] == "AVAILABLE"
        aws = service["aws"]
        assert aws["service_id"].startswith("vpce-svc-")
        assert aws["service_name"] == "com.amazonaws.vpce.%s.%s" % (service["region_name"], aws["service_id"])
        assert len(aws["availability_zone_ids"]) == 3
    zones = {s["region_name"]: s["aws"]["availability_zone_ids"] for s in body["services"]}
    assert zones["us-east-1"] == ["use1-az1", "use1-az2", "use1-az3"]
    assert zones["eu-west-1"][0] == "euw1-az1"
    assert api.ok(api.get(services_path(cluster))) == body


def test_create_services_is_idempotent(api, dedicated):
    first = api.ok(api.post(services_path(dedicated)))
    second = api.ok(api.post(services_path(dedicated)))
    assert first == second and len(second["services"]) == 1


def test_create_services_again_covers_new_regions(api, dedicated):
    first = api.ok(api.post(services_path(dedicated)))["services"]
    api.ok(api.patch("/api/v1/clusters/%s" % dedicated["id"],
                     {"dedicated": {"region_nodes": {"us-east-1": 3, "eu-west-1": 3}}}))
    services = api.ok(api.post(services_path(dedicated)))["services"]
    assert services[0] == first[0]
    assert [s["region_name"] for s in services] == ["us-east-1", "eu-west-1"]


def test_gcp_services_have_gcp_names(api):
    cluster = api.create_cluster(plan="dedicated", provider="GCP")
    service = api.ok(api.post(services_path(cluster)))["services"][0]
    assert service["cloud_provider"] == "GCP" and service["region_name"] == "us-central1"
    assert "/serviceAttachments/" in service["aws"]["service_name"]
    assert service["aws"]["availability_zone_ids"] == []


def test_services_become_available(api, dedicated):
    set_async(api, 0.2)
    created = api.ok(api.post(services_path(dedicated)))
    assert created["services"][0]["status"] == "CREATING"
    # A connection needs an AVAILABLE service.
    response = api.post(connections_path(dedicated), {"endpoint_id": ENDPOINT})
    assert response.status_code == 400
    assert "wait until it is AVAILABLE" in response.get_json()["message"]
    time.sleep(0.25)
    assert api.ok(api.get(services_path(dedicated)))["services"][0]["status"] == "AVAILABLE"
    api.ok(api.post(connections_path(dedicated), {"endpoint_id": ENDPOINT}))


def test_connection_needs_services(api, dedicated):
    response = api.post(connections_path(dedicated), {"endpoint_id": ENDPOINT})
    assert response.status_code == 400
    assert "CreatePrivateEndpointServices" in response.get_json()["message"]
    assert api.ok(api.get(connections_path(dedicated))) == {"connections": []}


def test_add_and_delete_connection(api, dedicated):
    api.ok(api.post(services_path(dedicated)))
    connection = api.ok(api.post(connections_path(dedicated), {"endpoint_id": ENDPOINT}))
    assert connection["endpoint_id"] == ENDPOINT and connection["status"] == "STATUS_AVAILABLE"
    assert connection["region_name"] == "us-east-1" and connection["cloud_provider"] == "AWS"
    uuid.UUID(connection["id"])
    assert api.ok(api.get(connections_path(dedicated))) == {"connections": [connection]}
    response = api.post(connections_path(dedicated), {"endpoint_id": ENDPOINT})
    assert response.status_code == 409
    assert api.ok(api.delete(connections_path(dedicated) + "/" + ENDPOINT)) == connection
    assert api.ok(api.get(connections_path(dedicated))) == {"connections": []}
    response = api.delete(connections_path(dedicated) + "/" + ENDPOINT)
    assert response.status_code == 404
    assert ENDPOINT in response.get_json()["message"]


def test_connection_status_goes_pending_to_available(api, dedicated):
    api.ok(api.post(services_path(dedicated)))
    set_async(api, 0.2)
    connection = api.ok(api.post(connections_path(dedicated), {"endpoint_id": ENDPOINT}))
    assert connection["status"] == "STATUS_PENDING"
    assert api.ok(api.get(connections_path(dedicated)))["connections"][0]["status"] == "STATUS_PENDING"
    time.sleep(0.25)
    assert api.ok(api.get(connections_path(dedicated)))["connections"][0]["status"] == "STATUS_AVAILABLE"


def test_connection_region(api):
    cluster = create_aws_multiregion(api)
    api.ok(api.post(services_path(cluster)))
    body = {"endpoint_id": ENDPOINT, "region_name": "eu-west-1"}
    connection = api.ok(api.post(connections_path(cluster), body))
    assert connection["region_name"] == "eu-west-1"
    response = api.post(connections_path(cluster), {"endpoint_id": "vpce-2", "region_name": "ap-south-1"})
    assert response.status_code == 400
    assert "not a region" in response.get_json()["message"]


def test_bad_endpoint_ids_are_400(api, dedicated):
    api.ok(api.post(services_path(dedicated)))
    for bad in ("", " vpce-1", "vpce 1", "x" * 300):
        response = api.post(connections_path(dedicated), {"endpoint_id": bad})
        assert response.status_code == 400, bad
        assert "invalid endpoint_id" in response.get_json()["message"]
    assert api.ok(api.get(connections_path(dedicated))) == {"connections": []}


def test_serverless_clusters_are_refused(api):
    cluster = api.create_cluster()
    response = api.post(services_path(cluster))
    assert response.status_code == 400
    assert "only available on DEDICATED" in response.get_json()["message"]
    assert api.post(connections_path(cluster), {"endpoint_id": ENDPOINT}).status_code == 400
    assert api.delete(connections_path(cluster) + "/" + ENDPOINT).status_code == 404
    # Reads answer empty lists.
    assert api.ok(api.get(services_path(cluster))) == {"services": []}
    assert api.ok(api.get(connections_path(cluster))) == {"connections": []}


def test_unknown_cluster_is_404(api):
    ghost = {"id": str(uuid.uuid4())}
    assert api.get(services_path(ghost)).status_code == 404
    assert api.post(services_path(ghost)).status_code == 404


def test_roles(api, dedicated):
    scope = {"type": "CLUSTER", "id": dedicated["id"]}
    developer = api.new_key([{"name": "CLUSTER_DEVELOPER", "resource": scope}], name="developer")[1]
    operator = api.new_key([{"name": "CLUSTER_OPERATOR_WRITER", "resource": scope}], name="operator")[1]
    assert api.post(services_path(dedicated), key=developer).status_code == 403
    assert api.ok(api.get(services_path(dedicated), key=developer)) == {"services": []}
    api.ok(api.post(services_path(dedicated), key=operator))
    assert api.post(connections_path(dedicated), {"endpoint_id": ENDPOINT}, key=developer).status_code == 403
    api.ok(api.post(connections_path(dedicated), {"endpoint_id": ENDPOINT}, key=operator))
