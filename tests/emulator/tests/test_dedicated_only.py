"""DEDICATED-only operations: what the contract copy's notes say, one check (plans.py) does."""

import re

import pytest

from tests.emulator import plans, spec
from tests.emulator.errors import ApiError

NOTE = "DEDICATED clusters only: on other clusters it answers 400."
DOCUMENT = spec.load_document()
NOTED = [op for op in spec.operations(DOCUMENT)
         if NOTE in DOCUMENT["paths"][op.path][op.method.lower()].get("x-emulator-notes", [])]
MESSAGE = re.compile(r"^[\w ]+ (is|are) only available on DEDICATED clusters; cluster test-cluster is SERVERLESS$")
REGION_SPECS = {"region_specs": [{"region": "us-central1", "key": {
    "type": "GCP_CLOUD_KMS", "uri": "projects/p/locations/l/keyRings/r/cryptoKeys/k", "auth_principal": "sa"}}]}
# Valid bodies, so that the answer comes from the handler and not from contract validation.
BODIES = {
    "AddPrivateEndpointConnection": {"endpoint_id": "psc-0123"},
    "AddEgressRule": {"name": "db", "destination": "db.example.com"},
    "EditEgressRule": {"name": "db2"},
    "EnableLogExport": {"type": "GCP_CLOUD_LOGGING", "auth_principal": "my-project"},
    "EnableCloudWatchMetricExport": {"role_arn": "arn:aws:iam::123456789012:role/metrics"},
    "EnableDatadogMetricExport": {"api_key": "0123456789abcdef"},
    "EnableCMEKSpec": REGION_SPECS,
    "UpdateCMEKSpec": REGION_SPECS,
    "UpdateCMEKStatus": {"status": "ROTATE"},
}


def test_the_notes_name_every_dedicated_only_operation():
    assert len(NOTED) == 20
    assert {op.tags[0] for op in NOTED} == {"PrivateEndpoints", "EgressRules", "LogExport", "MetricExport", "CMEK"}


@pytest.mark.parametrize("op", NOTED, ids=lambda op: op.operation_id)
def test_noted_operations_refuse_serverless_clusters_with_one_message(api, op):
    cluster = api.create_cluster()
    path = op.path.replace("{cluster_id}", cluster["id"]).replace("{rule_id}", "no-such-rule")
    response = api.call(op.method, path, json=BODIES.get(op.operation_id, {} if op.has_body else None))
    assert response.status_code == 400, response.get_json()
    assert MESSAGE.match(response.get_json()["message"]), response.get_json()


def test_require_dedicated_lets_dedicated_clusters_through():
    plans.require_dedicated({"plan": "DEDICATED", "name": "d"}, "log export")
    with pytest.raises(ApiError) as refused:
        plans.require_dedicated({"plan": "SERVERLESS", "name": "s"}, "egress rules", verb="are")
    assert refused.value.status == 400
    assert refused.value.message == "egress rules are only available on DEDICATED clusters; cluster s is SERVERLESS"
