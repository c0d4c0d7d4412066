# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The collection's API emulator in-process, for unit tests: one stand-in for the API.

``requests`` reaches the emulator's WSGI app through a transport adapter (no socket, no
thread), and the emulator and the client share a fake clock: a client that "sleeps" moves
the emulator's clock, so async states (CREATING, ENABLING...) pass without real waiting.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
from http import client as http_client
from urllib.parse import urlsplit

import requests
from ansible.module_utils.common.arg_spec import ArgumentSpecValidator
from requests.adapters import BaseAdapter
from requests.structures import CaseInsensitiveDict

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import CockroachClient
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import Context
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources import _cluster_lookup
from ansible_collections.cockroachdb.cloud.tests.emulator import EmulatorConfig, create_app
from ansible_collections.cockroachdb.cloud.tests.emulator import clock as emulator_clock

URL = "http://emulator.localhost"
API_VERSION = "2024-09-16"


class FakeClock(object):
    """Time that only moves when someone sleeps: shared by the client and the emulator."""

    def __init__(self, start=1_800_000_000.0):
        self.time = start
        self.sleeps = []
        self.on_sleep = None  # optional callback(seconds), e.g. to change the emulator's state meanwhile

    def now(self):
        return self.time

    def monotonic(self):
        return self.time

    def sleep(self, seconds):
        self.sleeps.append(seconds)
        self.time += seconds
        if self.on_sleep is not None:
            self.on_sleep(seconds)


class WsgiAdapter(BaseAdapter):
    """A requests transport that hands each request to a WSGI app's test client."""

    def __init__(self, app, record=None):
        super(WsgiAdapter, self).__init__()
        self.client = app.test_client()
        self.record = record  # optional callback(request) after each answer
        self.sent = []  # (method, path without query, JSON body or None) of every request

    def send(self, request, **kwargs):  # pylint: disable=arguments-differ
        path = request.path_url
        body = json.loads(request.body) if request.body else None
        self.sent.append((request.method, path.split("?")[0], body))
        answer = self.client.open(path, method=request.method, data=request.body,
                                  headers=dict(request.headers))
        if self.record is not None:
            self.record(request)
        if answer.status_code == 500 and not answer.get_data():
            # An injected "drop" (or "drop-after"): what requests raises when the server closes
            # the connection without answering.
            raise requests.exceptions.ConnectionError(
                ConnectionAbortedError("Connection aborted."), http_client.RemoteDisconnected(
                    "Remote end closed connection without response"), request=request)
        response = requests.Response()
        response.status_code = answer.status_code
        response.headers = CaseInsensitiveDict(answer.headers)
        response._content = answer.get_data()  # pylint: disable=protected-access
        response.reason = answer.status.partition(" ")[2]
        response.url = request.url
        response.request = request
        response.encoding = "utf-8"
        return response

    def close(self):
        pass


class Emulator(object):
    """One in-process emulator (rate limit off, transitions of ``async_seconds`` on the
    fake clock), with what tests need: clients, contexts, seeding and the request log."""

    def __init__(self, clock, async_seconds=1.0, contract="contract"):
        self.clock = clock
        self.contract = contract
        self.app = create_app(EmulatorConfig(rate_limit=0, test_controls=True, async_seconds=async_seconds,
                                             validate_responses=True, contract=contract))
        self.emulator = self.app.extensions["emulator"]
        self.admin_key = self.emulator.admin_key
        self._seq_bodies = {}  # request log seq -> the JSON body the request sent
        self.adapter = WsgiAdapter(self.app, record=self._remember_body)
        self.admin = self.client()

    def client(self, api_key=None, **options):
        """A CockroachClient on the emulator and the fake clock."""
        client = CockroachClient(api_key or self.admin_key, api_url=URL, sleep=self.clock.sleep,
                                 monotonic=self.clock.monotonic, now=self.clock.now, **options)
        client.session.mount(URL, self.adapter)
        return client

    def context(self, params, check_mode=False, client=None, same_process=False):
        """The context of a task. Each task runs in a process of its own, so what an earlier
        one remembered (cluster names resolved) is forgotten, unless ``same_process`` (the next
        item of an in-process loop)."""
        if not same_process:
            _cluster_lookup._KNOWN_IDS.clear()  # pylint: disable=protected-access
        return Context(client or self.client(), params, check_mode=check_mode)

    # -- the request log -----------------------------------------------------------------------
    def log(self):
        return list(self.emulator.requests)

    def mark(self):
        return len(self.emulator.requests)

    def since(self, mark):
        """The API requests logged since ``mark``: (method, path, status) each."""
        return [(e["method"], e["path"], e["status"]) for e in self.log()[mark:]]

    def operations(self, mark):
        return [e["operation"] for e in self.log()[mark:]]

    def mutations(self, mark):
        return [e["operation"] for e in self.log()[mark:] if e["method"] not in ("GET", "HEAD")]

    def sent(self, mark):
        """The changing API requests since ``mark``: (operation, path, JSON body or None) each."""
        return [(e["operation"], e["path"], self._seq_bodies.get(e["seq"])) for e in self.log()[mark:]
                if e["method"] not in ("GET", "HEAD")]

    def queries(self, mark):
        """The API requests since ``mark``: (path, {query parameter: value}) each."""
        return [(e["path"], dict((k, v[0] if len(v) == 1 else v) for k, v in e["query"].items()))
                for e in self.log()[mark:]]

    def _remember_body(self, request):
        last = self.emulator.requests[-1] if self.emulator.requests else None
        if last is None or last["seq"] in self._seq_bodies or last["path"] != urlsplit(request.path_url).path:
            return
        body = request.body
        if isinstance(body, bytes):
            body = body.decode("utf-8")
        self._seq_bodies[last["seq"]] = json.loads(body) if body else None

    # -- test controls (docs/emulator.md) and the emulator's records ------------------------------
    def control(self, method, path, body=None):
        """Call a test control (``/_emulator/...``); returns its JSON answer."""
        answer = self.adapter.client.open("/_emulator/" + path.lstrip("/"), method=method, json=body)
        assert answer.status_code == 200, answer.get_data(as_text=True)
        return answer.get_json()

    def force_state(self, cluster_id, state, **more):
        """Force a cluster's state (e.g. CREATION_FAILED), dropping any pending transition."""
        return self.control("POST", "clusters/%s/state" % cluster_id, dict(more, state=state))

    def children(self, cluster_id, kind):
        """The emulator's own records of a cluster's sub-resources of ``kind`` (live, not a copy)."""
        return self.emulator.store.cluster_children(cluster_id, kind)

    def bodies(self, method=None):
        """(path, JSON body) of the requests sent so far (of ``method`` only, when given)."""
        return [(path, body) for sent_method, path, body in self.adapter.sent if method in (None, sent_method)]

    # -- seeding ---------------------------------------------------------------------------------
    def cluster(self, name="web-app", plan="SERVERLESS", provider="GCP", settle=True, **spec):
        """Create a cluster through the API (and let it settle); returns it."""
        region = "us-central1" if provider == "GCP" else "us-east-1"
        if plan in ("SERVERLESS", "BASIC", "STANDARD"):
            body = {"serverless": {"regions": [region]}}
        else:
            body = {"dedicated": {"region_nodes": {region: 3},
                                  "hardware": {"machine_spec": {"num_virtual_cpus": 4}, "storage_gib": 15}}}
        if self.contract == "live":
            body["plan"] = {"SERVERLESS": "STANDARD", "DEDICATED": "ADVANCED"}.get(plan, plan)
        body.update(spec)
        cluster = self.admin.post("/api/v1/clusters", {"name": name, "provider": provider, "spec": body})
        if settle:
            self.clock.sleep(60)
            cluster = self.admin.get("/api/v1/clusters/%s" % cluster["id"])
        return cluster


def install(monkeypatch, async_seconds=1.0, contract="contract"):
    """A fresh emulator whose clock is the returned one's (see the fixtures in conftest);
    ``contract="live"`` serves the live service's wire format."""
    clock = FakeClock()
    monkeypatch.setattr(emulator_clock, "now", clock.now)
    return Emulator(clock, async_seconds, contract)


def task_params(module, **given):
    """The parameters of a task of ``module`` (a module of plugins/modules) as its argument
    spec and options make them (defaults, sub-options); ``given`` must pass them."""
    validated = ArgumentSpecValidator(module.ARGUMENT_SPEC, **module.TASK.module_options).validate(given)
    assert not validated.error_messages, validated.error_messages
    return validated.validated_parameters
