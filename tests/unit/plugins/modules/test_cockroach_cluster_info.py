# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The pure logic of cockroach_cluster_info: filters, input checks, which requests it sends."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import ApiError
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resource import InvalidInput
from ansible_collections.cockroachdb.cloud.plugins.modules import cockroach_cluster_info as info

LAB_ID = "5d56c004-1ae9-4f72-9fc8-ed1a0cda3957"
SLS_ID = "dcd7d7ba-cea3-456c-a82b-a2b791a39b78"
OLD_ID = "0b6b8d3e-1f0a-4c1e-9a57-55d2f3a1c0de"
NEW_ID = "7f3e2a10-5b4c-4d9e-8f01-23456789abcd"


def cluster(cluster_id, name, plan="DEDICATED", provider="AWS", state="CREATED", labels=None, nodes=3):
    return {"id": cluster_id, "name": name, "plan": plan, "cloud_provider": provider, "state": state,
            "labels": labels or {}, "sql_dns": "%s.example" % name,
            "regions": [{"name": "us-east-1", "node_count": nodes if plan == "DEDICATED" else 0}]}


CLUSTERS = [
    cluster(LAB_ID, "lab-cluster", labels={"env": "prod", "tier": "1"}),
    cluster(SLS_ID, "sls-cluster", plan="SERVERLESS", provider="GCP", labels={"env": "prod", "ok": "true"}),
    cluster(OLD_ID, "reused-name", plan="SERVERLESS", state="DELETED"),
    cluster(NEW_ID, "reused-name", provider="AZURE", state="CREATING", nodes=4),
]


class FakeClient(object):
    """The part of CockroachClient the module uses, over a list of clusters; records calls."""

    def __init__(self, clusters=None, gone=()):
        self.clusters = [dict(c) for c in (CLUSTERS if clusters is None else clusters)]
        self.gone = set(gone)  # ids whose sub-resources answer 404 (deleted meanwhile)
        self.calls = []

    def get(self, path, params=None):
        self.calls.append(("GET", path, dict(params or {})))
        parts = path.split("/")
        by_id = dict((c["id"], c) for c in self.clusters)
        if len(parts) == 5:
            if parts[4] not in by_id:
                raise ApiError("cluster not found", status=404, method="GET", path=path)
            return by_id[parts[4]]
        if parts[4] in self.gone or by_id.get(parts[4], {}).get("state") == "DELETED":
            raise ApiError("cluster not found", status=404, method="GET", path=path)
        if parts[5] == "connection-string":
            params = params or {}
            user = params.get("sql_user")
            return {"connection_string": "postgresql://%s%s:26257/%s?sslmode=verify-full" % (
                user + "@" if user else "", by_id[parts[4]]["sql_dns"], params.get("database", "defaultdb"))}
        raise AssertionError("unexpected GET %s" % path)

    def paginate(self, path, items_key, params=None, page_size=500):
        self.calls.append(("LIST", path, dict(params or {})))
        if path == "/api/v1/clusters":
            show_inactive = (params or {}).get("show_inactive") == "true"
            for item in self.clusters:
                if show_inactive or item["state"] != "DELETED":
                    yield item
            return
        cluster_id = path.split("/")[4]
        if cluster_id in self.gone:
            raise ApiError("cluster not found", status=404, method="GET", path=path)
        target = [c for c in self.clusters if c["id"] == cluster_id][0]
        for region in target["regions"]:
            for index in range(region["node_count"]):
                yield {"name": "%s-%d" % (target["name"], index), "region_name": region["name"], "status": "LIVE"}

    def list_all(self, path, items_key, params=None, page_size=500):
        return list(self.paginate(path, items_key, params=params, page_size=page_size))


def params(**given):
    base = dict((name, None) for name in info.ARGUMENT_SPEC)
    base.update(show_inactive=False, include_nodes=False, include_connection_string=False)
    base.update(given)
    return base


def ids(result):
    return [c["id"] for c in result["clusters"]]


# -- filters ---------------------------------------------------------------------------
@pytest.mark.parametrize("value, expected", [
    ("prod", "prod"), (1, "1"), (2.5, "2.5"), (True, "true"), (False, "false"), (None, None)])
def test_label_values_compare_as_the_api_stores_them(value, expected):
    assert info.label_value(value) == expected


def test_filters_are_normalised():
    filters = info.filters_from(params(plan="DEDICATED", state=" created ", labels={"tier": 1, "any": None}))
    assert filters == {"plan": "DEDICATED", "state": "CREATED", "labels": {"tier": "1", "any": None}}
    assert info.filters_from(params()) == {}
    assert info.filters_from(params(labels={})) == {}


@pytest.mark.parametrize("filters, matching", [
    ({}, [LAB_ID, SLS_ID, OLD_ID, NEW_ID]),
    ({"plan": "SERVERLESS"}, [SLS_ID, OLD_ID]),
    ({"cloud_provider": "AWS"}, [LAB_ID, OLD_ID]),
    ({"state": "CREATING"}, [NEW_ID]),
    ({"labels": {"env": "prod"}}, [LAB_ID, SLS_ID]),
    ({"labels": {"env": "prod", "tier": "1"}}, [LAB_ID]),
    ({"labels": {"tier": None}}, [LAB_ID]),
    ({"labels": {"env": "dev"}}, []),
    ({"plan": "DEDICATED", "labels": {"env": "prod"}}, [LAB_ID]),
])
def test_every_filter_must_match(filters, matching):
    assert [c["id"] for c in CLUSTERS if info.matches(c, filters)] == matching


def test_a_cluster_without_labels_matches_no_label_filter():
    bare = {"id": LAB_ID, "plan": "DEDICATED"}
    assert info.matches(bare, {"plan": "DEDICATED"})
    assert not info.matches(bare, {"labels": {"env": None}})


# -- input checks ----------------------------------------------------------------------
@pytest.mark.parametrize("given, message", [
    ({"id": "lab-cluster"}, "id must be a cluster id (a UUID"),
    ({"name": "  "}, "name must not be empty"),
    ({"sql_user": "app"}, "sql_user only applies to the connection string"),
    ({"database": "d", "os": "MAC"}, "database, os only apply to the connection string"),
])
def test_bad_input_fails_before_any_request(given, message):
    client = FakeClient()
    with pytest.raises(InvalidInput) as caught:
        info.cluster_info(client, params(**given))
    assert message in str(caught.value)
    assert client.calls == []


def test_connection_options_are_fine_with_include_connection_string():
    info.check_input(params(include_connection_string=True, sql_user="app", database="d", os="MAC"))


# -- lookups ---------------------------------------------------------------------------
def test_by_name_costs_one_listing():
    client = FakeClient()
    result = info.cluster_info(client, params(name="lab-cluster"))
    assert result == {"changed": False, "clusters": [CLUSTERS[0]]}
    assert client.calls == [("LIST", "/api/v1/clusters", {})]


def test_by_id_costs_one_get():
    client = FakeClient()
    assert ids(info.cluster_info(client, params(id=SLS_ID))) == [SLS_ID]
    assert client.calls == [("GET", "/api/v1/clusters/" + SLS_ID, {})]


def test_an_id_given_as_name_is_looked_up_as_an_id():
    client = FakeClient()
    assert ids(info.cluster_info(client, params(name=LAB_ID))) == [LAB_ID]
    assert [call[0] for call in client.calls] == ["GET"]


@pytest.mark.parametrize("given", [{"name": "no-such-name"}, {"id": "00000000-0000-4000-8000-000000000000"}])
def test_not_found_is_an_empty_list(given):
    assert info.cluster_info(FakeClient(), params(**given)) == {"changed": False, "clusters": []}


def test_deleted_clusters_only_with_show_inactive():
    assert ids(info.cluster_info(FakeClient(), params(id=OLD_ID))) == []
    assert ids(info.cluster_info(FakeClient(), params(id=OLD_ID, show_inactive=True))) == [OLD_ID]
    assert OLD_ID not in ids(info.cluster_info(FakeClient(), params()))
    client = FakeClient()
    assert OLD_ID in ids(info.cluster_info(client, params(show_inactive=True)))
    assert client.calls == [("LIST", "/api/v1/clusters", {"show_inactive": "true"})]


def test_state_deleted_implies_show_inactive():
    client = FakeClient()
    assert ids(info.cluster_info(client, params(state="deleted"))) == [OLD_ID]
    assert client.calls[0][2] == {"show_inactive": "true"}


def test_a_reused_name_gives_the_live_cluster_first():
    assert ids(info.cluster_info(FakeClient(), params(name="reused-name"))) == [NEW_ID]
    client = FakeClient()
    assert ids(info.cluster_info(client, params(name="reused-name", show_inactive=True))) == [NEW_ID, OLD_ID]
    assert client.calls == [("LIST", "/api/v1/clusters", {"show_inactive": "true"})]


def test_filters_apply_to_the_cluster_found_by_name_or_id():
    assert ids(info.cluster_info(FakeClient(), params(name="sls-cluster", plan="DEDICATED"))) == []
    assert ids(info.cluster_info(FakeClient(), params(id=SLS_ID, cloud_provider="GCP"))) == [SLS_ID]
    assert ids(info.cluster_info(FakeClient(), params(id=SLS_ID, labels={"ok": True}))) == [SLS_ID]


def test_listing_with_filters():
    result = info.cluster_info(FakeClient(), params(plan="DEDICATED", labels={"env": "prod"}))
    assert ids(result) == [LAB_ID]


# -- nodes and connection strings ------------------------------------------------------
def test_nodes_only_for_live_dedicated_clusters():
    client = FakeClient()
    result = info.cluster_info(client, params(include_nodes=True, show_inactive=True))
    nodes = dict((c["id"], c["nodes"]) for c in result["clusters"])
    assert len(nodes[LAB_ID]) == 3
    assert len(nodes[NEW_ID]) == 4
    assert nodes[SLS_ID] == [] and nodes[OLD_ID] == []
    node_paths = [call[1] for call in client.calls if call[1].endswith("/nodes")]
    assert node_paths == ["/api/v1/clusters/%s/nodes" % LAB_ID, "/api/v1/clusters/%s/nodes" % NEW_ID]
    assert "connection_string" not in result["clusters"][0]


def test_the_input_clusters_are_not_changed():
    client = FakeClient()
    info.cluster_info(client, params(include_nodes=True, include_connection_string=True))
    assert all("nodes" not in c and "connection_string" not in c for c in client.clusters)


def test_connection_string_with_options():
    client = FakeClient()
    result = info.cluster_info(client, params(id=LAB_ID, include_connection_string=True,
                                              sql_user="app", database="orders", os="LINUX"))
    assert result["clusters"][0]["connection_string"] == (
        "postgresql://app@lab-cluster.example:26257/orders?sslmode=verify-full")
    assert client.calls[-1] == ("GET", "/api/v1/clusters/%s/connection-string" % LAB_ID,
                                {"sql_user": "app", "database": "orders", "os": "LINUX"})


def test_connection_string_defaults_and_deleted_clusters():
    client = FakeClient()
    result = info.cluster_info(client, params(include_connection_string=True, show_inactive=True))
    strings = dict((c["id"], c.get("connection_string")) for c in result["clusters"])
    assert strings[SLS_ID] == "postgresql://sls-cluster.example:26257/defaultdb?sslmode=verify-full"
    assert strings[OLD_ID] is None
    assert len([call for call in client.calls if call[1].endswith("/connection-string")]) == 3


def test_a_cluster_deleted_meanwhile_has_no_details():
    client = FakeClient(gone=[LAB_ID])
    result = info.cluster_info(client, params(name="lab-cluster", include_nodes=True,
                                              include_connection_string=True))
    assert result["clusters"][0]["nodes"] == []
    assert "connection_string" not in result["clusters"][0]


def test_other_errors_propagate():
    class Forbidden(FakeClient):
        def list_all(self, path, items_key, params=None, page_size=500):
            raise ApiError("no role", status=403, method="GET", path=path)

    with pytest.raises(ApiError) as caught:
        info.cluster_info(Forbidden(), params(name="lab-cluster", include_nodes=True))
    assert caught.value.status == 403
