# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Fixtures for the plugin tests: the API emulator in-process (tests/unit/emulator.py),
clients that the plugins build from their options routed to it, a refused URL, clean env."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import socket

import pytest

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import CockroachClient
from ansible_collections.cockroachdb.cloud.plugins.module_utils._plugin_client import client_from_options
from ansible_collections.cockroachdb.cloud.tests.unit.emulator import URL, Emulator, FakeClock, install


def _warm_up():
    """Parse the contract and build its validators once per worker, before the tests: the
    first test that starts an emulator would pay about a second for it."""
    Emulator(FakeClock()).cluster("warm-up", settle=False)


_warm_up()


@pytest.fixture
def emulator(monkeypatch):
    """A fresh in-process emulator for each test (``emulator.client()``, ``.admin``, the log)."""
    return install(monkeypatch)


@pytest.fixture
def live(monkeypatch):
    """A fresh in-process emulator serving the live service's wire format (``--contract live``)."""
    return install(monkeypatch, contract="live")


@pytest.fixture
def built_clients(emulator, monkeypatch):
    """``built_clients(plugin_module)``: the clients that the plugin builds from its own
    options (api_key, api_url...) reach the emulator when their api_url is its URL; returns
    the list where they are kept. For the tests of how a plugin reads those options (a test
    that sets ``plugin.client`` does not need it)."""
    clients = []

    def client_class(api_key, api_url, **options):
        assert api_url == URL, "the plugin would call %s, not the emulator" % api_url
        client = CockroachClient(api_key, api_url=api_url, sleep=emulator.clock.sleep,
                                 monotonic=emulator.clock.monotonic, now=emulator.clock.now, **options)
        client.session.mount(URL, emulator.adapter)
        clients.append(client)
        return client

    def build(options):
        return client_from_options(options, client_class=client_class)

    def route(plugin_module):
        monkeypatch.setattr(plugin_module, "client_from_options", build)
        return clients

    return route


@pytest.fixture
def refused_url():
    """A URL on 127.0.0.1 where nothing listens (connecting to it is refused)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind(("127.0.0.1", 0))
        return "http://127.0.0.1:%d" % sock.getsockname()[1]
    finally:
        sock.close()


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch):
    """The plugins read COCKROACH_* variables: keep the tests independent of the caller's."""
    for name in ("COCKROACH_API_KEY", "COCKROACH_SERVER", "COCKROACH_API_VERSION", "COCKROACH_RATE_LIMIT_DIR"):
        monkeypatch.delenv(name, raising=False)
    # Clients built from options would share one real-time bucket per key in the temp dir.
    monkeypatch.setenv("COCKROACH_RATE_LIMIT", "0")
