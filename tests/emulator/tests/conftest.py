"""Fixtures: an in-process emulator (Flask test client) and a live one (subprocess)."""

import json
import os
import signal
import subprocess
import sys

import pytest

from tests.emulator import EmulatorConfig, create_app

# (this file is in tests/emulator/tests/)
REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
API_VERSION = "2024-09-16"


class Api:
    """A small client over the Flask test client, with the admin key by default."""

    def __init__(self, app):
        self.app = app
        self.emulator = app.extensions["emulator"]
        self.client = app.test_client()
        self.admin_key = self.emulator.admin_key

    def headers(self, key=None):
        return {"Authorization": "Bearer %s" % (key or self.admin_key), "Cc-Version": API_VERSION}

    def call(self, method, path, json=None, query=None, key=None, headers=None):  # pylint: disable=redefined-outer-name
        merged = self.headers(key)
        merged.update(headers or {})
        return self.client.open(path, method=method, json=json, query_string=query, headers=merged)

    def get(self, path, **kwargs):
        return self.call("GET", path, **kwargs)

    def post(self, path, json=None, **kwargs):  # pylint: disable=redefined-outer-name
        return self.call("POST", path, json=json, **kwargs)

    def put(self, path, json=None, **kwargs):  # pylint: disable=redefined-outer-name
        return self.call("PUT", path, json=json, **kwargs)

    def patch(self, path, json=None, **kwargs):  # pylint: disable=redefined-outer-name
        return self.call("PATCH", path, json=json, **kwargs)

    def delete(self, path, **kwargs):
        return self.call("DELETE", path, **kwargs)

    def ok(self, response, status=200):
        assert response.status_code == status, (response.status_code, response.get_json())
        return response.get_json()

    # -- shortcuts used by many tests --------------------------------------------------
    def create_cluster(self, name="test-cluster", plan="serverless", provider="GCP", **spec_extra):
        if plan == "serverless":
            spec = {"serverless": {"regions": ["us-central1" if provider == "GCP" else "us-east-1"]}}
        else:
            region = "us-central1" if provider == "GCP" else "us-east-1"
            spec = {"dedicated": {"region_nodes": {region: 3},
                                  "hardware": {"machine_spec": {"num_virtual_cpus": 4},
                                               "storage_gib": 15}}}
        if self.emulator.live:
            spec["plan"] = "STANDARD" if plan == "serverless" else "ADVANCED"
        spec.update(spec_extra)
        return self.ok(self.post("/api/v1/clusters", {"name": name, "provider": provider, "spec": spec}))

    def new_key(self, roles, name="limited"):
        """A fresh service account holding ``roles`` (list of role dicts) and its secret."""
        body = {"name": name}
        if self.emulator.live:  # the live service wants a description and roles at create
            body.update(description="", roles=[{"name": "ORG_MEMBER", "resource": {"type": "ORGANIZATION"}}])
        account = self.ok(self.post("/api/v1/service-accounts", body))
        self.ok(self.put("/api/v1/roles/%s" % account["id"], {"roles": roles}))
        created = self.ok(self.post("/api/v1/api-keys", {"name": name + "-key",
                                                         "service_account_id": account["id"]}))
        return account, created["secret"]

    def request_log(self):
        return list(self.emulator.requests)


@pytest.fixture
def make_api():
    """Build an in-process emulator with config overrides: ``make_api(async_seconds=1)``."""

    def build(**overrides):
        overrides.setdefault("rate_limit", 0)
        overrides.setdefault("test_controls", True)
        overrides.setdefault("validate_responses", True)  # every answer of every test is checked
        return Api(create_app(EmulatorConfig(**overrides)))

    return build


@pytest.fixture
def api(make_api):
    """An in-process emulator: no rate limit, immediate async states, test controls and
    response validation on."""
    return make_api()


@pytest.fixture
def live_api(make_api):
    """``api`` serving the live service's wire format (``--contract live``)."""
    return make_api(contract="live")


class LiveEmulator:
    def __init__(self, args):
        self.process = subprocess.Popen(  # pylint: disable=consider-using-with
            [sys.executable, "-m", "tests.emulator", "--port", "0", "--validate-responses"] + list(args),
            cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError("emulator did not start: %s" % self.process.stderr.read())
        info = json.loads(line)
        self.url, self.admin_key = info["url"], info["admin_key"]

    def stop(self, sig=signal.SIGTERM, timeout=10):
        if self.process.poll() is None:
            self.process.send_signal(sig)
            self.process.wait(timeout=timeout)
        self.process.stdout.close()
        self.process.stderr.close()
        return self.process.returncode


@pytest.fixture
def live_emulator():
    """Start ``python -m tests.emulator --validate-responses`` with extra args; stopped after the test."""
    started = []

    def start(*args):
        emulator = LiveEmulator(args)
        started.append(emulator)
        return emulator

    yield start
    for emulator in started:
        emulator.stop(signal.SIGKILL)
