# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""cockroach_cluster's mapping: checks, normalisation, changes, prediction, diffs (no HTTP)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import ApiError, CockroachClient, WaitTimeout
from ansible_collections.cockroachdb.cloud.plugins.module_utils._cluster_resource import ClusterResource, normalize_version
from ansible_collections.cockroachdb.cloud.plugins.module_utils._clusters import ClusterNotFound
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resource import InvalidInput, ModuleContext, reconcile

DEFAULTS = dict(name=None, id=None, state="present", cloud_provider=None, plan=None, regions=None,
                serverless=None, dedicated=None, cockroach_version=None, labels=None, purge_labels=False,
                delete_protection=None, folder=None, wait=True, wait_timeout=60)

SERVERLESS = {
    "id": "6f1c2a4e-0d7b-4f0e-9a55-3c1e7b2d9f10", "name": "web-app", "cloud_provider": "GCP",
    "plan": "SERVERLESS", "state": "CREATED", "cockroach_version": "v24.3.8",
    "regions": [{"name": "us-central1", "node_count": 0, "primary": True}],
    "config": {"serverless": {"usage_limits": {"request_unit_limit": 1000}}},
    "labels": {"env": "prod"}, "delete_protection": "DISABLED", "parent_id": "root",
}
DEDICATED = {
    "id": "0b8d9c3a-8f2e-4d1b-a9e4-5c6f7a8b9c0d", "name": "orders-db", "cloud_provider": "AWS",
    "plan": "DEDICATED", "state": "CREATED", "cockroach_version": "v24.2.10",
    "regions": [{"name": "us-east-1", "node_count": 3}],
    "config": {"dedicated": {"machine_type": "m6i.xlarge", "num_virtual_cpus": 4, "storage_gib": 15,
                             "memory_gib": 16, "disk_iops": 0}},
    "labels": {}, "delete_protection": "ENABLED", "parent_id": "root",
}


class FakeClient(object):
    """Answers the reads a cluster task makes; records every call."""

    def __init__(self, clusters=(), regions=("us-central1", "us-east-1", "us-west-2")):
        self.clusters = [dict(c) for c in clusters]
        self.regions = regions
        self.calls = []

    def paginate(self, path, key, params=None):
        self.calls.append(("GET", path, params))
        if path == "/api/v1/clusters":
            return iter(self.clusters)
        if path == "/api/v1/clusters/available-regions":
            return iter([{"name": r} for r in self.regions])
        raise AssertionError(path)

    def get(self, path, params=None):
        self.calls.append(("GET", path, params))
        for cluster in self.clusters:
            if path.endswith(cluster["id"]):
                return cluster
        if path.startswith("/api/v1/clusters/"):
            raise ApiError("cluster not found", status=404, method="GET", path=path)
        raise AssertionError(path)

    def mutations(self):
        return [c for c in self.calls if c[0] != "GET"]


def resource(client=None, check_mode=False, **params):
    merged = dict(DEFAULTS)
    merged.update(params)
    return ClusterResource(ModuleContext(client or FakeClient(), merged, check_mode=check_mode))


@pytest.mark.parametrize("given, major", [("24.2", "v24.2"), ("v24.2", "v24.2"), ("v24.2.10", "v24.2"), (None, None)])
def test_normalize_version(given, major):
    assert normalize_version(given) == major


@pytest.mark.parametrize("params, message", [
    (dict(name="Bad_Name"), "invalid cluster name 'Bad_Name'"),
    (dict(name="web-app", regions=[{"name": "us-east-1", "node_count": 2}]), "at least 3 nodes per region"),
    (dict(name="web-app", plan="serverless", dedicated={"storage_gib": 15}), "plan is serverless but dedicated"),
    (dict(name="web-app", regions=[{"name": "a", "primary": True}, {"name": "b", "primary": True}]),
     "only one region can be primary"),
    (dict(name="web-app", plan="serverless", regions=[{"name": "a"}, {"name": "b"}]), "needs one region with primary"),
    (dict(name="web-app", regions=[{"name": "a", "primary": True}, {"name": "a"}]), "must not repeat"),
    (dict(name="web-app", plan="serverless", cockroach_version="v24.3"), "dedicated clusters only"),
    (dict(name="web-app", labels={"env": 1}), "must have a string value"),
    (dict(id="web-app"), "id must be a cluster id (a UUID"),
    (dict(name="web-app", serverless={"spend_limit": 500, "usage_limits": {"request_unit_limit": 1000}}),
     "serverless.spend_limit and serverless.usage_limits cannot be used together"),
    (dict(name="web-app", plan="serverless", regions=[{"name": "us-central1", "primary": False}]),
     "region us-central1 is the only region, so it is the primary region"),
    (dict(name="orders-db", cockroach_version="v24.3.5"), "takes a major version such as v24.3, got 'v24.3.5'"),
    (dict(name="orders-db", cockroach_version="latest"), "must be a major version such as v24.3"),
])
def test_input_checks_need_no_request(params, message):
    client = FakeClient()
    with pytest.raises(InvalidInput, match=message.replace("(", r"\(")):
        reconcile(resource(client, **params))
    assert client.calls == []


def test_create_needs_provider_and_regions():
    with pytest.raises(InvalidInput, match="also give: cloud_provider, regions"):
        reconcile(resource(name="new-cluster"))


def test_unknown_region_fails_with_the_available_ones():
    client = FakeClient()
    with pytest.raises(InvalidInput, match="unknown region.*mars-1; available: us-central1, us-east-1"):
        reconcile(resource(client, name="new-cluster", cloud_provider="GCP", regions=[{"name": "mars-1"}]))
    assert client.mutations() == []


def test_check_mode_create_predicts_without_changing():
    client = FakeClient()
    result = reconcile(resource(client, check_mode=True, name="new-cluster", cloud_provider="GCP",
                                regions=[{"name": "us-central1"}], labels={"a": "b"},
                                serverless={"usage_limits": {"request_unit_limit": 5, "storage_mib_limit": None,
                                                             "provisioned_virtual_cpus": None}, "spend_limit": None}))
    assert result["changed"] is True
    assert result["cluster"]["plan"] == "SERVERLESS" and "id" not in result["cluster"]
    assert result["cluster"]["config"]["serverless"]["usage_limits"] == {"request_unit_limit": 5}
    assert result["diff"]["before"] == {} and result["diff"]["after"]["labels"] == {"a": "b"}
    assert client.mutations() == []


def test_same_options_change_nothing_and_read_once():
    client = FakeClient([SERVERLESS])
    result = reconcile(resource(client, name="web-app", cloud_provider="GCP", regions=[{"name": "us-central1"}],
                                serverless={"usage_limits": {"request_unit_limit": 1000}}, labels={"env": "prod"},
                                delete_protection=False, folder="/"))
    assert result["changed"] is False
    assert result["diff"]["before"] == result["diff"]["after"]
    assert client.calls == [("GET", "/api/v1/clusters", None)]


def test_labels_merge_unless_purged():
    merged = resource(FakeClient([SERVERLESS]), name="web-app", labels={"team": "x"}).changes(SERVERLESS)
    assert merged == {"body": {"labels": {"env": "prod", "team": "x"}}}
    purged = resource(FakeClient([SERVERLESS]), name="web-app", labels={"team": "x"}, purge_labels=True).changes(SERVERLESS)
    assert purged == {"body": {"labels": {"team": "x"}}}


def test_usage_limits_compare_only_given_limits():
    same = resource(name="web-app", serverless={"usage_limits": {"request_unit_limit": 1000}})
    assert same.changes(SERVERLESS) == {}
    more = resource(name="web-app", serverless={"usage_limits": {"storage_mib_limit": 10}})
    limits = {"request_unit_limit": 1000, "storage_mib_limit": 10}
    assert more.changes(SERVERLESS) == {"body": {"serverless": {"usage_limits": limits}}}


def test_dedicated_scale_and_version_are_separate_changes():
    ask = resource(FakeClient([DEDICATED]), id=DEDICATED["id"], regions=[{"name": "us-east-1", "node_count": 5}],
                   dedicated={"num_virtual_cpus": 8, "storage_gib": 15}, cockroach_version="24.3")
    changes = ask.changes(DEDICATED)
    assert changes == {"body": {"dedicated": {"region_nodes": {"us-east-1": 5},
                                              "hardware": {"machine_spec": {"num_virtual_cpus": 8}}}},
                       "version": "v24.3"}
    predicted = ask.predict_update(dict(DEDICATED, config={"dedicated": dict(DEDICATED["config"]["dedicated"])}), changes)
    assert predicted["regions"] == [{"name": "us-east-1", "node_count": 5}]
    assert predicted["config"]["dedicated"]["num_virtual_cpus"] == 8
    assert predicted["cockroach_version"] == "v24.3"


def test_same_major_version_is_no_change():
    assert resource(id=DEDICATED["id"], cockroach_version="v24.2").changes(DEDICATED) == {}


def test_storage_cannot_shrink():
    with pytest.raises(InvalidInput, match="cannot shrink from 15 to 10"):
        resource(id=DEDICATED["id"], dedicated={"storage_gib": 10}).changes(DEDICATED)


@pytest.mark.parametrize("params, message", [
    (dict(id=DEDICATED["id"], dedicated={"network_visibility": "PRIVATE"}),
     "has network visibility PUBLIC; it is set when a cluster is created and cannot change to PRIVATE"),
    (dict(id=DEDICATED["id"], plan="serverless"), "its plan cannot change to SERVERLESS"),
    (dict(id=DEDICATED["id"], cloud_provider="GCP"), "its cloud provider cannot change to GCP"),
    (dict(id=DEDICATED["id"], name="renamed-db"), "cannot be renamed"),
])
def test_immutable_fields(params, message):
    client = FakeClient([DEDICATED])
    with pytest.raises(InvalidInput, match=message):
        reconcile(resource(client, **params))
    assert client.mutations() == []


def test_protected_cluster_is_deleted_only_when_asked():
    with pytest.raises(InvalidInput, match="has delete protection enabled"):
        reconcile(resource(FakeClient([DEDICATED]), id=DEDICATED["id"], state="absent"))
    result = reconcile(resource(FakeClient([DEDICATED]), check_mode=True, id=DEDICATED["id"], state="absent",
                                delete_protection=False))
    assert result["changed"] is True and result["diff"]["after"] == {}


def test_view_uses_the_options_vocabulary():
    view = resource().view(DEDICATED)
    assert view["delete_protection"] is True
    assert view["folder"] == "root"
    assert view["regions"] == [{"name": "us-east-1", "node_count": 3}]
    assert view["dedicated"] == {"machine_type": "m6i.xlarge", "num_virtual_cpus": 4, "storage_gib": 15, "disk_iops": 0,
                                 "network_visibility": "PUBLIC"}
    assert "serverless" not in view


# -- an id names an existing cluster -------------------------------------------------------------

UNKNOWN_ID = "11111111-2222-4333-8444-555555555555"


def test_unknown_id_fails_and_never_creates():
    client = FakeClient([SERVERLESS])
    with pytest.raises(ClusterNotFound) as info:
        reconcile(resource(client, id=UNKNOWN_ID, name="web-app2", cloud_provider="GCP",
                           regions=[{"name": "us-central1"}]))
    assert str(info.value) == "no cluster with id %s" % UNKNOWN_ID
    assert client.mutations() == []


def test_unknown_id_with_labels_only_fails_without_asking_for_create_options():
    with pytest.raises(ClusterNotFound, match="^no cluster with id %s$" % UNKNOWN_ID):
        reconcile(resource(FakeClient(), id=UNKNOWN_ID, labels={"env": "x"}))


def test_unknown_id_in_check_mode_fails_too():
    with pytest.raises(ClusterNotFound):
        reconcile(resource(FakeClient(), check_mode=True, id=UNKNOWN_ID, name="web-app2", cloud_provider="GCP",
                           regions=[{"name": "us-central1"}]))


def test_unknown_id_absent_is_a_no_op():
    client = FakeClient()
    result = reconcile(resource(client, id=UNKNOWN_ID, state="absent"))
    assert result["changed"] is False and result["cluster"] == {}
    assert client.mutations() == []


def test_deleted_id_fails_saying_so():
    deleted = dict(SERVERLESS, state="DELETED", deleted_at="2026-11-01T10:00:00Z")
    with pytest.raises(ClusterNotFound, match="no cluster with id %s: it was deleted at 2026-11-01T10:00:00Z"
                       % SERVERLESS["id"]):
        reconcile(resource(FakeClient([deleted]), id=SERVERLESS["id"], labels={"a": "b"}))


# -- spend limit or usage limits --------------------------------------------------------------------

SPEND_LIMITED = dict(SERVERLESS, config={"serverless": {"spend_limit": 500, "usage_limits": {}}})


def test_usage_limits_replace_a_spend_limit_once():
    limits = {"request_unit_limit": 1000}
    task = resource(id=SPEND_LIMITED["id"], serverless={"usage_limits": limits})
    changes = task.changes(SPEND_LIMITED)
    assert changes == {"body": {"serverless": {"usage_limits": {"request_unit_limit": 1000}}}}
    predicted = task.predict_update(dict(SPEND_LIMITED, config={"serverless": {"spend_limit": 500,
                                                                               "usage_limits": {}}}), changes)
    # As the service does: the spend limit is gone, so the next run is a no-op.
    assert predicted["config"]["serverless"] == {"usage_limits": {"request_unit_limit": 1000}}
    assert resource(id=SPEND_LIMITED["id"], serverless={"usage_limits": limits}).changes(predicted) == {}


def test_a_spend_limit_replaces_usage_limits_once():
    task = resource(id=SERVERLESS["id"], serverless={"spend_limit": 700})
    changes = task.changes(SERVERLESS)
    assert changes == {"body": {"serverless": {"spend_limit": 700}}}
    predicted = task.predict_update(dict(SERVERLESS, config={"serverless": {"usage_limits": {"request_unit_limit": 1}}}),
                                    changes)
    assert predicted["config"]["serverless"] == {"spend_limit": 700, "usage_limits": {}}
    assert resource(id=SERVERLESS["id"], serverless={"spend_limit": 700}).changes(predicted) == {}


# -- a change that went through reports changed=true even when the wait fails -----------------------

class SlowCreateClient(FakeClient):
    """Creates a cluster (POST answered 200) that then stays CREATING."""

    changed_since = CockroachClient.changed_since

    def __init__(self):
        super(SlowCreateClient, self).__init__()
        self.calls = []

    def post(self, path, body=None, params=None, idempotent=None):
        self.calls.append(("POST", path, 200))
        return {"id": UNKNOWN_ID, "name": body["name"], "state": "CREATING", "plan": "SERVERLESS",
                "cloud_provider": "GCP", "regions": [{"name": "us-central1"}], "config": {"serverless": {}}}

    def paginate(self, path, key, params=None):
        self.calls.append(("GET", path, 200))
        return iter([{"name": "us-central1"}] if "available-regions" in path else [])

    def wait_for(self, fetch, done, timeout, what="", **kwargs):
        raise WaitTimeout("timed out after 3 s waiting for %s" % what, last={"id": UNKNOWN_ID, "state": "CREATING"},
                          waited=3.0)


def test_create_that_times_out_waiting_reports_changed_with_the_cluster():
    client = SlowCreateClient()
    with pytest.raises(WaitTimeout) as info:
        reconcile(resource(client, name="slow-cl", cloud_provider="GCP", regions=[{"name": "us-central1"}],
                           wait_timeout=3))
    assert info.value.result == {"changed": True, "cluster": {"id": UNKNOWN_ID, "state": "CREATING"}}
    assert str(info.value).startswith("timed out after 3 s waiting for cluster slow-cl to leave state CREATING; "
                                      "the change was made and goes on")


def test_failure_before_any_change_reports_no_change():
    client = SlowCreateClient()

    def refuse(*_args, **_kwargs):
        client.calls.append(("POST", "/api/v1/clusters", 400))
        raise ApiError("quota exceeded", status=400, method="POST", path="/api/v1/clusters")

    client.post = refuse
    with pytest.raises(ApiError) as info:
        reconcile(resource(client, name="slow-cl", cloud_provider="GCP", regions=[{"name": "us-central1"}]))
    assert not hasattr(info.value, "result")
