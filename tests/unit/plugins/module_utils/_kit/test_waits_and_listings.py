# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""What the kit gained for cluster networking, on small descriptions of real API resources:
a Waiter over every item of a value (``items``) and its hints; listings the contract does not
paginate (``paginated = False``); members without a GET of their own (``member_get = False``:
waits read the listing); a DELETE's query (``delete_params``); a Set whose members settle
after a change (``ready_waiter``: one listing per poll); and a Set refusing a dedicated-only
feature on a serverless cluster."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import WaitTimeout
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import InvalidInput, list_items
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.collection import Collection
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.fields import Field, Fields
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.sets import Set
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.waiters import Waiter
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources._cluster_lookup import (
    ClusterScope,
    dedicated_cluster,
)

SERVICES = Waiter("status", pending=("CREATING",), failed=("FAILED",), items="services",
                  hints={"FAILED": "create them again"})
RULE = Waiter("state", pending=("PENDING",), failed=("FAILED",), hints={"FAILED": "edit the rule"})


# -- Waiter: items and hints ---------------------------------------------------------------------------

def test_a_waiter_over_items_is_failed_then_pending_then_settled():
    def value(*statuses):
        return {"services": [{"status": s} for s in statuses]}

    assert SERVICES.status(value("AVAILABLE", "CREATING", "FAILED")) == "FAILED"
    assert SERVICES.status(value("AVAILABLE", "CREATING")) == "CREATING"
    assert SERVICES.status(value("AVAILABLE", "AVAILABLE")) == "AVAILABLE"
    assert SERVICES.status(value()) is None and SERVICES.status(None) is None
    assert SERVICES.busy(value("AVAILABLE", "CREATING")) and not SERVICES.settled(value("CREATING"))
    assert SERVICES.settled(value("AVAILABLE", "AVAILABLE"))
    assert SERVICES.failure("services of cluster a", value("AVAILABLE", "FAILED")) == \
        "services of cluster a failed: status FAILED; create them again"
    assert SERVICES.failure("x", value("CREATING")) is None


def test_a_hint_follows_the_failed_state_it_names(emu):
    with pytest.raises(WaitTimeout) as info:
        RULE.wait_ready(emu.client(), lambda: {"state": "FAILED"}, 10, "egress rule a", {"state": "PENDING"})
    assert str(info.value) == "egress rule a failed: state FAILED; edit the rule"
    no_hint = Waiter("state", failed=("FAILED", "LOST"), hints={"FAILED": "edit the rule"})
    assert no_hint.failure("egress rule a", {"state": "LOST"}) == "egress rule a failed: state LOST"


# -- listings without pages, members without a GET, a DELETE's query -------------------------------------

class Connections(Collection):
    """A cluster's private endpoint connections: one GET lists them all, none has a GET of its own."""

    kind = "connection"
    scope = ClusterScope
    path = "networking/private-endpoint-connections"
    items = "connections"
    key = "endpoint_id"
    item_key = "endpoint_id"
    paginated = False
    member_get = False
    ready_waiter = Waiter("status", pending=("STATUS_PENDING",))
    fields = Fields(Field("endpoint_id", update=False))


class Rules(Collection):
    """A cluster's egress rules by name, deleted with an idempotency key."""

    kind = "rule"
    scope = ClusterScope
    path = "networking/egress-rules"
    items = "rules"
    item_key = "id"
    ready_waiter = RULE
    fields = Fields(Field("name", update=False), Field("destination"))

    def delete_params(self, member):
        return {"idempotency_key": "key-of-%s" % member["name"]}


@pytest.fixture
def orders_db(emu):
    cluster = emu.cluster("orders-db", plan="DEDICATED", provider="AWS")
    cluster["net"] = "/api/v1/clusters/%s/networking" % cluster["id"]
    emu.admin.post(cluster["net"] + "/private-endpoint-services")
    emu.clock.sleep(5)
    return cluster


def params(**given):
    return dict(dict(cluster="orders-db", state="present", wait=True, wait_timeout=60), **given)


def test_a_listing_without_pages_is_one_get_without_page_options(emu, orders_db):
    path = orders_db["net"] + "/private-endpoint-services"
    mark = emu.mark()
    assert [s["region_name"] for s in list_items(emu.client(), path, "services", paginated=False)] == ["us-east-1"]
    assert emu.queries(mark) == [(path, {})]
    # The paginated form would send page options, which this listing refuses.
    mark = emu.mark()
    with pytest.raises(Exception, match="unknown query parameter"):
        list_items(emu.client(), path, "services")
    assert emu.queries(mark) == [(path, {"pagination.limit": "500"})]


def test_a_member_without_a_get_is_waited_for_in_its_listing(emu, orders_db):
    mark = emu.mark()
    added = Connections(emu.context(params(endpoint_id="vpce-0123456789abcdef0"))).run()
    assert added["connection"]["status"] == "STATUS_AVAILABLE"
    assert emu.operations(mark) == ["ListClusters", "ListPrivateEndpointConnections", "AddPrivateEndpointConnection",
                                    "ListPrivateEndpointConnections", "ListPrivateEndpointConnections"]
    assert [query for _path, query in emu.queries(mark)[1:]] == [{}] * 4  # never a page option


def test_a_delete_sends_its_query(emu, orders_db):
    Rules(emu.context(params(name="kafka", destination="kafka.example.com"))).run()
    mark = emu.mark()
    Rules(emu.context(params(name="kafka", state="absent"))).run()
    assert emu.mutations(mark) == ["DeleteEgressRule"]
    assert emu.log()[-1]["query"] == {"idempotency_key": ["key-of-kafka"]}


# -- a Set whose members settle --------------------------------------------------------------------------

class RuleSet(Set):
    kind = "rules"
    noun = "rule"
    scope = dedicated_cluster("egress control")
    path = "networking/egress-rules"
    items = "rules"
    option = "rules"
    key_field = "name"
    ready_waiter = RULE
    fields = Fields(Field("destination"))

    def canonical(self, item):
        return {"name": item["name"], "destination": item["destination"], "state": item.get("state"),
                "_id": item["id"]}

    def desired(self, entries):
        return [(e["name"], {} if self.state == "absent" else {"destination": e["destination"]})
                for e in entries or []]

    def new_member(self, key, values):
        return dict(super(RuleSet, self).new_member(key, values), state="ACTIVE")

    def item_path(self, member):
        return "%s/%s" % (self.base, member["_id"])

    def create_body(self, member):
        return {"name": member["name"], "destination": member["destination"]}

    def update_body(self, before, after):
        return {"destination": after["destination"]}


def run_set(emu, check_mode=False, **given):
    return RuleSet(emu.context(params(**dict(dict(rules=[], purge=False), **given)), check_mode=check_mode)).run()


def test_a_set_waits_for_its_members_with_one_listing_per_poll(emu, orders_db):
    rules = [{"name": "a", "destination": "a.example.com"}, {"name": "b", "destination": "b.example.com"}]
    mark = emu.mark()
    predicted = run_set(emu, check_mode=True, rules=rules)
    done = run_set(emu, rules=rules)
    assert emu.operations(mark)[2:] == ["ListClusters", "ListEgressRules", "AddEgressRule", "AddEgressRule",
                                        "ListEgressRules", "ListEgressRules"]
    assert [(r["name"], r["state"]) for r in done["rules"]] == [("a", "ACTIVE"), ("b", "ACTIVE")]
    assert predicted["rules"] == done["rules"] and predicted["diff"] == done["diff"]
    # wait=false: the members as the API answered them, no poll.
    mark = emu.mark()
    quick = run_set(emu, rules=[{"name": "c", "destination": "c.example.com"}], wait=False)
    assert [r["state"] for r in quick["rules"]] == ["ACTIVE", "ACTIVE", "PENDING"]
    assert emu.operations(mark) == ["ListClusters", "ListEgressRules", "AddEgressRule"]
    # Removing waits for nothing, even when a listed member is still pending.
    mark = emu.mark()
    run_set(emu, rules=[{"name": "c"}], state="absent")
    assert emu.operations(mark) == ["ListClusters", "ListEgressRules", "DeleteEgressRule"]


def test_a_set_member_that_fails_ends_the_wait_naming_it(emu, orders_db):
    def fail_b(_seconds):
        for rule in emu.children(orders_db["id"], "egress_rules").values():
            if rule["name"] == "b" and rule.get("_then"):
                rule["_then"] = {"state": "FAILED"}

    emu.clock.on_sleep = fail_b
    with pytest.raises(WaitTimeout) as info:
        run_set(emu, rules=[{"name": "a", "destination": "a.example.com"}, {"name": "b", "destination": "b.example.com"}])
    assert str(info.value) == "rule b of cluster orders-db failed: state FAILED; edit the rule"
    assert info.value.result == {"changed": True, "added": ["a", "b"], "updated": [], "removed": []}
    assert [(r["name"], r["state"]) for r in info.value.last] == [("a", "ACTIVE"), ("b", "FAILED")]


def test_a_set_of_a_dedicated_only_feature_refuses_serverless_clusters(emu):
    emu.cluster("web-app")
    mark = emu.mark()
    with pytest.raises(InvalidInput, match="^egress control is only available on dedicated clusters; cluster web-app "
                                           "is serverless$"):
        run_set(emu, cluster="web-app", rules=[{"name": "a", "destination": "a.example.com"}])
    assert emu.operations(mark) == ["ListClusters"]
