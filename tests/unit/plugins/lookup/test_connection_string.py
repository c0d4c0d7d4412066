# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The cockroachdb.cloud.connection_string lookup, through Ansible's plugin loader, against
the fake API over HTTP (tests/unit/plugins/fake_api.py)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible.errors import AnsibleError
from ansible.plugins.loader import lookup_loader

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import CockroachClient
from ansible_collections.cockroachdb.cloud.tests.unit.plugins.fake_api import API_KEY, make_cluster

PLUGIN = "cockroachdb.cloud.connection_string"


@pytest.fixture
def api(fake_api):
    return fake_api([
        make_cluster("orders-prod", plan="DEDICATED", provider="AWS"),
        make_cluster("web-dev"),
        make_cluster("old-one", state="DELETED"),
    ])


def lookup(api, terms, client=None, **options):
    plugin = lookup_loader.get(PLUGIN)
    if client is not None:
        plugin.client = client
    if api is not None:
        options.setdefault("api_url", api.url)
        options.setdefault("api_key", API_KEY)
    return plugin.run(terms, variables={}, **options)


def test_one_name(api):
    orders = api.clusters[0]
    assert lookup(api, ["orders-prod"]) == [
        "postgresql://%s:26257/defaultdb?sslmode=verify-full" % orders["sql_dns"]]
    # One listing to find it, one read of its connection string.
    assert api.paths() == ["/api/v1/clusters", "/api/v1/clusters/%s/connection-string" % orders["id"]]
    assert api.requests[0][2]["pagination.limit"] == "500"
    assert api.requests[1][2] == {}


def test_names_and_ids_with_options(api):
    orders, web = api.clusters[0], api.clusters[1]
    result = lookup(api, ["web-dev", orders["id"], "orders-prod"], database="shop", sql_user="app", os="LINUX")
    assert result == [
        "postgresql://app@%s:26257/shop?sslmode=verify-full&os=LINUX" % web["sql_dns"],
        "postgresql://app@%s:26257/shop?sslmode=verify-full&os=LINUX" % orders["sql_dns"],
        "postgresql://app@%s:26257/shop?sslmode=verify-full&os=LINUX" % orders["sql_dns"],
    ]
    # One listing for both names, one read for the id, one connection string per term.
    assert api.paths() == [
        "/api/v1/clusters",
        "/api/v1/clusters/%s" % orders["id"],
        "/api/v1/clusters/%s/connection-string" % web["id"],
        "/api/v1/clusters/%s/connection-string" % orders["id"],
        "/api/v1/clusters/%s/connection-string" % orders["id"],
    ]
    assert api.requests[-1][2] == {"database": "shop", "sql_user": "app", "os": "LINUX"}


@pytest.mark.parametrize("term, message", [
    ("no-such-db", r"^no cluster named 'no-such-db' among \d+ clusters \(show_inactive: false\)$"),
    ("6f1c2a4e-0d7b-4f0e-9a55-3c1e7b2d9f10", r"^no cluster with id 6f1c2a4e-0d7b-4f0e-9a55-3c1e7b2d9f10$"),
])
def test_unknown_cluster(api, term, message):
    with pytest.raises(AnsibleError, match=message):
        lookup(api, ["web-dev", term])


def test_deleted_cluster_is_unknown(api):
    deleted = api.clusters[2]
    with pytest.raises(AnsibleError, match="no cluster with id %s: it was deleted" % deleted["id"]):
        lookup(api, [deleted["id"]])
    with pytest.raises(AnsibleError, match="no cluster named 'old-one' among"):
        lookup(api, ["old-one"])


def test_no_terms(api):
    with pytest.raises(AnsibleError, match="needs one or more cluster names or ids"):
        lookup(api, [])
    with pytest.raises(AnsibleError, match="none empty"):
        lookup(api, ["web-dev", " "])
    assert api.requests == []


def test_bad_os_choice(api):
    with pytest.raises(AnsibleError, match="BEOS"):  # ansible-core checks the choices
        lookup(api, ["web-dev"], os="BEOS")
    assert api.requests == []


def test_wrong_key(api):
    with pytest.raises(AnsibleError) as failure:
        lookup(api, ["web-dev"], api_key="CCDB1_wrongwrongwrongwrongwr_" + "x" * 40)
    message = str(failure.value)
    assert "GET /api/v1/clusters failed with HTTP 401: invalid or revoked API key" in message
    assert "COCKROACH_API_KEY" in message and "wrongwrong" not in message


def test_missing_key(api):
    with pytest.raises(AnsibleError, match="no API key"):
        lookup(None, ["web-dev"], api_url=api.url)
    assert api.requests == []


def test_environment(api, monkeypatch):
    monkeypatch.setenv("COCKROACH_API_KEY", API_KEY)
    monkeypatch.setenv("COCKROACH_SERVER", api.url)
    assert lookup(None, ["web-dev"])[0].startswith("postgresql://")


def test_unreachable(refused_url):
    client = CockroachClient(API_KEY, api_url=refused_url, sleep=lambda seconds: None)
    with pytest.raises(AnsibleError, match="cannot reach %s: connection refused" % refused_url):
        lookup(None, ["web-dev"], client=client, api_url=refused_url, api_key=API_KEY)
