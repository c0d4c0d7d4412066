# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Fixtures for the plugin tests: the fake API (tests/unit/plugins/fake_api.py), clean env."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import socket

import pytest

from ansible_collections.cockroachdb.cloud.tests.unit.plugins.fake_api import FakeApi


@pytest.fixture
def fake_api():
    """``fake_api(clusters, folders)`` starts a FakeApi, stopped after the test."""
    servers = []

    def start(clusters=(), folders=()):
        server = FakeApi(clusters, folders)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


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
    for name in ("COCKROACH_API_KEY", "COCKROACH_SERVER", "COCKROACH_API_VERSION"):
        monkeypatch.delenv(name, raising=False)
