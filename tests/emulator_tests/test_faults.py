"""Fault injection: error answers, dropped connections and latency, repeatable by seed."""

import time

import pytest
import requests

from tests.emulator.faults import FaultInjector


def test_same_seed_same_faults():
    first = FaultInjector(rate=0.5, seed=7, kinds=("503", "drop"))
    second = FaultInjector(rate=0.5, seed=7, kinds=("503", "drop"))
    draws = [first.draw() for _unused in range(200)]
    assert draws == [second.draw() for _unused in range(200)]
    assert {None, 503, "drop"} == set(draws)


def test_invalid_configuration_is_refused():
    with pytest.raises(ValueError):
        FaultInjector(rate=2)
    with pytest.raises(ValueError):
        FaultInjector(rate=0.1, kinds=("teapot",))


def test_injected_error_answers_and_switching_off(api):
    api.ok(api.client.put("/_emulator/faults", json={"rate": 1.0, "kinds": ["503"], "seed": 1}))
    response = api.get("/api/v1/organization")
    assert response.status_code == 503
    assert response.get_json()["message"] == "injected fault (emulator fault injection)"
    api.ok(api.client.delete("/_emulator/faults"))
    assert api.get("/api/v1/organization").status_code == 200


def test_injected_faults_do_not_change_state(api):
    api.ok(api.client.put("/_emulator/faults", json={"rate": 1.0, "kinds": ["502"]}))
    before = api.emulator.store.snapshot()
    assert api.post("/api/v1/service-accounts", {"name": "x"}).status_code == 502
    assert api.emulator.store.snapshot() == before


def test_bad_fault_settings_are_400(api):
    response = api.client.put("/_emulator/faults", json={"rate": 3})
    assert response.status_code == 400
    assert "between 0 and 1" in response.get_json()["message"]


def test_dropped_connection_and_latency_on_a_live_server(live_emulator):
    emulator = live_emulator("--fault-rate", "1", "--fault-kinds", "drop", "--rate-limit", "0")
    headers = {"Authorization": "Bearer " + emulator.admin_key}
    with pytest.raises(requests.ConnectionError):
        requests.get(emulator.url + "/api/v1/organization", headers=headers, timeout=5)
    slow = live_emulator("--latency-ms", "200", "--rate-limit", "0")
    started = time.monotonic()
    response = requests.get(slow.url + "/api/v1/organization", timeout=5,
                            headers={"Authorization": "Bearer " + slow.admin_key})
    assert response.status_code == 200
    assert time.monotonic() - started >= 0.2


def test_negative_latency_is_refused(api):
    response = api.client.put("/_emulator/faults", json={"rate": 0, "latency_ms": -5})
    assert response.status_code == 400 and "0 ms or more" in response.get_json()["message"]
