# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""cockroach_sql_user and cockroach_sql_user_info: checks, changes, passwords, diffs (no HTTP)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import ApiError
from ansible_collections.cockroachdb.cloud.plugins.module_utils._cluster_children import ClusterNotFound
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resource import MASK, InvalidInput, ModuleContext, reconcile
from ansible_collections.cockroachdb.cloud.plugins.modules.cockroach_sql_user import SqlUserResource
from ansible_collections.cockroachdb.cloud.plugins.modules.cockroach_sql_user_info import sql_user_info

CID = "6f1c2a4e-0d7b-4f0e-9a55-3c1e7b2d9f10"
CLUSTER = {"id": CID, "name": "web-app", "state": "CREATED"}
USERS = "/api/v1/clusters/%s/sql-users" % CID
PASSWORD = "Corr3ct-Horse-Battery"
DEFAULTS = dict(cluster="web-app", name="app", state="present", password=None, update_password="on_create",
                wait=True, wait_timeout=600)


class FakeClient(object):
    """The client calls a SQL user task makes, over one cluster's users; records them."""

    def __init__(self, users=(), clusters=(CLUSTER,)):
        self.clusters = [dict(c) for c in clusters]
        self.users = [{"name": n} for n in users]
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
        assert (path, key) == (USERS, "users")
        return [dict(u) for u in self.users]

    def post(self, path, body=None, params=None, idempotent=None):
        self.calls.append(("POST", path, body))
        self.users.append({"name": body["name"]})
        return {"name": body["name"]}

    def put(self, path, body=None, params=None, idempotent=None):
        self.calls.append(("PUT", path, body))
        assert idempotent is True
        return {"name": path.split("/")[-2]}

    def delete(self, path, params=None, idempotent=None):
        self.calls.append(("DELETE", path, None))
        self.users = [u for u in self.users if u["name"] != path.split("/")[-1]]
        return {}

    def mutations(self):
        return [c for c in self.calls if c[0] != "GET"]


def run(client, check_mode=False, **params):
    merged = dict(DEFAULTS)
    merged.update(params)
    return reconcile(SqlUserResource(ModuleContext(client, merged, check_mode=check_mode)))


@pytest.mark.parametrize("params, message", [
    (dict(name=""), "name must not be empty"),
    (dict(name="App"), "invalid SQL user name 'App'"),
    (dict(name="1app"), "not starting with a digit"),
    (dict(name="a b"), "invalid SQL user name"),
    (dict(name="a" * 64), "1 to 63"),
    (dict(name="root"), "'root' is reserved"),
    (dict(name="admin", state="absent"), "'admin' is reserved"),
    (dict(name="public"), "reserved"),
    (dict(name="node"), "reserved"),
    (dict(cluster=""), "cluster must not be empty"),
    (dict(password="short7!"), "at least 8 characters"),
    (dict(update_password="always"), "update_password=always needs a password"),
])
def test_input_checks_need_no_request(params, message):
    client = FakeClient()
    with pytest.raises(InvalidInput, match=message) as info:
        run(client, **params)
    assert client.calls == []
    if params.get("password"):
        assert params["password"] not in str(info.value)


@pytest.mark.parametrize("name", ["a", "_app", ".x", "-x", "app_1.read-only", "z" * 63, "rooted", "nodes"])
def test_valid_names(name):
    client = FakeClient([name])
    assert run(client, name=name)["changed"] is False


def test_a_short_password_does_not_matter_when_deleting():
    client = FakeClient(["app"])
    assert run(client, state="absent", password="short")["changed"] is True


def test_creating_needs_a_password():
    client = FakeClient()
    with pytest.raises(InvalidInput, match="SQL user app does not exist on cluster web-app: give a password"):
        run(client)
    assert client.mutations() == []


def test_check_mode_create_predicts_and_masks():
    client = FakeClient()
    result = run(client, check_mode=True, password=PASSWORD)
    assert result == {"changed": True, "sql_user": {"name": "app"},
                      "diff": {"before": {}, "after": {"name": "app", "password": MASK}}}
    assert client.mutations() == []


def test_create_sends_the_password_once_and_never_returns_it():
    client = FakeClient(["other"])
    result = run(client, password=PASSWORD)
    assert result == {"changed": True, "sql_user": {"name": "app"},
                      "diff": {"before": {}, "after": {"name": "app", "password": MASK}}}
    assert client.mutations() == [("POST", USERS, {"name": "app", "password": PASSWORD})]
    assert PASSWORD not in repr(result)


def test_rerun_on_create_changes_nothing_and_reads_twice():
    client = FakeClient(["app"])
    result = run(client, password="a-different-password")  # not detectable: write-only
    assert result == {"changed": False, "sql_user": {"name": "app"},
                      "diff": {"before": {"name": "app"}, "after": {"name": "app"}}}
    assert client.calls == [("GET", "/api/v1/clusters", None), ("GET", USERS, None)]


def test_cluster_by_id_no_op_is_one_read():
    client = FakeClient(["app"])
    assert run(client, cluster=CID)["changed"] is False
    assert client.calls == [("GET", USERS, None)]


def test_cluster_by_id_is_read_before_a_change():
    client = FakeClient()
    assert run(client, cluster=CID, password=PASSWORD)["changed"] is True
    assert [c[:2] for c in client.calls] == [("GET", USERS), ("GET", "/api/v1/clusters/" + CID), ("POST", USERS)]


def test_password_change_on_a_cluster_given_by_id_reads_it_first():
    client = FakeClient(["app"])
    assert run(client, cluster=CID, password=PASSWORD, update_password="always")["changed"] is True
    assert [c[:2] for c in client.calls] == [("GET", USERS), ("GET", "/api/v1/clusters/" + CID),
                                             ("PUT", USERS + "/app/password")]


def test_unknown_cluster_id():
    client = FakeClient(clusters=())
    with pytest.raises(ClusterNotFound, match="^no cluster with id %s$" % CID):
        run(client, cluster=CID, password=PASSWORD)
    assert run(client, cluster=CID, state="absent")["changed"] is False
    assert client.mutations() == []


def test_always_sets_the_password_every_run():
    client = FakeClient(["app"])
    for attempt in (1, 2):
        result = run(client, password=PASSWORD, update_password="always")
        assert result == {"changed": True, "sql_user": {"name": "app"},
                          "diff": {"before": {"name": "app"}, "after": {"name": "app", "password": MASK}}}, attempt
    assert client.mutations() == [("PUT", USERS + "/app/password", {"password": PASSWORD})] * 2
    assert PASSWORD not in repr(result)


def test_always_in_check_mode_sends_nothing():
    client = FakeClient(["app"])
    result = run(client, check_mode=True, password=PASSWORD, update_password="always")
    assert result["changed"] is True and result["diff"]["after"]["password"] == MASK
    assert client.mutations() == []


def test_always_creates_a_missing_user():
    client = FakeClient()
    assert run(client, password=PASSWORD, update_password="always")["changed"] is True
    assert [c[0] for c in client.mutations()] == ["POST"]


def test_delete_then_nothing_to_delete():
    client = FakeClient(["app", "other"])
    result = run(client, state="absent")
    assert result == {"changed": True, "sql_user": {}, "diff": {"before": {"name": "app"}, "after": {}}}
    assert client.mutations() == [("DELETE", USERS + "/app", None)]
    client.calls = []
    assert run(client, state="absent") == {"changed": False, "sql_user": {}, "diff": {"before": {}, "after": {}}}
    assert client.mutations() == []


def test_delete_in_check_mode_sends_nothing():
    client = FakeClient(["app"])
    assert run(client, check_mode=True, state="absent")["changed"] is True
    assert client.mutations() == []


def test_absent_on_a_missing_cluster_is_unchanged():
    client = FakeClient(clusters=())
    assert run(client, state="absent")["changed"] is False


def test_present_on_a_missing_cluster_fails_clearly():
    client = FakeClient(clusters=())
    with pytest.raises(ClusterNotFound) as info:
        run(client, password=PASSWORD)
    assert str(info.value) == "no cluster named 'web-app' among 0 clusters (show_inactive: false)"
    assert client.mutations() == []


def test_the_last_of_many_users_is_found():
    client = FakeClient(["user%03d" % i for i in range(1, 251)])
    assert run(client, name="user250", password=PASSWORD)["changed"] is False
    assert client.mutations() == []


# -- cockroach_sql_user_info -------------------------------------------------------------------

def test_info_lists_every_user():
    client = FakeClient(["a", "b"])
    assert sql_user_info(client, dict(cluster="web-app", name=None)) == {
        "changed": False, "sql_users": [{"name": "a"}, {"name": "b"}]}
    assert len(client.calls) == 2


def test_info_filters_by_name():
    client = FakeClient(["a", "b"])
    assert sql_user_info(client, dict(cluster="web-app", name="b"))["sql_users"] == [{"name": "b"}]
    assert sql_user_info(client, dict(cluster="web-app", name="zz"))["sql_users"] == []


@pytest.mark.parametrize("params, message", [
    (dict(cluster="", name=None), "cluster must not be empty"),
    (dict(cluster="web-app", name=" "), "name must not be empty"),
])
def test_info_input_checks(params, message):
    client = FakeClient()
    with pytest.raises(InvalidInput, match=message):
        sql_user_info(client, params)
    assert client.calls == []


def test_info_unknown_cluster():
    with pytest.raises(ClusterNotFound, match="no cluster named 'nope-cluster' among "):
        sql_user_info(FakeClient(), dict(cluster="nope-cluster", name=None))
