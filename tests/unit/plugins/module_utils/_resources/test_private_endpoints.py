# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""private_endpoints on the in-process emulator: the services of a cluster (one
POST for every region, the wait until every one is AVAILABLE, a region gained since), the
connections one by endpoint id and as a set (the services checked before an add, the wait
for the accepted state, REJECTED and FAILED), serverless clusters, input checks before any
request, and the info modules."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import ApiError, WaitTimeout
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import InvalidInput
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.info import listing_info
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.private_endpoints import (
    CONNECTION_READY,
    SERVICES_READY,
    PrivateEndpointConnections,
    PrivateEndpointConnectionSet,
    PrivateEndpointServices,
    connection_region,
    connection_task,
)
from ansible_collections.cockroachdb.cloud.plugins.modules import cockroach_private_endpoint_connection as connection
from ansible_collections.cockroachdb.cloud.plugins.modules import cockroach_private_endpoint_services as services
from ansible_collections.cockroachdb.cloud.tests.unit.emulator import install, task_params

VPCE = "vpce-0123456789abcdef0"
VPCE2 = "vpce-0fedcba987654321f"
TWO_REGIONS = {"region_nodes": {"us-east-1": 3, "us-west-2": 3},
               "hardware": {"machine_spec": {"num_virtual_cpus": 4}, "storage_gib": 15}}


task = task_params  # (module, **given): the parameters of a task of that module


def run_services(emulator, check_mode=False, **given):
    given.setdefault("cluster", "orders-db")
    return PrivateEndpointServices(emulator.context(task(services, **given), check_mode=check_mode)).run()


def run(emulator, check_mode=False, **given):
    given.setdefault("cluster", "orders-db")
    return connection_task(emulator.context(task(connection, **given), check_mode=check_mode))


@pytest.fixture
def orders_db(emulator):
    """A dedicated AWS cluster in us-east-1 and us-west-2; ``net`` is its networking path."""
    cluster = emulator.cluster("orders-db", plan="DEDICATED", provider="AWS", dedicated=TWO_REGIONS)
    cluster["net"] = "/api/v1/clusters/%s/networking" % cluster["id"]
    return cluster


@pytest.fixture
def with_services(emulator, orders_db):
    """orders-db with its private endpoint services, AVAILABLE."""
    emulator.admin.post(orders_db["net"] + "/private-endpoint-services")
    emulator.clock.sleep(5)
    return orders_db


def connections(emulator, cluster):
    return emulator.admin.get(cluster["net"] + "/private-endpoint-connections")["connections"]


# -- the services ------------------------------------------------------------------------------

def test_the_services_are_created_once_and_waited_for(emulator, orders_db):
    mark = emulator.mark()
    predicted = run_services(emulator, check_mode=True)
    assert emulator.operations(mark) == ["ListClusters", "ListPrivateEndpointServices"]
    assert predicted["changed"] is True
    assert predicted["services"] == [{"region_name": "us-east-1", "cloud_provider": "AWS", "status": "AVAILABLE"},
                                     {"region_name": "us-west-2", "cloud_provider": "AWS", "status": "AVAILABLE"}]

    mark = emulator.mark()
    sleeps = len(emulator.clock.sleeps)
    created = run_services(emulator)
    path = orders_db["net"] + "/private-endpoint-services"
    assert emulator.since(mark) == [("GET", "/api/v1/clusters", 200), ("GET", path, 200), ("POST", path, 200),
                                    ("GET", path, 200), ("GET", path, 200)]
    assert emulator.sent(mark) == [("CreatePrivateEndpointServices", path, None)]
    assert emulator.clock.sleeps[sleeps:] == [1.0]  # CREATING for a second
    assert created["changed"] is True and created["diff"] == predicted["diff"] == {
        "before": {}, "after": {"regions": ["us-east-1", "us-west-2"]}}
    assert [(s["region_name"], s["status"]) for s in created["services"]] == [
        ("us-east-1", "AVAILABLE"), ("us-west-2", "AVAILABLE")]
    east = created["services"][0]["aws"]
    assert east["service_name"] == "com.amazonaws.vpce.us-east-1.%s" % east["service_id"]
    assert [dict((k, s[k]) for k in ("region_name", "cloud_provider", "status")) for s in created["services"]] == \
        predicted["services"]

    mark = emulator.mark()
    again = run_services(emulator)
    assert again["changed"] is False and again["services"] == created["services"]
    assert again["diff"]["before"] == again["diff"]["after"] == {"regions": ["us-east-1", "us-west-2"]}
    assert emulator.operations(mark) == ["ListClusters", "ListPrivateEndpointServices"]
    mark = emulator.mark()
    assert run_services(emulator, cluster=orders_db["id"])["changed"] is False
    assert emulator.operations(mark) == ["GetCluster", "ListPrivateEndpointServices"]


def test_a_region_gained_since_gets_its_service(emulator):
    cluster = emulator.cluster("orders-db", plan="DEDICATED", provider="AWS")
    run_services(emulator)
    emulator.admin.patch("/api/v1/clusters/%s" % cluster["id"], {"dedicated": {"region_nodes": TWO_REGIONS[
        "region_nodes"]}})  # the cluster is LOCKED while it scales
    mark = emulator.mark()
    predicted = run_services(emulator, check_mode=True)
    result = run_services(emulator)
    assert emulator.mutations(mark) == ["CreatePrivateEndpointServices"]
    ops = emulator.operations(mark)
    assert ops.index("GetCluster") < ops.index("CreatePrivateEndpointServices")  # waited for the cluster first
    assert result["diff"] == predicted["diff"] == {"before": {"regions": ["us-east-1"]},
                                                   "after": {"regions": ["us-east-1", "us-west-2"]}}
    assert [s["status"] for s in result["services"]] == ["AVAILABLE", "AVAILABLE"]


def test_wait_false_returns_them_creating_and_a_rerun_waits(emulator, orders_db):
    first = run_services(emulator, wait=False)
    assert [s["status"] for s in first["services"]] == ["CREATING", "CREATING"]
    mark = emulator.mark()
    second = run_services(emulator)
    assert second["changed"] is False and [s["status"] for s in second["services"]] == ["AVAILABLE", "AVAILABLE"]
    assert emulator.mutations(mark) == [] and emulator.clock.sleeps[-1] == 1.0


def test_a_conflict_means_they_exist_and_they_are_read(emulator, orders_db):
    ctx = emulator.context(task(services, cluster="orders-db"))
    post = ctx.client.post

    def post_then_conflict(path, body=None, params=None, idempotent=None):
        post(path, body, params, idempotent)
        raise ApiError("private endpoint services already exist", status=409, method="POST", path=path)

    ctx.client.post = post_then_conflict
    mark = emulator.mark()
    result = PrivateEndpointServices(ctx).run()
    assert result["changed"] is True and [s["status"] for s in result["services"]] == ["AVAILABLE", "AVAILABLE"]
    assert emulator.operations(mark) == ["ListClusters", "ListPrivateEndpointServices",
                                         "CreatePrivateEndpointServices", "ListPrivateEndpointServices",
                                         "ListPrivateEndpointServices", "ListPrivateEndpointServices"]


def test_services_of_a_serverless_cluster_are_refused_and_listed_empty(emulator):
    emulator.cluster("web-app")
    mark = emulator.mark()
    with pytest.raises(InvalidInput, match="^private connectivity is only available on dedicated clusters; cluster "
                                           "web-app is serverless$"):
        run_services(emulator, cluster="web-app")
    assert emulator.operations(mark) == ["ListClusters"]
    assert listing_info(emulator.context({"cluster": "web-app"}), PrivateEndpointServices, "services",
                        key_option=None) == {"changed": False, "services": []}


def test_services_info_is_one_read(emulator, with_services):
    mark = emulator.mark()
    found = listing_info(emulator.context({"cluster": with_services["id"]}), PrivateEndpointServices, "services",
                         key_option=None)
    assert [s["region_name"] for s in found["services"]] == ["us-east-1", "us-west-2"]
    assert emulator.queries(mark) == [(with_services["net"] + "/private-endpoint-services", {})]  # no page options


# -- one connection ------------------------------------------------------------------------------

def test_the_cycle_of_one_connection(emulator, with_services):
    base = with_services["net"] + "/private-endpoint-connections"
    mark = emulator.mark()
    predicted = run(emulator, check_mode=True, endpoint_id=VPCE)
    assert emulator.operations(mark) == ["ListClusters", "ListPrivateEndpointConnections",
                                         "ListPrivateEndpointServices"]
    assert emulator.mutations(mark) == []

    mark = emulator.mark()
    added = run(emulator, endpoint_id=VPCE)
    assert emulator.operations(mark) == ["ListClusters", "ListPrivateEndpointConnections",
                                         "ListPrivateEndpointServices", "AddPrivateEndpointConnection",
                                         "ListPrivateEndpointConnections", "ListPrivateEndpointConnections"]
    assert emulator.sent(mark) == [("AddPrivateEndpointConnection", base, {"endpoint_id": VPCE})]
    found = added["private_endpoint_connection"]
    assert added["changed"] is True and found["status"] == "STATUS_AVAILABLE" and found["region_name"] == "us-east-1"
    assert found == connections(emulator, with_services)[0]
    assert added["diff"] == predicted["diff"] == {"before": {}, "after": {"endpoint_id": VPCE}}
    assert predicted["private_endpoint_connection"] == dict((k, v) for k, v in found.items() if k != "id")

    mark = emulator.mark()
    again = run(emulator, endpoint_id=VPCE)
    assert again["changed"] is False and emulator.operations(mark) == ["ListClusters",
                                                                       "ListPrivateEndpointConnections"]

    mark = emulator.mark()
    check_removed = run(emulator, check_mode=True, endpoint_id=VPCE, state="absent")
    removed = run(emulator, endpoint_id=VPCE, state="absent")
    assert emulator.sent(mark) == [("DeletePrivateEndpointConnection", "%s/%s" % (base, VPCE), None)]
    assert removed == check_removed and removed["changed"] is True
    assert removed["diff"] == {"before": {"endpoint_id": VPCE, "region": "us-east-1"}, "after": {}}
    mark = emulator.mark()
    assert run(emulator, endpoint_id=VPCE, state="absent")["changed"] is False
    assert emulator.mutations(mark) == [] and connections(emulator, with_services) == []


def test_a_region_is_sent_when_given_and_cannot_change(emulator, with_services):
    base = with_services["net"] + "/private-endpoint-connections"
    mark = emulator.mark()
    result = run(emulator, endpoint_id=VPCE, region="us-west-2")
    assert emulator.sent(mark) == [("AddPrivateEndpointConnection", base,
                                    {"endpoint_id": VPCE, "region_name": "us-west-2"})]
    assert result["private_endpoint_connection"]["region_name"] == "us-west-2"
    assert result["diff"]["after"] == {"endpoint_id": VPCE, "region": "us-west-2"}
    mark = emulator.mark()
    with pytest.raises(InvalidInput) as info:
        run(emulator, endpoint_id=VPCE, region="us-east-1")
    assert str(info.value) == ("private endpoint connection %s is in region us-west-2; it cannot move to us-east-1: "
                               "remove it (state=absent) and connect the endpoint of that region" % VPCE)
    with pytest.raises(InvalidInput, match=r"^region eu-west-1 is not a region of cluster orders-db \(us-east-1, "
                                           r"us-west-2\)$"):
        run(emulator, endpoint_id=VPCE2, region="eu-west-1")
    assert emulator.mutations(mark) == []


def test_a_cluster_without_services_is_refused_before_any_change(emulator, orders_db):
    for check_mode in (True, False):
        mark = emulator.mark()
        with pytest.raises(InvalidInput) as info:
            run(emulator, check_mode=check_mode, endpoint_id=VPCE)
        assert str(info.value).startswith("cluster orders-db has no private endpoint service in us-east-1: create its "
                                          "services first (cockroachdb.cloud.cockroach_private_endpoint_services)")
        assert emulator.mutations(mark) == []


def test_a_service_still_creating_is_waited_for_or_refused_without_wait(emulator, orders_db):
    emulator.admin.post(orders_db["net"] + "/private-endpoint-services")
    mark = emulator.mark()
    with pytest.raises(InvalidInput, match="^the private endpoint service of cluster orders-db in us-east-1 is still "
                                           "CREATING; add the connection once it is AVAILABLE, or with wait=true"):
        run(emulator, endpoint_id=VPCE, wait=False)
    assert emulator.mutations(mark) == []
    mark = emulator.mark()
    result = run(emulator, endpoint_id=VPCE)
    ops = emulator.operations(mark)
    assert ops[:4] == ["ListClusters", "ListPrivateEndpointConnections", "ListPrivateEndpointServices",
                       "ListPrivateEndpointServices"]
    assert emulator.mutations(mark) == ["AddPrivateEndpointConnection"]
    assert result["private_endpoint_connection"]["status"] == "STATUS_AVAILABLE"


@pytest.mark.parametrize("status, hint", [
    ("STATUS_REJECTED", "the service did not accept the endpoint: check that it was created against this cluster's "
                        "service of its region, then remove the connection (state=absent) and add it again"),
    ("STATUS_FAILED", "remove the connection (state=absent) and add it again"),
])
def test_a_rejected_or_failed_connection_fails_clearly(emulator, with_services, status, hint):
    def refuse(_seconds):
        for record in emulator.children(with_services["id"], "private_endpoint_connections").values():
            if record.get("_then"):
                record["_then"] = {"status": status}

    emulator.clock.on_sleep = refuse
    with pytest.raises(WaitTimeout) as info:
        run(emulator, endpoint_id=VPCE)
    assert str(info.value) == "private endpoint connection %s failed: status %s; %s" % (VPCE, status, hint)
    assert info.value.timed_out is False
    assert info.value.result["changed"] is True
    assert info.value.result["private_endpoint_connection"]["status"] == status
    # A re-run finds it so and fails the same way, changing nothing; as a set too.
    emulator.clock.on_sleep = None
    for given in (dict(endpoint_id=VPCE), dict(connections=[{"endpoint_id": VPCE}])):
        mark = emulator.mark()
        with pytest.raises(WaitTimeout, match="^private endpoint connection %s( of cluster orders-db)? failed: "
                                              "status %s; " % (VPCE, status)):
            run(emulator, **given)
        assert emulator.mutations(mark) == []
    # Removing it is the way out.
    assert run(emulator, endpoint_id=VPCE, state="absent")["changed"] is True


def test_the_endpoint_id_must_be_an_aws_one_on_aws(emulator, with_services):
    mark = emulator.mark()
    with pytest.raises(InvalidInput, match="^endpoint_id 'ep-123' is not an AWS VPC endpoint id such as "
                                           r"vpce-0123456789abcdef0 \(cluster orders-db is on AWS\)$"):
        run(emulator, endpoint_id="ep-123")
    with pytest.raises(InvalidInput, match=r"^connections\[1\].endpoint_id 'ep-123' is not an AWS VPC endpoint id"):
        run(emulator, connections=[{"endpoint_id": VPCE}, {"endpoint_id": "ep-123"}])
    assert emulator.mutations(mark) == []


def test_other_providers_take_their_own_endpoint_ids(emulator):
    cluster = emulator.cluster("analytics-eu", plan="DEDICATED", provider="GCP")
    emulator.admin.post("/api/v1/clusters/%s/networking/private-endpoint-services" % cluster["id"])
    result = run(emulator, cluster="analytics-eu", endpoint_id="1234567890123456789")
    assert result["private_endpoint_connection"]["cloud_provider"] == "GCP"
    assert result["private_endpoint_connection"]["status"] == "STATUS_AVAILABLE"


def test_connections_of_a_serverless_cluster_are_refused(emulator):
    emulator.cluster("web-app")
    for given in (dict(endpoint_id=VPCE), dict(endpoint_id=VPCE, state="absent"),
                  dict(connections=[{"endpoint_id": VPCE}])):
        mark = emulator.mark()
        with pytest.raises(InvalidInput, match="^private connectivity is only available on dedicated clusters"):
            run(emulator, cluster="web-app", **given)
        assert emulator.operations(mark) == ["ListClusters"]
    assert listing_info(emulator.context({"cluster": "web-app", "endpoint_id": None}), PrivateEndpointConnections,
                        "connections", key_option="endpoint_id") == {"changed": False, "connections": []}


@pytest.mark.parametrize("given, message", [
    (dict(endpoint_id=""), "endpoint_id must not be empty: give the id of the endpoint on the cloud side"),
    (dict(endpoint_id="vpce 123"), "endpoint_id 'vpce 123' is not an endpoint id"),
    (dict(endpoint_id="-vpce"), "endpoint_id '-vpce' is not an endpoint id"),
    (dict(endpoint_id=VPCE, region=" "), "region must not be empty: leave it out for the cluster's first region"),
    (dict(connections=[{"endpoint_id": VPCE}, {"endpoint_id": VPCE}]),
     "connections[0] and connections[1] both name the endpoint %s; list each endpoint once" % VPCE),
    (dict(connections=[{"endpoint_id": "a b"}]), "connections[0].endpoint_id 'a b' is not an endpoint id"),
    (dict(connections=[{"endpoint_id": VPCE, "region": ""}]), "connections[0].region must not be empty"),
    (dict(connections=[], purge=True, state="absent"), "purge applies to state=present only"),
    (dict(cluster="", endpoint_id=VPCE), "cluster must not be empty"),
])
def test_input_checks_need_no_request(emulator, with_services, given, message):
    mark = emulator.mark()
    with pytest.raises(InvalidInput) as info:
        run(emulator, **given)
    assert message in str(info.value)
    assert emulator.since(mark) == []


# -- the connections as a set -----------------------------------------------------------------------

def test_the_set_adds_and_purges_in_one_listing_and_waits_for_all_at_once(emulator, with_services):
    base = with_services["net"] + "/private-endpoint-connections"
    emulator.admin.post(base, {"endpoint_id": "vpce-00000000000000old"})
    wanted = [{"endpoint_id": VPCE}, {"endpoint_id": VPCE2, "region": "us-west-2"}]
    mark = emulator.mark()
    predicted = run(emulator, check_mode=True, connections=wanted, purge=True)
    assert emulator.operations(mark) == ["ListClusters", "ListPrivateEndpointConnections",
                                         "ListPrivateEndpointServices"]

    mark = emulator.mark()
    done = run(emulator, connections=wanted, purge=True)
    assert emulator.operations(mark) == ["ListClusters", "ListPrivateEndpointConnections",
                                         "ListPrivateEndpointServices", "AddPrivateEndpointConnection",
                                         "AddPrivateEndpointConnection", "DeletePrivateEndpointConnection",
                                         "ListPrivateEndpointConnections", "ListPrivateEndpointConnections"]
    assert emulator.sent(mark) == [
        ("AddPrivateEndpointConnection", base, {"endpoint_id": VPCE}),
        ("AddPrivateEndpointConnection", base, {"endpoint_id": VPCE2, "region_name": "us-west-2"}),
        ("DeletePrivateEndpointConnection", base + "/vpce-00000000000000old", None)]
    assert (done["added"], done["updated"], done["removed"]) == ([VPCE, VPCE2], [], ["vpce-00000000000000old"])
    assert done["private_endpoint_connections"] == sorted(connections(emulator, with_services),
                                                          key=lambda c: c["endpoint_id"])
    assert [c["status"] for c in done["private_endpoint_connections"]] == ["STATUS_AVAILABLE"] * 2
    assert done["diff"] == {
        "before": {"connections": [{"endpoint_id": "vpce-00000000000000old", "region": "us-east-1"}]},
        "after": {"connections": [{"endpoint_id": VPCE, "region": "us-east-1"},
                                  {"endpoint_id": VPCE2, "region": "us-west-2"}]}}
    assert predicted["diff"] == done["diff"]
    assert predicted["private_endpoint_connections"] == [dict((k, v) for k, v in c.items() if k != "id")
                                                         for c in done["private_endpoint_connections"]]

    mark = emulator.mark()
    again = run(emulator, connections=wanted, purge=True)
    assert again["changed"] is False
    assert emulator.operations(mark) == ["ListClusters", "ListPrivateEndpointConnections"]

    mark = emulator.mark()
    with pytest.raises(InvalidInput, match="^private endpoint connection %s is in region us-west-2; it cannot move "
                                           "to us-east-1" % VPCE2):
        run(emulator, connections=[{"endpoint_id": VPCE2, "region": "us-east-1"}])
    removed = run(emulator, connections=[{"endpoint_id": VPCE2, "region": "ignored"}], state="absent")
    assert removed["removed"] == [VPCE2] and emulator.mutations(mark) == ["DeletePrivateEndpointConnection"]


def test_the_set_checks_the_services_of_the_regions_it_adds_to(emulator, orders_db):
    mark = emulator.mark()
    with pytest.raises(InvalidInput, match="^cluster orders-db has no private endpoint service in us-east-1, "
                                           "us-west-2: create its services first"):
        run(emulator, connections=[{"endpoint_id": VPCE}, {"endpoint_id": VPCE2, "region": "us-west-2"}])
    assert emulator.mutations(mark) == []
    mark = emulator.mark()
    assert run(emulator, connections=[], purge=True)["changed"] is False  # nothing to add: no read of the services
    assert emulator.operations(mark) == ["ListClusters", "ListPrivateEndpointConnections"]


# -- cockroach_private_endpoint_connection_info -------------------------------------------------------

def test_connection_info_lists_them_or_the_one_asked_for(emulator, with_services):
    run(emulator, connections=[{"endpoint_id": VPCE}, {"endpoint_id": VPCE2}])
    mark = emulator.mark()
    every = listing_info(emulator.context({"cluster": "orders-db", "endpoint_id": None}), PrivateEndpointConnections,
                         "connections", key_option="endpoint_id")
    assert [c["endpoint_id"] for c in every["connections"]] == [VPCE, VPCE2]
    assert emulator.operations(mark) == ["ListClusters", "ListPrivateEndpointConnections"]
    one = listing_info(emulator.context({"cluster": "orders-db", "endpoint_id": VPCE2}), PrivateEndpointConnections,
                       "connections", key_option="endpoint_id")
    assert [c["endpoint_id"] for c in one["connections"]] == [VPCE2]


# -- the live wire format -----------------------------------------------------------------------------

@pytest.fixture(params=["contract", "live"])
def either(request, monkeypatch):
    """The in-process emulator serving one format, then the other (the same test for both)."""
    return install(monkeypatch, contract=request.param)


def test_a_connection_is_read_by_either_key_of_its_region():
    assert connection_region({"region_name": "us-east-1"}) == connection_region({"region": "us-east-1"}) == "us-east-1"
    member = PrivateEndpointConnectionSet.canonical(None, {"endpoint_id": VPCE, "region": "us-west-2"})
    assert member["region"] == "us-west-2"
    view = PrivateEndpointConnections.fields.on("live").view({"endpoint_id": VPCE, "region": "us-west-2"})
    assert view == {"endpoint_id": VPCE, "region": "us-west-2"}


def test_services_and_one_connection_the_same_in_both_formats(either):
    live = either.contract == "live"
    cluster = either.cluster("orders-db", plan="DEDICATED", provider="AWS", dedicated=TWO_REGIONS)
    net = "/api/v1/clusters/%s/networking" % cluster["id"]

    made = run_services(either)
    assert made["changed"] is True and made["diff"]["after"] == {"regions": ["us-east-1", "us-west-2"]}
    assert [s["status"] for s in made["services"]] == ["AVAILABLE", "AVAILABLE"]
    if live:  # as the live service answers them: named at their top level
        assert made["services"][0]["name"] == made["services"][0]["aws"]["service_name"]
    mark = either.mark()
    assert run_services(either)["changed"] is False and either.mutations(mark) == []

    mark = either.mark()
    predicted = run(either, check_mode=True, endpoint_id=VPCE, region="us-east-1")
    added = run(either, endpoint_id=VPCE, region="us-east-1")
    body = {"endpoint_id": VPCE} if live else {"endpoint_id": VPCE, "region_name": "us-east-1"}
    assert either.sent(mark) == [("AddPrivateEndpointConnection", net + "/private-endpoint-connections", body)]
    found = added["private_endpoint_connection"]
    assert found["status"] == "STATUS_AVAILABLE" and found["region_name"] == "us-east-1"
    assert ("id" in found) is not live and ("service_name" in found) is live
    assert added["diff"] == predicted["diff"] == {"before": {}, "after": {"endpoint_id": VPCE, "region": "us-east-1"}}

    mark = either.mark()
    again = run(either, endpoint_id=VPCE, region="us-east-1")
    assert again["changed"] is False and either.mutations(mark) == []
    with pytest.raises(InvalidInput, match="is in region us-east-1; it cannot move to us-west-2"):
        run(either, endpoint_id=VPCE, region="us-west-2")

    mark = either.mark()
    removed = run(either, endpoint_id=VPCE, state="absent")
    assert either.sent(mark) == [("DeletePrivateEndpointConnection",
                                  "%s/private-endpoint-connections/%s" % (net, VPCE), None)]
    assert removed["changed"] is True and removed["diff"] == {
        "before": {"endpoint_id": VPCE, "region": "us-east-1"}, "after": {}}
    assert run(either, endpoint_id=VPCE, state="absent")["changed"] is False


def test_the_set_the_same_in_both_formats(either):
    live = either.contract == "live"
    cluster = either.cluster("orders-db", plan="DEDICATED", provider="AWS")
    base = "/api/v1/clusters/%s/networking/private-endpoint-connections" % cluster["id"]
    run_services(either)
    either.admin.post(base, {"endpoint_id": "vpce-00000000000000old"})
    wanted = [{"endpoint_id": VPCE}, {"endpoint_id": VPCE2, "region": "us-east-1"}]

    mark = either.mark()
    predicted = run(either, check_mode=True, connections=wanted, purge=True)
    done = run(either, connections=wanted, purge=True)
    second = {"endpoint_id": VPCE2} if live else {"endpoint_id": VPCE2, "region_name": "us-east-1"}
    assert either.sent(mark) == [("AddPrivateEndpointConnection", base, {"endpoint_id": VPCE}),
                                 ("AddPrivateEndpointConnection", base, second),
                                 ("DeletePrivateEndpointConnection", base + "/vpce-00000000000000old", None)]
    assert done["diff"] == predicted["diff"] == {
        "before": {"connections": [{"endpoint_id": "vpce-00000000000000old", "region": "us-east-1"}]},
        "after": {"connections": [{"endpoint_id": VPCE, "region": "us-east-1"},
                                  {"endpoint_id": VPCE2, "region": "us-east-1"}]}}
    assert [c["status"] for c in done["private_endpoint_connections"]] == ["STATUS_AVAILABLE"] * 2

    mark = either.mark()
    again = run(either, connections=wanted, purge=True)
    assert again["changed"] is False and either.mutations(mark) == []
    assert again["diff"]["before"] == again["diff"]["after"] == done["diff"]["after"]


def test_live_a_connection_that_joined_another_region_is_said(live):
    live.cluster("orders-db", plan="DEDICATED", provider="AWS", dedicated=TWO_REGIONS)
    run_services(live)
    ctx = live.context(task(connection, cluster="orders-db", endpoint_id=VPCE, region="us-west-2"))
    result = connection_task(ctx)
    # The live service finds the region from the endpoint (the emulator: the cluster's first region).
    assert result["private_endpoint_connection"]["region_name"] == "us-east-1"
    assert ctx.warnings == ["private endpoint connection %s joined region us-east-1, not us-west-2: the service "
                            "connects an endpoint to the service of the region it was created in; a later run refuses "
                            "region us-west-2 for it (remove it with state=absent and connect the endpoint of that "
                            "region)" % VPCE]


def test_live_states_beyond_the_contract(live):
    cluster = live.cluster("orders-db", plan="DEDICATED", provider="AWS")
    run_services(live)
    run(live, endpoint_id=VPCE)
    record = live.children(cluster["id"], "private_endpoint_connections")[VPCE]
    record["status"] = "STATUS_DELETED"  # a deleted connection counts as absent: nothing to remove, none to purge
    mark = live.mark()
    assert run(live, endpoint_id=VPCE, state="absent")["changed"] is False
    assert run(live, connections=[], purge=True)["changed"] is False
    assert live.mutations(mark) == []
    assert CONNECTION_READY.busy({"status": "STATUS_PENDING_ACCEPTANCE"})
    assert CONNECTION_READY.failure("connection", {"status": "STATUS_EXPIRED"}).startswith(
        "connection failed: status STATUS_EXPIRED; the endpoint was not accepted in time")
    assert SERVICES_READY.failure("services", {"services": [{"status": "CREATE_FAILED"}]})


def test_live_a_serverless_cluster_is_refused_before_any_change(live):
    live.cluster("web-app", plan="BASIC")
    for given in (dict(endpoint_id=VPCE), dict(connections=[{"endpoint_id": VPCE}])):
        mark = live.mark()
        with pytest.raises(InvalidInput, match="^private connectivity is only available on dedicated clusters"):
            run(live, cluster="web-app", **given)
        assert live.operations(mark) == ["ListClusters"]
    with pytest.raises(InvalidInput, match="^private connectivity is only available on dedicated clusters"):
        run_services(live, cluster="web-app")
