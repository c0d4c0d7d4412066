"""The command line, clean shutdown, and state that survives restarts and SIGKILL."""

import json
import os
import signal
import subprocess
import sys

import requests

from tests.emulator.secrets_util import SECRET_RE, new_secret

# (this file is in tests/emulator/tests/)
REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))

SERVERLESS = {"name": "kept-cluster", "provider": "GCP", "spec": {"serverless": {"regions": ["us-central1"]}}}


def _headers(key):
    return {"Authorization": "Bearer " + key, "Cc-Version": "2024-09-16"}


def test_prints_url_and_generated_admin_key_then_stops_on_sigterm(live_emulator):
    emulator = live_emulator()
    assert emulator.url.startswith("http://127.0.0.1:")
    assert SECRET_RE.match(emulator.admin_key)
    assert requests.get(emulator.url + "/api/v1/organization", headers=_headers(emulator.admin_key),
                        timeout=5).status_code == 200
    assert emulator.stop(signal.SIGTERM) == 0


def test_given_admin_key_is_used(live_emulator):
    key = new_secret()
    emulator = live_emulator("--admin-key", key)
    assert emulator.admin_key == key
    assert requests.get(emulator.url + "/api/v1/organization", headers=_headers(key), timeout=5).ok


def test_bad_admin_key_is_refused():
    result = subprocess.run([sys.executable, "-m", "tests.emulator", "--admin-key", "secret"],
                            cwd=REPO_ROOT, capture_output=True, text=True, timeout=30, check=False)
    assert result.returncode != 0
    assert "--admin-key must look like CCDB1_" in result.stderr


def test_bad_fault_rate_is_refused():
    result = subprocess.run([sys.executable, "-m", "tests.emulator", "--fault-rate", "2"],
                            cwd=REPO_ROOT, capture_output=True, text=True, timeout=30, check=False)
    assert result.returncode == 2 and "--fault-rate must be between 0 and 1" in result.stderr


def test_bad_fault_kinds_and_latency_are_usage_errors():
    for args in (["--fault-kinds", "teapot"], ["--latency-ms", "-5"], ["--rate-limit", "-1"]):
        result = subprocess.run([sys.executable, "-m", "tests.emulator"] + args, cwd=REPO_ROOT,
                                capture_output=True, text=True, timeout=30, check=False)
        assert result.returncode == 2, (args, result.stderr)
        assert "Traceback" not in result.stderr


def test_test_controls_are_off_by_default(live_emulator):
    emulator = live_emulator()
    assert requests.post(emulator.url + "/_emulator/reset", timeout=5).status_code in (401, 404)


def test_state_survives_sigkill_and_restart(tmp_path, live_emulator):
    state = str(tmp_path / "state.json")
    first = live_emulator("--state-file", state)
    created = requests.post(first.url + "/api/v1/clusters", json=SERVERLESS,
                            headers=_headers(first.admin_key), timeout=5)
    assert created.status_code == 200
    first.stop(signal.SIGKILL)  # no chance to flush anything at exit
    second = live_emulator("--state-file", state)
    assert second.admin_key == first.admin_key  # the key is part of the state
    listed = requests.get(second.url + "/api/v1/clusters", headers=_headers(second.admin_key), timeout=5)
    assert [c["name"] for c in listed.json()["clusters"]] == ["kept-cluster"]
    assert [name for name in os.listdir(tmp_path) if name != "state.json"] == []  # no temp files left


def test_state_file_is_always_whole_json(tmp_path, live_emulator):
    state = tmp_path / "state.json"
    emulator = live_emulator("--state-file", str(state), "--rate-limit", "0")
    for index in range(20):
        body = dict(SERVERLESS, name="cluster-%03d" % index)
        assert requests.post(emulator.url + "/api/v1/clusters", json=body,
                             headers=_headers(emulator.admin_key), timeout=5).ok
        assert len(json.loads(state.read_text())["clusters"]) == index + 1


def test_restart_with_another_admin_key_adds_it(tmp_path, live_emulator):
    state = str(tmp_path / "state.json")
    first = live_emulator("--state-file", state)
    first.stop()
    key = new_secret()
    second = live_emulator("--state-file", state, "--admin-key", key)
    assert requests.get(second.url + "/api/v1/organization", headers=_headers(key), timeout=5).ok


def test_admin_account_comes_back_after_deletion_and_restart(tmp_path, live_emulator):
    state = str(tmp_path / "state.json")
    first = live_emulator("--state-file", state)
    session = requests.Session()
    session.headers.update(_headers(first.admin_key))
    other, secret = _make_org_admin(session, first.url)
    admin_account = [a for a in session.get(first.url + "/api/v1/service-accounts").json()["service_accounts"]
                     if a["id"] != other][0]["id"]
    deleted = requests.delete(first.url + "/api/v1/service-accounts/" + admin_account,
                              headers=_headers(secret), timeout=5)
    assert deleted.status_code == 200
    assert session.get(first.url + "/api/v1/organization").status_code == 401
    first.stop()
    second = live_emulator("--state-file", state)
    assert requests.get(second.url + "/api/v1/clusters", headers=_headers(second.admin_key), timeout=5).ok


def _make_org_admin(session, url):
    account = session.post(url + "/api/v1/service-accounts", json={"name": "second-admin"}).json()
    org_id = session.get(url + "/api/v1/organization").json()["id"]
    session.put(url + "/api/v1/roles/" + account["id"], json={"roles": [
        {"name": "ORG_ADMIN", "resource": {"type": "ORGANIZATION", "id": org_id}}]}).raise_for_status()
    key = session.post(url + "/api/v1/api-keys", json={"name": "k", "service_account_id": account["id"]}).json()
    return account["id"], key["secret"]
