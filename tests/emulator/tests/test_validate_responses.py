"""--validate-responses: the emulator checks its own answers against the contract."""

import pytest

from tests.emulator import handlers
from tests.emulator.cli import parse_args
from tests.emulator.registry import HANDLERS


@pytest.fixture
def broken(monkeypatch):
    """GetOrganizationInfo answers a number where the contract wants a string."""
    handlers.load()
    original = HANDLERS["GetOrganizationInfo"]
    monkeypatch.setitem(HANDLERS, "GetOrganizationInfo",
                        original._replace(func=lambda ctx: dict(original.func(ctx), name=42)))


def test_a_broken_answer_becomes_a_500_that_names_the_operation_and_the_reason(make_api, broken):
    api = make_api(validate_responses=True)
    response = api.get("/api/v1/organization")
    assert response.status_code == 500
    message = response.get_json()["message"]
    assert "GetOrganizationInfo (status 200) breaks the contract" in message
    assert "name: 42 is not of type 'string'" in message
    assert api.request_log()[-1]["status"] == 500


def test_without_the_flag_the_broken_answer_passes_through(make_api, broken):
    api = make_api(validate_responses=False)
    assert api.ok(api.get("/api/v1/organization"))["name"] == 42


def test_an_undeclared_success_status_is_reported(make_api, monkeypatch):
    handlers.load()
    original = HANDLERS["GetOrganizationInfo"]
    monkeypatch.setitem(HANDLERS, "GetOrganizationInfo", original._replace(func=lambda ctx: (original.func(ctx), 201)))
    response = make_api(validate_responses=True).get("/api/v1/organization")
    assert response.status_code == 500
    assert "status 201" in response.get_json()["message"]


def test_error_statuses_the_contract_does_not_list_are_left_alone(api):
    # ListApiKeys declares no 403: the service answers it anyway (NOTES.md).
    _account, secret = api.new_key([])
    assert api.get("/api/v1/api-keys", key=secret).status_code == 403


def test_the_flag_and_the_config_control(make_api):
    assert parse_args(["--validate-responses"]).validate_responses is True
    assert parse_args([]).validate_responses is False
    api = make_api(validate_responses=False)
    assert api.ok(api.client.get("/_emulator/config"))["validate_responses"] is False
    assert api.ok(api.client.patch("/_emulator/config", json={"validate_responses": True}))["validate_responses"]
    assert api.emulator.config.validate_responses is True
    assert api.client.patch("/_emulator/config", json={"validate_responses": "yes"}).status_code == 400
    refused = api.client.patch("/_emulator/config", json={"validate_responses": False, "rate_limit": -1})
    assert refused.status_code == 400 and api.emulator.config.validate_responses is True  # nothing applied


def test_the_fixtures_validate_every_response(api, live_emulator):
    assert api.emulator.config.validate_responses is True
    assert "--validate-responses" in live_emulator().process.args
