"""The contract is served whole: every operation routed to a handler, the copy faithful."""

import copy
import os
import re

import pytest

from tests.emulator import EmulatorConfig, create_app, handlers, spec
from tests.emulator.registry import HANDLERS

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED_SPEC = os.path.join(REPO_ROOT, "..", "shared", "spec")
OPERATIONS = spec.operations(spec.load_document())
ADDED_RESPONSES = {"Conflict", "PayloadTooLarge", "TooManyRequests", "ServiceUnavailable"}
NOTES = "x-emulator-notes"


def test_the_copy_has_all_89_operations_with_unique_ids():
    ids = [op.operation_id for op in OPERATIONS]
    assert len(ids) == 89 and len(set(ids)) == 89


def test_every_operation_has_a_handler():
    handlers.load()
    assert sorted(op.operation_id for op in OPERATIONS if op.operation_id not in HANDLERS) == []


def _without_documented_changes(document):
    """Undo the copy's documented fix, additions and notes (see the copy's header)."""
    document = copy.deepcopy(document)
    document.pop(NOTES, None)
    for name in ADDED_RESPONSES:
        del document["components"]["responses"][name]
    for item in document["paths"].values():
        for method in spec.METHODS:
            if method not in item:
                continue
            item[method].pop(NOTES, None)
            responses = item[method]["responses"]
            for status in [s for s, r in responses.items()
                           if r.get("$ref", "").rsplit("/", 1)[-1] in ADDED_RESPONSES]:
                del responses[status]
            if "parameters" not in item[method]:
                continue
            item[method]["parameters"] = [
                {"$ref": "#/components/parameters/resourceId"} if p.get("name") == "resource_id" else p
                for p in item[method].get("parameters", [])]
    return document


@pytest.mark.skipif(not os.path.isdir(SHARED_SPEC), reason="the reference (../shared/spec) is not beside this checkout")
def test_the_copy_differs_from_the_reference_only_as_documented():
    reference = spec.load_document(os.path.join(SHARED_SPEC, "cockroach-cloud-openapi.yaml"))
    assert _without_documented_changes(spec.load_document()) == reference
    with open(os.path.join(SHARED_SPEC, "operations.md"), encoding="utf-8") as handle:
        listed = re.findall(r"^\| \d+ \| (\w+) \| (\w+) \| `([^`]+)` \|", handle.read(), re.M)
    assert len(listed) == 89
    assert sorted(listed) == sorted((op.operation_id, op.method, op.path) for op in OPERATIONS)


def _concrete(path):
    values = {"cidr_mask": "32", "cidr_ip": "10.0.0.1", "resource_type": "CLUSTER"}
    return re.sub(r"{(\w+)}", lambda m: values.get(m.group(1), "missing-" + m.group(1)), path)


def test_every_operation_answers_through_its_own_route():
    app = create_app(EmulatorConfig(rate_limit=0, validate_responses=True))
    emulator = app.extensions["emulator"]
    client = app.test_client()
    headers = {"Authorization": "Bearer " + emulator.admin_key, "Cc-Version": "2024-09-16"}
    for op in OPERATIONS:
        query = {"email": "nobody@example.com"} if op.operation_id == "GetPersonUsersByEmail" else None
        response = client.open(_concrete(op.path), method=op.method, headers=headers, query_string=query,
                               json={} if op.has_body else None)
        body = response.get_json()
        assert response.status_code < 500 and response.status_code != 405, (op.operation_id, body)
        assert emulator.requests[-1]["operation"] == op.operation_id
        if response.status_code == 404:
            assert not body["message"].startswith("no such path"), (op.operation_id, body)
