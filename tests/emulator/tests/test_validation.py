"""Bad input: always a clear 4xx with the Error body, never a 500, never a changed state."""

import pytest


def _error(response, status):
    assert response.status_code == status, response.get_json()
    body = response.get_json()
    assert set(body) == {"code", "message", "details"}
    assert body["code"] == status
    return body["message"]


def test_malformed_json(api):
    before = api.emulator.store.snapshot()
    response = api.client.post("/api/v1/clusters", data="{not json", headers=dict(
        api.headers(), **{"Content-Type": "application/json"}))
    assert _error(response, 400).startswith("malformed JSON body")
    assert api.emulator.store.snapshot() == before


@pytest.mark.parametrize("body, reason", [
    ({"provider": "GCP", "spec": {}}, "'name' is a required property"),
    ({"name": 5, "provider": "GCP", "spec": {}}, "name: 5 is not of type 'string'"),
    ({"name": "abcdef", "provider": "MARS", "spec": {}}, "provider: 'MARS' is not one of"),
    ({"name": "abcdef", "provider": "GCP", "spec": "serverless"}, "spec: 'serverless' is not of type 'object'"),
    ([1, 2], "is not of type 'object'"),
])
def test_contract_violations_name_the_reason(api, body, reason):
    message = _error(api.post("/api/v1/clusters", body), 400)
    assert message.startswith("invalid request")
    assert reason in message
    assert api.emulator.store.data["clusters"] == {}


def test_out_of_range_values(api):
    cluster = api.create_cluster()
    message = _error(api.put("/api/v1/clusters/%s/maintenance-window" % cluster["id"],
                             {"day_of_week": 9, "start_hour": 1}), 400)
    assert "9 is greater than the maximum of 6" in message
    message = _error(api.get("/api/v1/clusters", query={"pagination.limit": 0}), 400)
    assert "pagination.limit" in message


def test_unknown_query_parameter(api):
    assert _error(api.get("/api/v1/clusters", query={"colour": "red"}), 400) == \
        "unknown query parameter(s): colour"


def test_wrong_type_in_query(api):
    message = _error(api.get("/api/v1/clusters", query={"show_inactive": "perhaps"}), 400)
    assert "show_inactive" in message


def test_unknown_path_and_method_are_json(api):
    assert _error(api.get("/api/v1/nothing-here"), 404) == "no such path: /api/v1/nothing-here"
    assert _error(api.call("PUT", "/api/v1/organization"), 405).startswith("method PUT not allowed")


def test_unknown_ids_are_404(api):
    assert _error(api.get("/api/v1/clusters/does-not-exist"), 404) == "cluster 'does-not-exist' not found"
    assert _error(api.get("/api/v1/clusters/does-not-exist/databases"), 404)


def test_body_over_one_mib_is_413(api):
    before = api.emulator.store.snapshot()
    big = {"name": "abcdef", "provider": "GCP", "spec": {"serverless": {"regions": ["us-central1"]}},
           "padding": "x" * (1024 * 1024)}
    message = _error(api.post("/api/v1/clusters", big), 413)
    assert "1048576" in message
    assert api.emulator.store.snapshot() == before


def test_missing_required_body(api):
    response = api.client.post("/api/v1/clusters", headers=api.headers())
    assert "request body" in _error(response, 400).lower()
