# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""egress_rules on the in-process emulator: destinations and ports checked and
normalised (pure), one rule by name (EgressRules: add, edit in place, delete with an
idempotency key, the wait until ACTIVE, a FAILED rule) and the whole set (EgressRuleSet:
one listing, one listing per poll, purge that keeps the service's own rules), serverless
clusters, input checks before any request, and cockroach_egress_rule_info."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import WaitTimeout
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import InvalidInput
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.info import listing_info
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.egress_rules import (
    EgressRules,
    EgressRuleSet,
    api_ports,
    egress_rule_task,
    normalize_destination,
    normalize_ports,
    rule_info,
    unwrap_rule,
)
from ansible_collections.cockroachdb.cloud.plugins.modules import cockroach_egress_rule
from ansible_collections.cockroachdb.cloud.tests.unit.emulator import install, task_params


# -- destinations and ports (no request) -------------------------------------------------------

@pytest.mark.parametrize("given, rule_type, expected", [
    ("api.example.com", None, ("api.example.com", "FQDN")),
    ("API.Example.COM", "FQDN", ("api.example.com", "FQDN")),
    ("*.example.com", None, ("*.example.com", "FQDN")),
    (" s3.us-east-1.amazonaws.com ", None, ("s3.us-east-1.amazonaws.com", "FQDN")),
    ("10.0.0.0/8", None, ("10.0.0.0/8", "CIDR")),
    ("10.1.2.3/8", "CIDR", ("10.0.0.0/8", "CIDR")),  # host bits cleared
    ("203.0.113.7", None, ("203.0.113.7/32", "CIDR")),  # an address is one host
])
def test_normalize_destination(given, rule_type, expected):
    assert normalize_destination(given, rule_type) == expected


@pytest.mark.parametrize("given, rule_type, message", [
    ("", None, "destination is empty: give a host name (api.example.com) or an IPv4 network (10.0.0.0/8)"),
    ("2001:db8::/32", None, "'2001:db8::/32' holds a ':': give a host name or an IPv4 network"),
    ("db.example.com:5432", None, "holds a ':'"),
    ("localhost", None, "'localhost' is not a host name such as api.example.com"),
    ("-bad.example.com", None, "is not a host name"),
    ("a..example.com", None, "is not a host name"),
    ("example.123", None, "is not a host name"),
    ("10.0.0.0/33", None, "mask 33 is out of range"),
    ("10.0.0.256", None, "each part must be between 0 and 255"),
    ("10.0.0", None, "'10.0.0' is not an IPv4 address"),
    ("api.example.com", "CIDR", "type CIDR needs an IPv4 network such as 10.0.0.0/8, got the host name"),
    ("10.0.0.0/8", "FQDN", "type FQDN needs a host name such as api.example.com, got the network '10.0.0.0/8'"),
])
def test_normalize_destination_refuses(given, rule_type, message):
    with pytest.raises(InvalidInput) as info:
        normalize_destination(given, rule_type, where="rules[2].destination")
    assert str(info.value).startswith("rules[2].destination")
    assert message in str(info.value)


def test_normalize_ports():
    assert normalize_ports(None) is None
    assert normalize_ports([]) == []
    assert normalize_ports([443, 80, 65535, 1]) == [1, 80, 443, 65535]
    for ports, message in (([0], "port 0 is out of range; ports are 1 to 65535"), ([65536], "port 65536 is out"),
                           ([443, 443], "port 443 is listed twice"), ([True], "True is not a port number"),
                           (["https"], "'https' is not a port number")):
        with pytest.raises(InvalidInput) as info:
            normalize_ports(ports)
        assert message in str(info.value)


# -- one rule ----------------------------------------------------------------------------------

def task(**given):
    """The task's parameters as cockroach_egress_rule's argument spec makes them."""
    return task_params(cockroach_egress_rule, **given)


def run(emulator, check_mode=False, **given):
    given.setdefault("cluster", "orders-db")
    return egress_rule_task(emulator.context(task(**given), check_mode=check_mode))


@pytest.fixture
def orders_db(emulator):
    """A dedicated AWS cluster; ``base`` is its egress rules' path."""
    cluster = emulator.cluster("orders-db", plan="DEDICATED", provider="AWS")
    cluster["base"] = "/api/v1/clusters/%s/networking/egress-rules" % cluster["id"]
    return cluster


def add(emulator, cluster, **rule):
    """A rule added through the API, settled."""
    added = emulator.admin.post(cluster["base"], rule)
    emulator.clock.sleep(5)
    return emulator.admin.get("%s/%s" % (cluster["base"], added["id"]))


def volatile_free(rule):
    return dict((k, v) for k, v in rule.items() if k not in ("id", "created_at"))


def test_the_cycle_of_one_rule(emulator, orders_db):
    options = dict(name="backups", destination="S3.us-east-1.amazonaws.com", ports=[443, 80], description="backups")
    mark = emulator.mark()
    predicted = run(emulator, check_mode=True, **options)
    assert emulator.operations(mark) == ["ListClusters", "ListEgressRules"]

    mark = emulator.mark()
    sleeps = len(emulator.clock.sleeps)
    created = run(emulator, **options)
    base = orders_db["base"]
    rule = created["egress_rule"]
    assert emulator.operations(mark) == ["ListClusters", "ListEgressRules", "AddEgressRule", "GetEgressRule",
                                         "GetEgressRule"]
    assert emulator.sent(mark) == [("AddEgressRule", base, {
        "name": "backups", "destination": "s3.us-east-1.amazonaws.com", "type": "FQDN", "ports": [80, 443],
        "description": "backups"})]
    assert emulator.clock.sleeps[sleeps:] == [1.0]  # PENDING for a second, then ACTIVE
    assert created["changed"] is True and rule["state"] == "ACTIVE"
    assert rule == emulator.admin.get("%s/%s" % (base, rule["id"]))
    assert created["diff"] == {"before": {}, "after": {"name": "backups", "destination": "s3.us-east-1.amazonaws.com",
                                                       "ports": [80, 443], "description": "backups"}}
    assert predicted["diff"] == created["diff"]
    assert predicted["egress_rule"] == volatile_free(rule)

    mark = emulator.mark()
    again = run(emulator, cluster=orders_db["id"], **options)
    assert again["changed"] is False and again["diff"]["before"] == again["diff"]["after"] == created["diff"]["after"]
    assert emulator.operations(mark) == ["GetCluster", "ListEgressRules"]  # by id: the cluster for its plan

    # An edit in place: one PATCH with what changes, the type following the destination.
    mark = emulator.mark()
    check_edit = run(emulator, check_mode=True, name="backups", destination="10.20.0.5/16", ports=[443])
    edited = run(emulator, name="backups", destination="10.20.0.5/16", ports=[443])
    assert emulator.sent(mark) == [("EditEgressRule", "%s/%s" % (base, rule["id"]),
                                    {"destination": "10.20.0.0/16", "type": "CIDR", "ports": [443]})]
    assert edited["egress_rule"]["id"] == rule["id"] and edited["egress_rule"]["state"] == "ACTIVE"
    assert volatile_free(edited["egress_rule"]) == {"name": "backups", "destination": "10.20.0.0/16", "type": "CIDR",
                                                    "ports": [443], "description": "backups", "state": "ACTIVE"}
    assert edited["diff"] == {
        "before": {"name": "backups", "destination": "s3.us-east-1.amazonaws.com", "ports": [80, 443]},
        "after": {"name": "backups", "destination": "10.20.0.0/16", "ports": [443]}}
    assert check_edit["diff"] == edited["diff"] and check_edit["changed"] is True
    assert volatile_free(check_edit["egress_rule"]) == dict(volatile_free(rule), destination="10.20.0.0/16",
                                                            type="CIDR", ports=[443])

    # Delete, with an idempotency key; again: nothing to do.
    mark = emulator.mark()
    check_delete = run(emulator, check_mode=True, name="backups", state="absent")
    deleted = run(emulator, name="backups", state="absent")
    assert emulator.mutations(mark) == ["DeleteEgressRule"]
    delete = emulator.log()[-1]
    assert delete["path"] == "%s/%s" % (base, rule["id"]) and len(delete["query"]["idempotency_key"][0]) == 36
    assert deleted == check_delete
    assert deleted["changed"] is True and deleted["egress_rule"] == {} and deleted["diff"]["after"] == {}
    mark = emulator.mark()
    assert run(emulator, name="backups", state="absent")["changed"] is False
    assert emulator.operations(mark) == ["ListClusters", "ListEgressRules"]


def test_fields_left_out_are_not_managed(emulator, orders_db):
    add(emulator, orders_db, name="kafka", destination="10.20.0.0/16", ports=[9092], description="kafka")
    mark = emulator.mark()
    assert run(emulator, name="kafka")["changed"] is False
    assert run(emulator, name="kafka", ports=[9092], type="CIDR")["changed"] is False
    assert run(emulator, name="kafka", destination="10.20.1.1/16")["changed"] is False  # the same network
    assert emulator.mutations(mark) == []
    result = run(emulator, name="kafka", description="")
    assert emulator.sent(mark) == [("EditEgressRule", "%s/%s" % (orders_db["base"], result["egress_rule"]["id"]),
                                    {"description": ""})]


def test_a_type_alone_must_be_the_destinations(emulator, orders_db):
    add(emulator, orders_db, name="kafka", destination="10.20.0.0/16")
    mark = emulator.mark()
    with pytest.raises(InvalidInput) as info:
        run(emulator, name="kafka", type="FQDN")
    assert str(info.value) == ("egress rule kafka has the destination 10.20.0.0/16 (type CIDR), so its type cannot be "
                               "FQDN: give a destination of type FQDN too")
    assert emulator.mutations(mark) == []


def test_a_new_rule_needs_a_destination(emulator, orders_db):
    mark = emulator.mark()
    with pytest.raises(InvalidInput, match="^to create egress rule kafka, also give: destination$"):
        run(emulator, name="kafka", ports=[9092])
    assert emulator.mutations(mark) == []


def test_a_failed_rule_ends_the_wait_with_what_to_do(emulator, orders_db):
    def fail_it(_seconds):
        for rule in emulator.children(orders_db["id"], "egress_rules").values():
            if rule.get("_then"):
                rule["_then"] = {"state": "FAILED"}

    emulator.clock.on_sleep = fail_it
    with pytest.raises(WaitTimeout) as info:
        run(emulator, name="kafka", destination="kafka.example.com")
    assert str(info.value) == ("egress rule kafka failed: state FAILED; the service could not apply it: check its "
                               "destination, then change the rule or remove it and add it again")
    assert info.value.timed_out is False
    assert info.value.result["changed"] is True and info.value.result["egress_rule"]["state"] == "FAILED"
    # A re-run finds it FAILED and says so, without a change; a new destination retries it.
    emulator.clock.on_sleep = None
    mark = emulator.mark()
    with pytest.raises(WaitTimeout, match="^egress rule kafka failed: state FAILED;"):
        run(emulator, name="kafka", destination="kafka.example.com")
    assert emulator.mutations(mark) == []
    fixed = run(emulator, name="kafka", destination="kafka.example.org")
    assert fixed["egress_rule"]["state"] == "ACTIVE"


def test_wait_false_returns_the_pending_rule(emulator, orders_db):
    result = run(emulator, name="kafka", destination="kafka.example.com", wait=False)
    assert result["egress_rule"]["state"] == "PENDING"
    assert [op for op in emulator.operations(0) if op == "GetEgressRule"] == []


def test_serverless_clusters_are_refused_before_any_change(emulator):
    emulator.cluster("web-app")
    message = "^egress perimeter control is only available on dedicated clusters; cluster web-app is serverless$"
    for given in (dict(name="a", destination="a.example.com"), dict(name="a", state="absent"),
                  dict(rules=[{"name": "a", "destination": "a.example.com"}]), dict(rules=[], purge=True)):
        mark = emulator.mark()
        with pytest.raises(InvalidInput, match=message):
            run(emulator, cluster="web-app", **given)
        assert emulator.operations(mark) == ["ListClusters"]
    # The listing of a serverless cluster is empty, as the API answers.
    assert listing_info(emulator.context({"cluster": "web-app", "name": None}), EgressRules, "egress_rules") == {
        "changed": False, "egress_rules": []}


@pytest.mark.parametrize("given, message", [
    (dict(name=""), "name must not be empty: give the egress rule's name"),
    (dict(name="x" * 64, destination="a.example.com"), "is too long: an egress rule's name has at most 63 characters"),
    (dict(name="a", destination="not a host"), "destination: 'not a host' is not a host name"),
    (dict(name="a", destination="10.0.0.0/8", type="FQDN"), "type FQDN needs a host name"),
    (dict(name="a", destination="a.example.com", ports=[70000]), "ports: port 70000 is out of range"),
    (dict(name="a", destination="a.example.com", ports=[443, 443]), "ports: port 443 is listed twice"),
    (dict(name="a", destination="a.example.com", description="d" * 256), "description is too long (256 characters)"),
    (dict(rules=[{"name": "a", "destination": "a.example.com"}, {"name": "a", "destination": "b.example.com"}]),
     "rules[0] and rules[1] both name the egress rule a; list each egress rule once"),
    (dict(rules=[{"name": "a", "destination": "fd00::/8"}]), "rules[0].destination: 'fd00::/8' holds a ':'"),
    (dict(rules=[{"name": "b", "destination": "b.example.com", "ports": [0]}]), "rules[0].ports: port 0 is out"),
    (dict(rules=[{"name": "a"}], purge=True, state="absent"), "purge applies to state=present only"),
    (dict(cluster=" ", name="a"), "cluster must not be empty"),
])
def test_input_checks_need_no_request(emulator, orders_db, given, message):
    mark = emulator.mark()
    with pytest.raises(InvalidInput) as info:
        run(emulator, **given)
    assert message in str(info.value)
    assert emulator.since(mark) == []


# -- the whole set -------------------------------------------------------------------------------

def diff_rule(name, destination, rule_type, ports=(), description=""):
    return {"name": name, "destination": destination, "type": rule_type, "ports": list(ports),
            "description": description}


def test_the_set_in_one_listing_then_adds_updates_removals(emulator, orders_db):
    old = add(emulator, orders_db, name="old", destination="old.example.com")
    kafka = add(emulator, orders_db, name="kafka", destination="10.20.0.0/16", ports=[9092])
    rules = [{"name": "kafka", "destination": "10.20.0.0/16", "ports": [9093, 9092]},
             {"name": "backups", "destination": "s3.us-east-1.amazonaws.com", "ports": [443]}]
    mark = emulator.mark()
    predicted = run(emulator, check_mode=True, rules=rules, purge=True)
    assert emulator.operations(mark) == ["ListClusters", "ListEgressRules"]

    mark = emulator.mark()
    done = run(emulator, rules=rules, purge=True)
    base = orders_db["base"]
    # One listing; then the changes; then one listing per poll for the whole set.
    assert emulator.operations(mark) == ["ListClusters", "ListEgressRules", "AddEgressRule", "EditEgressRule",
                                         "DeleteEgressRule", "ListEgressRules", "ListEgressRules"]
    assert emulator.sent(mark) == [
        ("AddEgressRule", base, {"name": "backups", "destination": "s3.us-east-1.amazonaws.com", "type": "FQDN",
                                 "ports": [443]}),
        ("EditEgressRule", "%s/%s" % (base, kafka["id"]), {"ports": [9092, 9093]}),
        ("DeleteEgressRule", "%s/%s" % (base, old["id"]), None)]
    assert emulator.log()[mark + 4]["query"]["idempotency_key"]
    assert (done["added"], done["updated"], done["removed"]) == (["backups"], ["kafka"], ["old"])
    assert [(r["name"], r["state"]) for r in done["egress_rules"]] == [("backups", "ACTIVE"), ("kafka", "ACTIVE")]
    assert done["diff"] == {
        "before": {"rules": [diff_rule("kafka", "10.20.0.0/16", "CIDR", [9092]),
                             diff_rule("old", "old.example.com", "FQDN")]},
        "after": {"rules": [diff_rule("backups", "s3.us-east-1.amazonaws.com", "FQDN", [443]),
                            diff_rule("kafka", "10.20.0.0/16", "CIDR", [9092, 9093])]}}
    assert predicted["diff"] == done["diff"] and predicted["changed"] is True
    assert [volatile_free(r) for r in predicted["egress_rules"]] == [volatile_free(r) for r in done["egress_rules"]]
    assert done["cluster_id"] == orders_db["id"]

    mark = emulator.mark()
    again = run(emulator, rules=rules, purge=True)
    assert again["changed"] is False and emulator.operations(mark) == ["ListClusters", "ListEgressRules"]
    assert again["diff"]["before"] == again["diff"]["after"] == done["diff"]["after"]


def test_a_purge_keeps_the_rules_the_service_manages(emulator, orders_db):
    own = add(emulator, orders_db, name="crl-telemetry", destination="telemetry.cockroachlabs.cloud")
    emulator.children(orders_db["id"], "egress_rules")[own["id"]]["crl_managed"] = True
    add(emulator, orders_db, name="old", destination="old.example.com")
    done = run(emulator, rules=[], purge=True)
    assert done["removed"] == ["old"]
    assert [r["name"] for r in done["egress_rules"]] == ["crl-telemetry"]


def test_the_set_absent_removes_the_listed(emulator, orders_db):
    add(emulator, orders_db, name="a", destination="a.example.com")
    add(emulator, orders_db, name="b", destination="b.example.com")
    done = run(emulator, rules=[{"name": "a", "destination": "ignored.example.com"}, {"name": "zz"}], state="absent")
    assert (done["added"], done["updated"], done["removed"]) == ([], [], ["a"])
    assert [r["name"] for r in done["egress_rules"]] == ["b"]


def test_the_set_refuses_new_rules_without_destination(emulator, orders_db):
    mark = emulator.mark()
    with pytest.raises(InvalidInput) as info:
        run(emulator, rules=[{"name": "a", "ports": [443]}, {"name": "b"}])
    assert str(info.value) == "egress rules a, b do not exist on cluster orders-db: give each a destination to create them"
    with pytest.raises(InvalidInput, match="^egress rule a does not exist on cluster orders-db: give its destination"):
        run(emulator, rules=[{"name": "a"}])
    assert emulator.mutations(mark) == []


def test_a_set_rerun_fails_on_a_listed_failed_rule_and_waits_for_a_pending_one(emulator, orders_db):
    first = run(emulator, rules=[{"name": "a", "destination": "a.example.com"},
                                 {"name": "b", "destination": "b.example.com"}], wait=False)
    assert [r["state"] for r in first["egress_rules"]] == ["PENDING", "PENDING"]
    mark = emulator.mark()
    settled = run(emulator, rules=[{"name": "a"}, {"name": "b"}])
    assert settled["changed"] is False and [r["state"] for r in settled["egress_rules"]] == ["ACTIVE", "ACTIVE"]
    # The one listing, then the polls of the wait (the first one at once, as every wait of the kit).
    assert emulator.operations(mark) == ["ListClusters", "ListEgressRules", "ListEgressRules", "ListEgressRules"]
    assert emulator.clock.sleeps[-1] == 1.0 and emulator.mutations(mark) == []
    rule_b = next(r for r in settled["egress_rules"] if r["name"] == "b")
    emulator.children(orders_db["id"], "egress_rules")[rule_b["id"]]["state"] = "FAILED"
    mark = emulator.mark()
    with pytest.raises(WaitTimeout) as info:
        run(emulator, rules=[{"name": "a"}, {"name": "b"}])
    assert str(info.value).startswith("egress rule b of cluster orders-db failed: state FAILED; the service could not")
    assert info.value.result is None  # nothing was changed
    assert [r["name"] for r in info.value.last] == ["a", "b"]
    assert emulator.mutations(mark) == []


def test_a_set_whose_wait_runs_out_says_it_changed(emulator, orders_db):
    def keep_pending(_seconds):
        for rule in emulator.children(orders_db["id"], "egress_rules").values():
            if rule.get("_until"):
                rule["_until"] += 1000

    emulator.clock.on_sleep = keep_pending
    with pytest.raises(WaitTimeout) as info:
        run(emulator, rules=[{"name": "a", "destination": "a.example.com"}], wait_timeout=30)
    assert str(info.value).startswith("timed out after 30 s waiting for egress rules a of cluster orders-db to leave "
                                      "state PENDING; the change was made and goes on: run the task again")
    assert info.value.result == {"changed": True, "added": ["a"], "updated": [], "removed": []}
    assert info.value.last[0]["state"] == "PENDING"


# -- cockroach_egress_rule_info -------------------------------------------------------------------

def test_info_lists_the_rules_or_the_one_named(emulator, orders_db):
    add(emulator, orders_db, name="b", destination="b.example.com", ports=[443, 80])
    add(emulator, orders_db, name="a", destination="a.example.com")
    mark = emulator.mark()
    every = listing_info(emulator.context({"cluster": "orders-db", "name": None}), EgressRules, "egress_rules",
                         present=rule_info)
    assert [(r["name"], r["ports"]) for r in every["egress_rules"]] == [("b", [80, 443]), ("a", [])]
    assert emulator.operations(mark) == ["ListClusters", "ListEgressRules"]
    one = listing_info(emulator.context({"cluster": orders_db["id"], "name": "a"}), EgressRules, "egress_rules")
    assert [r["name"] for r in one["egress_rules"]] == ["a"]


# -- the live wire format -------------------------------------------------------------------------

@pytest.fixture(params=["contract", "live"])
def either(request, monkeypatch):
    """The in-process emulator serving one format, then the other (the same test for both)."""
    return install(monkeypatch, contract=request.param)


def test_answers_are_read_wrapped_or_not():
    rule = {"id": "r1", "name": "kafka", "destination": "10.20.0.0/16", "type": "CIDR", "ports": ["9093", 9092]}
    assert unwrap_rule({"rule": rule}) is rule and unwrap_rule({"Rule": rule}) is rule and unwrap_rule(rule) is rule
    assert unwrap_rule(None) is None
    assert api_ports(rule["ports"]) == [9092, 9093] and api_ports(None) == [] and api_ports(["x"]) == ["x"]
    member = EgressRuleSet.canonical(None, {"Rule": dict(rule, description="")})
    assert (member["name"], member["ports"], member["description"], member["_id"]) == ("kafka", [9092, 9093], "", "r1")
    assert EgressRuleSet.canonical(None, rule)["description"] == ""  # none and empty are the same
    assert rule_info({"rule": 1, "ports": ["443", "80"]})["ports"] == [80, 443]


def test_one_rule_the_same_in_both_formats(either):
    live = either.contract == "live"
    cluster = either.cluster("orders-db", plan="DEDICATED", provider="AWS")
    base = "/api/v1/clusters/%s/networking/egress-rules" % cluster["id"]
    options = dict(name="backups", destination="S3.us-east-1.amazonaws.com", ports=[443, 80])

    mark = either.mark()
    predicted = run(either, check_mode=True, **options)
    created = run(either, **options)
    rule = created["egress_rule"]
    body = {"name": "backups", "destination": "s3.us-east-1.amazonaws.com", "type": "FQDN", "ports": [80, 443]}
    if live:
        body["description"] = ""  # required there
    assert either.sent(mark) == [("AddEgressRule", base, body)]
    # The new rule's id is read from the answer (wrapped as {rule: ...} in the live format), then waited on.
    assert either.operations(mark)[-3:] == ["AddEgressRule", "GetEgressRule", "GetEgressRule"]
    assert rule["state"] == "ACTIVE" and rule["id"] and created["changed"] is True
    assert created["diff"] == predicted["diff"] == {"before": {}, "after": {
        "name": "backups", "destination": "s3.us-east-1.amazonaws.com", "ports": [80, 443]}}
    if live:  # the rule as the live service answers it
        assert (rule["cluster_id"], rule["crl_managed"], rule["description"]) == (cluster["id"], False, "")

    mark = either.mark()
    again = run(either, **options)
    assert again["changed"] is False and either.mutations(mark) == []
    assert again["diff"]["before"] == again["diff"]["after"] == created["diff"]["after"]
    assert run(either, name="backups", description="")["changed"] is False  # none is empty

    mark = either.mark()
    edited = run(either, name="backups", ports=[443], description="S3")
    edit = {"ports": [443], "description": "S3"}
    if live:  # the whole rule
        edit.update(destination="s3.us-east-1.amazonaws.com", type="FQDN")
    assert either.sent(mark) == [("EditEgressRule", "%s/%s" % (base, rule["id"]), edit)]
    assert edited["egress_rule"]["id"] == rule["id"] and edited["egress_rule"]["ports"] == [443]
    assert edited["diff"] == {"before": {"name": "backups", "ports": [80, 443], "description": ""},
                              "after": {"name": "backups", "ports": [443], "description": "S3"}}

    mark = either.mark()
    deleted = run(either, name="backups", state="absent")
    assert either.mutations(mark) == ["DeleteEgressRule"] and deleted["changed"] is True
    assert deleted["diff"]["after"] == {} and deleted["egress_rule"] == {}
    assert run(either, name="backups", state="absent")["changed"] is False


def test_the_set_the_same_in_both_formats(either):
    live = either.contract == "live"
    cluster = either.cluster("orders-db", plan="DEDICATED", provider="AWS")
    base = "/api/v1/clusters/%s/networking/egress-rules" % cluster["id"]
    old = either.admin.post(base, {"name": "old", "destination": "old.example.com", "type": "FQDN", "description": ""})
    kafka = either.admin.post(base, {"name": "kafka", "destination": "10.20.0.0/16", "type": "CIDR", "ports": [9092],
                                     "description": "kafka"})
    old, kafka = unwrap_rule(old), unwrap_rule(kafka)
    either.clock.sleep(5)
    rules = [{"name": "kafka", "ports": [9093, 9092]}, {"name": "backups", "destination": "s3.us-east-1.amazonaws.com"}]

    mark = either.mark()
    predicted = run(either, check_mode=True, rules=rules, purge=True)
    done = run(either, rules=rules, purge=True)
    add = {"name": "backups", "destination": "s3.us-east-1.amazonaws.com", "type": "FQDN", "ports": []}
    edit = {"ports": [9092, 9093]}
    if live:
        add["description"] = ""
        edit.update(destination="10.20.0.0/16", type="CIDR", description="kafka")
    assert either.sent(mark) == [("AddEgressRule", base, add), ("EditEgressRule", "%s/%s" % (base, kafka["id"]), edit),
                                 ("DeleteEgressRule", "%s/%s" % (base, old["id"]), None)]
    assert done["diff"] == predicted["diff"] == {
        "before": {"rules": [diff_rule("kafka", "10.20.0.0/16", "CIDR", [9092], "kafka"),
                             diff_rule("old", "old.example.com", "FQDN")]},
        "after": {"rules": [diff_rule("backups", "s3.us-east-1.amazonaws.com", "FQDN"),
                            diff_rule("kafka", "10.20.0.0/16", "CIDR", [9092, 9093], "kafka")]}}
    assert [(r["name"], r["state"]) for r in done["egress_rules"]] == [("backups", "ACTIVE"), ("kafka", "ACTIVE")]
    assert all(r["id"] for r in done["egress_rules"])

    mark = either.mark()
    again = run(either, rules=rules, purge=True)
    assert again["changed"] is False and either.mutations(mark) == []
    assert again["diff"]["before"] == again["diff"]["after"] == done["diff"]["after"]
    removed = run(either, rules=[{"name": "kafka"}, {"name": "backups"}], state="absent")
    assert removed["removed"] == ["backups", "kafka"] and removed["egress_rules"] == []


def test_live_a_serverless_cluster_is_refused_before_any_change(live):
    live.cluster("web-app", plan="STANDARD")
    mark = live.mark()
    with pytest.raises(InvalidInput, match="^egress perimeter control is only available on dedicated clusters; "
                                           "cluster web-app is serverless$"):
        run(live, cluster="web-app", name="a", destination="a.example.com")
    assert live.operations(mark) == ["ListClusters"]
