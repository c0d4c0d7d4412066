# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The cockroachdb.cloud.connection_string lookup, through Ansible's plugin loader, against
the API emulator in-process (tests/unit/emulator.py). The requests are read from the
emulator's request log."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

import pytest

from ansible.errors import AnsibleError
from ansible.plugins.loader import lookup_loader

from ansible_collections.cockroachdb.cloud.plugins.lookup import connection_string as lookup_plugin
from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import CockroachClient
from ansible_collections.cockroachdb.cloud.tests.unit.emulator import URL

PLUGIN = "cockroachdb.cloud.connection_string"
UNKNOWN_KEY = "CCDB1_wrongwrongwrongwrongwr_" + "x" * 40  # well formed, but the emulator never issued it


def cluster_path(cluster):
    return "/api/v1/clusters/%s" % cluster["id"]


def dsn(cluster, database="defaultdb", user=None):
    """The connection string the emulator gives (it has no password, and ignores ``os``)."""
    return "postgresql://%s%s:26257/%s?sslmode=verify-full" % (user + "@" if user else "", cluster["sql_dns"], database)


class Api(object):
    """orders-prod (DEDICATED, AWS) and web-dev, and old-one, deleted."""

    def __init__(self, emulator):
        self.emulator = emulator
        self.orders = emulator.cluster("orders-prod", plan="DEDICATED", provider="AWS")
        self.web = emulator.cluster("web-dev")
        old = emulator.cluster("old-one")
        emulator.admin.delete(cluster_path(old))
        self.old = emulator.admin.get(cluster_path(old))
        self.mark = emulator.mark()

    def requests(self):
        """(method, path, status) of the requests sent since the setup."""
        return self.emulator.since(self.mark)

    def queries(self):
        return [entry["query"] for entry in self.emulator.log()[self.mark:]]


@pytest.fixture
def api(emulator):
    return Api(emulator)


def lookup(terms, emulator=None, client=None, **options):
    """Run the lookup; with ``emulator``, on a client of it, with its URL and admin key as options."""
    plugin = lookup_loader.get(PLUGIN)
    if emulator is not None:
        options.setdefault("api_url", URL)
        options.setdefault("api_key", emulator.admin_key)
        client = client or emulator.client()
    if client is not None:
        plugin.client = client
    return plugin.run(terms, variables={}, **options)


def test_one_name(api):
    assert lookup(["orders-prod"], api.emulator) == [dsn(api.orders)]
    # One listing to find it, one read of its connection string.
    assert api.requests() == [("GET", "/api/v1/clusters", 200),
                              ("GET", cluster_path(api.orders) + "/connection-string", 200)]
    assert api.queries() == [{"pagination.limit": ["500"]}, {}]


def test_names_and_ids_with_options(api):
    orders, web = api.orders, api.web
    result = lookup(["web-dev", orders["id"], "orders-prod"], api.emulator, database="shop", sql_user="app", os="LINUX")
    assert result == [dsn(web, "shop", "app"), dsn(orders, "shop", "app"), dsn(orders, "shop", "app")]
    # One listing for both names, one read for the id, one connection string per term.
    assert api.requests() == [
        ("GET", "/api/v1/clusters", 200),
        ("GET", cluster_path(orders), 200),
        ("GET", cluster_path(web) + "/connection-string", 200),
        ("GET", cluster_path(orders) + "/connection-string", 200),
        ("GET", cluster_path(orders) + "/connection-string", 200),
    ]
    assert api.emulator.operations(api.mark) == ["ListClusters", "GetCluster"] + ["GetConnectionString"] * 3
    assert api.queries()[-1] == {"database": ["shop"], "sql_user": ["app"], "os": ["LINUX"]}


@pytest.mark.parametrize("term, message", [
    ("no-such-db", r"^no cluster named 'no-such-db' among 2 clusters$"),
    ("6f1c2a4e-0d7b-4f0e-9a55-3c1e7b2d9f10", r"^no cluster with id 6f1c2a4e-0d7b-4f0e-9a55-3c1e7b2d9f10$"),
])
def test_unknown_cluster(api, term, message):
    with pytest.raises(AnsibleError, match=message):
        lookup(["web-dev", term], api.emulator)
    # Every term is resolved before any connection string is read.
    assert "GetConnectionString" not in api.emulator.operations(api.mark)


def test_deleted_cluster_is_unknown(api):
    old = api.old
    assert old["state"] == "DELETED" and old["deleted_at"]
    with pytest.raises(AnsibleError, match="^%s$" % re.escape("no cluster with id %s: it was deleted at %s" % (old["id"], old["deleted_at"]))):
        lookup([old["id"]], api.emulator)
    with pytest.raises(AnsibleError, match=r"^no cluster named 'old-one' among 2 clusters$"):
        lookup(["old-one"], api.emulator)
    assert api.emulator.operations(api.mark) == ["GetCluster", "ListClusters"]


def test_a_key_that_cannot_read_the_cluster(api):
    """A key that may read web-dev only: the listing hides orders-prod, and its id is forbidden."""
    account = api.emulator.admin.post("/api/v1/service-accounts", {
        "name": "web-dev-reader", "roles": [{"name": "CLUSTER_DEVELOPER", "resource": {"type": "CLUSTER", "id": api.web["id"]}}]})
    secret = api.emulator.admin.post("/api/v1/api-keys", {"name": "web", "service_account_id": account["id"]})["secret"]
    client = api.emulator.client(secret)
    assert lookup(["web-dev"], api.emulator, client=client, api_key=secret) == [dsn(api.web)]
    with pytest.raises(AnsibleError, match=r"^no cluster named 'orders-prod' among 1 cluster$"):
        lookup(["orders-prod"], api.emulator, client=client, api_key=secret)
    with pytest.raises(AnsibleError) as failure:
        lookup([api.orders["id"]], api.emulator, client=client, api_key=secret)
    assert str(failure.value).startswith("GET %s failed with HTTP 403: the caller lacks a required role" % cluster_path(api.orders))
    assert "lacks a role that allows this" in str(failure.value)  # the hint for a 403
    assert api.requests()[-1] == ("GET", cluster_path(api.orders), 403)


def test_no_terms(api):
    with pytest.raises(AnsibleError, match="needs one or more cluster names or ids"):
        lookup([], api.emulator)
    with pytest.raises(AnsibleError, match="none empty"):
        lookup(["web-dev", " "], api.emulator)
    assert api.requests() == []


def test_bad_os_choice(api):
    with pytest.raises(AnsibleError, match="BEOS"):  # ansible-core checks the choices
        lookup(["web-dev"], api.emulator, os="BEOS")
    assert api.requests() == []


def test_unknown_key(api, built_clients):
    built_clients(lookup_plugin)
    with pytest.raises(AnsibleError) as failure:
        lookup(["web-dev"], api_url=URL, api_key=UNKNOWN_KEY)
    message = str(failure.value)
    assert "GET /api/v1/clusters failed with HTTP 401: invalid or revoked API key" in message
    assert "COCKROACH_API_KEY" in message and "wrongwrong" not in message
    assert api.requests() == [("GET", "/api/v1/clusters", 401)]  # a 401 is not retried


def test_missing_key(api, built_clients):
    clients = built_clients(lookup_plugin)
    with pytest.raises(AnsibleError, match="no API key"):
        lookup(["web-dev"], api_url=URL)
    assert clients == [] and api.requests() == []


def test_environment(api, monkeypatch, built_clients):
    clients = built_clients(lookup_plugin)
    monkeypatch.setenv("COCKROACH_API_KEY", api.emulator.admin_key)
    monkeypatch.setenv("COCKROACH_SERVER", URL)
    assert lookup(["web-dev"]) == [dsn(api.web)]
    assert [c.base_url for c in clients] == [URL]
    keys = set(entry["key"] for entry in api.emulator.log()[api.mark:])
    assert keys == set([api.emulator.admin_key.rsplit("_", 1)[0]])


def test_unreachable(refused_url):
    pauses = []
    client = CockroachClient(UNKNOWN_KEY, api_url=refused_url, sleep=pauses.append)
    with pytest.raises(AnsibleError, match="cannot reach %s: connection refused" % refused_url):
        lookup(["web-dev"], client=client, api_url=refused_url, api_key=UNKNOWN_KEY)
    assert pauses == [0.5]  # one quick retry
