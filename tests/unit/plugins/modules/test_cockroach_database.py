# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""cockroach_database and cockroach_database_info: checks, create, rename, delete (no HTTP)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import ApiError
from ansible_collections.cockroachdb.cloud.plugins.module_utils._cluster_children import ClusterNotFound
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resource import InvalidInput, ModuleContext, reconcile
from ansible_collections.cockroachdb.cloud.plugins.modules.cockroach_database import DatabaseResource
from ansible_collections.cockroachdb.cloud.plugins.modules.cockroach_database_info import database_info

CID = "0b8d9c3a-8f2e-4d1b-a9e4-5c6f7a8b9c0d"
CLUSTER = {"id": CID, "name": "orders-db", "state": "CREATED"}
DATABASES = "/api/v1/clusters/%s/databases" % CID
DEFAULTS = dict(cluster="orders-db", name="orders", new_name=None, state="present", wait=True, wait_timeout=600)


class FakeClient(object):
    """The client calls a database task makes, over one cluster's databases; records them."""

    def __init__(self, databases=("defaultdb", "postgres"), clusters=(CLUSTER,)):
        self.clusters = [dict(c) for c in clusters]
        self.databases = [{"name": n, "table_count": 3} for n in databases]
        self.calls = []

    def paginate(self, path, key, params=None):
        self.calls.append(("GET", path, None))
        assert path == "/api/v1/clusters"
        return iter(self.clusters)

    def get(self, path, params=None):
        self.calls.append(("GET", path, None))
        for cluster in self.clusters:
            if path == "/api/v1/clusters/" + cluster["id"]:
                return cluster
        raise ApiError("not found", status=404, method="GET", path=path)

    def list_all(self, path, key, params=None):
        self.calls.append(("GET", path, None))
        if not any(path.startswith("/api/v1/clusters/%s/" % c["id"]) for c in self.clusters):
            raise ApiError("cluster not found", status=404, method="GET", path=path)
        assert (path, key) == (DATABASES, "databases")
        return [dict(d) for d in self.databases]

    def post(self, path, body=None, params=None, idempotent=None):
        self.calls.append(("POST", path, body))
        self.databases.append({"name": body["name"], "table_count": 0})
        return dict(self.databases[-1])

    def patch(self, path, body=None, params=None, idempotent=None):
        self.calls.append(("PATCH", path, body))
        database = next(d for d in self.databases if d["name"] == path.split("/")[-1])
        database["name"] = body["new_name"]
        return dict(database)

    def delete(self, path, params=None, idempotent=None):
        self.calls.append(("DELETE", path, None))
        self.databases = [d for d in self.databases if d["name"] != path.split("/")[-1]]
        return {}

    def mutations(self):
        return [c for c in self.calls if c[0] != "GET"]


def run(client, check_mode=False, **params):
    merged = dict(DEFAULTS)
    merged.update(params)
    return reconcile(DatabaseResource(ModuleContext(client, merged, check_mode=check_mode)))


@pytest.mark.parametrize("params, message", [
    (dict(name=""), "name must not be empty"),
    (dict(name="my.db"), "invalid database name 'my.db'"),
    (dict(name="my db"), "invalid database name"),
    (dict(name="d" * 64), "1 to 63 letters"),
    (dict(new_name="bad/name"), "invalid database new_name 'bad/name'"),
    (dict(new_name=""), "new_name must not be empty"),
    (dict(new_name="other", state="absent"), "new_name only applies with state=present"),
    (dict(cluster=" "), "cluster must not be empty"),
])
def test_input_checks_need_no_request(params, message):
    client = FakeClient()
    with pytest.raises(InvalidInput, match=message):
        run(client, **params)
    assert client.calls == []


@pytest.mark.parametrize("name", ["a", "Orders", "1st", "-x", "_y", "d" * 63, "orders_2024-q1"])
def test_valid_names(name):
    assert run(FakeClient([name]), name=name)["changed"] is False


def test_check_mode_create():
    client = FakeClient()
    result = run(client, check_mode=True)
    assert result == {"changed": True, "database": {"name": "orders", "table_count": 0},
                      "diff": {"before": {}, "after": {"name": "orders"}}}
    assert client.mutations() == []


def test_create_then_rerun():
    client = FakeClient()
    result = run(client)
    assert result == {"changed": True, "database": {"name": "orders", "table_count": 0},
                      "diff": {"before": {}, "after": {"name": "orders"}}}
    assert client.mutations() == [("POST", DATABASES, {"name": "orders"})]
    client.calls = []
    result = run(client)
    assert result["changed"] is False and result["diff"] == {"before": {"name": "orders"}, "after": {"name": "orders"}}
    assert client.calls == [("GET", "/api/v1/clusters", None), ("GET", DATABASES, None)]


def test_names_are_compared_exactly():
    client = FakeClient(["Orders"])
    assert run(client)["changed"] is True
    assert client.mutations() == [("POST", DATABASES, {"name": "orders"})]


def test_by_cluster_id():
    client = FakeClient(["orders"])
    assert run(client, cluster=CID)["changed"] is False
    assert client.calls == [("GET", DATABASES, None)]
    client.calls = []
    assert run(client, cluster=CID, new_name="orders_v2")["changed"] is True
    assert [c[:2] for c in client.calls] == [("GET", DATABASES), ("GET", "/api/v1/clusters/" + CID),
                                             ("PATCH", DATABASES + "/orders")]
    assert run(client, cluster=CID, name="orders_v2", state="absent")["changed"] is True
    assert client.mutations()[-1] == ("DELETE", DATABASES + "/orders_v2", None)


def test_rename():
    client = FakeClient(["orders"])
    result = run(client, new_name="orders_v2")
    assert result == {"changed": True, "database": {"name": "orders_v2", "table_count": 3},
                      "diff": {"before": {"name": "orders"}, "after": {"name": "orders_v2"}}}
    assert client.mutations() == [("PATCH", DATABASES + "/orders", {"new_name": "orders_v2"})]


def test_rename_in_check_mode():
    client = FakeClient(["orders"])
    result = run(client, check_mode=True, new_name="orders_v2")
    assert result["changed"] is True and result["database"] == {"name": "orders_v2", "table_count": 3}
    assert client.mutations() == []


def test_rename_done_already_changes_nothing():
    client = FakeClient(["orders_v2"])
    result = run(client, new_name="orders_v2")
    assert result == {"changed": False, "database": {"name": "orders_v2", "table_count": 3},
                      "diff": {"before": {"name": "orders_v2"}, "after": {"name": "orders_v2"}}}
    assert client.mutations() == []
    assert len(client.calls) == 2  # one listing serves both look-ups


def test_rename_to_the_same_name_changes_nothing():
    client = FakeClient(["orders"])
    assert run(client, new_name="orders")["changed"] is False


def test_rename_when_both_exist_fails_before_any_change():
    client = FakeClient(["orders", "orders_v2"])
    with pytest.raises(InvalidInput, match="databases orders and orders_v2 both exist on cluster orders-db"):
        run(client, new_name="orders_v2")
    assert client.mutations() == []


def test_rename_when_neither_exists_fails():
    client = FakeClient()
    with pytest.raises(InvalidInput, match="database orders does not exist on cluster orders-db, so it cannot "
                                           "be renamed to orders_v2"):
        run(client, new_name="orders_v2")
    assert client.mutations() == []


def test_delete_then_nothing_to_delete():
    client = FakeClient(["orders"])
    result = run(client, state="absent")
    assert result == {"changed": True, "database": {}, "diff": {"before": {"name": "orders"}, "after": {}}}
    assert client.mutations() == [("DELETE", DATABASES + "/orders", None)]
    client.calls = []
    assert run(client, state="absent")["changed"] is False
    assert client.mutations() == []


def test_delete_in_check_mode_sends_nothing():
    client = FakeClient(["orders"])
    assert run(client, check_mode=True, state="absent")["changed"] is True
    assert client.mutations() == []


def test_absent_on_a_missing_cluster_is_unchanged_present_fails():
    assert run(FakeClient(clusters=()), state="absent")["changed"] is False
    with pytest.raises(ClusterNotFound, match="no cluster named 'orders-db' among 0 clusters"):
        run(FakeClient(clusters=()))


def test_the_last_of_many_databases_is_found():
    client = FakeClient(["db%03d" % i for i in range(1, 251)])
    assert run(client, name="db250")["changed"] is False


# -- cockroach_database_info -------------------------------------------------------------------

def test_info_lists_every_database_and_filters():
    client = FakeClient()
    assert database_info(client, dict(cluster="orders-db", name=None)) == {
        "changed": False, "databases": [{"name": "defaultdb", "table_count": 3},
                                        {"name": "postgres", "table_count": 3}]}
    assert database_info(client, dict(cluster="orders-db", name="postgres"))["databases"] == [
        {"name": "postgres", "table_count": 3}]
    assert database_info(client, dict(cluster="orders-db", name="Postgres"))["databases"] == []


@pytest.mark.parametrize("params, message", [
    (dict(cluster="", name=None), "cluster must not be empty"),
    (dict(cluster="orders-db", name=""), "name must not be empty"),
])
def test_info_input_checks(params, message):
    client = FakeClient()
    with pytest.raises(InvalidInput, match=message):
        database_info(client, params)
    assert client.calls == []
