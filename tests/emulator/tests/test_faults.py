"""Fault injection: error answers, dropped connections and latency, repeatable by seed."""

import time

import pytest
import requests

from tests.emulator.faults import FaultInjector


def test_same_seed_same_faults():
    first = FaultInjector(rate=0.5, seed=7, kinds=("503", "drop"))
    second = FaultInjector(rate=0.5, seed=7, kinds=("503", "drop"))
    draws = [getattr(first.draw(), "kind", None) for _unused in range(200)]
    assert draws == [getattr(second.draw(), "kind", None) for _unused in range(200)]
    assert {None, "503", "drop"} == set(draws)
    assert first.describe()["injected"] == len([d for d in draws if d])


def test_invalid_configuration_is_refused():
    with pytest.raises(ValueError):
        FaultInjector(rate=2)
    with pytest.raises(ValueError):
        FaultInjector(rate=0.1, kinds=("teapot",))
    with pytest.raises(ValueError, match="optionally with '-after'"):
        FaultInjector(rate=0.1, kinds=("503-before",))
    with pytest.raises(ValueError):
        FaultInjector(rate=0.1, methods=[])


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


def test_a_fault_after_the_change_loses_the_answer_only(api):
    api.ok(api.client.put("/_emulator/faults", json={"rate": 1.0, "kinds": ["502-after"], "seed": 3}))
    response = api.post("/api/v1/service-accounts", {"name": "made-anyway"})
    assert response.status_code == 502
    assert response.get_json()["message"] == "injected fault after the change was made (emulator fault injection)"
    api.ok(api.client.delete("/_emulator/faults"))
    names = [a["name"] for a in api.ok(api.get("/api/v1/service-accounts"))["service_accounts"]]
    assert names.count("made-anyway") == 1
    logged = api.ok(api.client.get("/_emulator/requests"))["requests"]
    post = [r for r in logged if r["method"] == "POST"][-1]
    assert (post["status"], post["fault"]) == (502, "502-after")
    assert logged[-1]["fault"] is None


def test_faults_aimed_at_mutating_requests_spare_reads(api):
    settings = {"rate": 1.0, "kinds": ["503"], "methods": ["mutating"]}
    described = api.ok(api.client.put("/_emulator/faults", json=settings))
    assert described["methods"] == ["DELETE", "PATCH", "POST", "PUT"]
    assert api.get("/api/v1/service-accounts").status_code == 200
    assert api.post("/api/v1/service-accounts", {"name": "x"}).status_code == 503
    assert api.ok(api.client.get("/_emulator/faults"))["injected"] == 1


def test_faults_aimed_at_one_operation(api):
    api.ok(api.client.put("/_emulator/faults", json={"rate": 1.0, "kinds": ["504"], "operations": ["ListFolders"]}))
    assert api.get("/api/v1/service-accounts").status_code == 200
    assert api.get("/api/v1/folders").status_code == 504


def test_a_dropped_answer_after_the_change_on_a_live_server(live_emulator):
    emulator = live_emulator("--fault-rate", "1", "--fault-kinds", "drop-after", "--fault-methods", "mutating",
                             "--rate-limit", "0")
    headers = {"Authorization": "Bearer " + emulator.admin_key}
    with pytest.raises(requests.ConnectionError):
        requests.post(emulator.url + "/api/v1/service-accounts", json={"name": "lost-answer"},
                      headers=headers, timeout=5)
    listing = requests.get(emulator.url + "/api/v1/service-accounts", headers=headers, timeout=5)
    assert [a["name"] for a in listing.json()["service_accounts"]].count("lost-answer") == 1
