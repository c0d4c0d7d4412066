# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""allowlist: CIDR normalisation and input checks (pure), and the Allowlist set on the
in-process emulator (one listing, one request per entry, adds before updates before
removals, whole-set diffs, check mode, partial failures)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible.module_utils.common.arg_spec import ArgumentSpecValidator

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import ApiError
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import InvalidInput
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.info import listing_info
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources._cidrs import normalize_cidr
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources._cluster_lookup import ClusterNotFound
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.allowlist import (
    Allowlist,
    canonical_entry,
    desired_entries,
    info_entry,
    info_order,
    sort_key,
)
from ansible_collections.cockroachdb.cloud.plugins.modules.cockroach_allowlist import ARGUMENT_SPEC
from ansible_collections.cockroachdb.cloud.tests.unit.emulator import install

OTHER_ID = "0b8d9c3a-8f2e-4d1b-a9e4-5c6f7a8b9c0d"
OFFICE = {"cidr_ip": "10.0.0.0", "cidr_mask": 24, "name": "office", "sql": True, "ui": False}
RUNNER = {"cidr_ip": "203.0.113.7", "cidr_mask": 32, "name": "ci", "sql": True, "ui": False}
OLD = {"cidr_ip": "9.9.9.0", "cidr_mask": 24, "name": "old", "sql": True, "ui": True}


# -- normalisation ---------------------------------------------------------------------------

@pytest.mark.parametrize("kwargs, expected", [
    (dict(cidr="10.0.0.0/24"), ("10.0.0.0", 24)),
    (dict(cidr="10.0.0.5/24"), ("10.0.0.0", 24)),  # host bits cleared
    (dict(cidr="10.0.0.5"), ("10.0.0.5", 32)),  # a bare address is one host
    (dict(cidr=" 192.168.7.9/16 "), ("192.168.0.0", 16)),
    (dict(cidr="1.2.3.4/0"), ("0.0.0.0", 0)),
    (dict(cidr="0.0.0.0/0"), ("0.0.0.0", 0)),
    (dict(cidr="255.255.255.255/32"), ("255.255.255.255", 32)),
    (dict(cidr_ip="172.16.5.4", cidr_mask=12), ("172.16.0.0", 12)),
    (dict(cidr_ip="172.16.5.4", cidr_mask="12"), ("172.16.0.0", 12)),
    (dict(cidr_ip="10.0.0.0", cidr_mask=0), ("0.0.0.0", 0)),
    (dict(cidr_ip="10.0.0.1", cidr_mask=32), ("10.0.0.1", 32)),
])
def test_normalize_cidr(kwargs, expected):
    assert normalize_cidr(**kwargs) == expected


@pytest.mark.parametrize("kwargs, message", [
    (dict(cidr="10.0.0.0/33"), "mask 33 is out of range; it must be between 0 and 32"),
    (dict(cidr_ip="10.0.0.0", cidr_mask=-1), "mask -1 is out of range"),
    (dict(cidr_ip="10.0.0.0", cidr_mask=40), "mask 40 is out of range"),
    (dict(cidr="10.0.0.0/"), "mask '' must be a number between 0 and 32"),
    (dict(cidr="10.0.0.0/abc"), "mask 'abc' must be a number"),
    (dict(cidr="10.0.0.0/024"), "mask '024' has leading zeros; write it as 24"),
    (dict(cidr="010.0.0.0/24"), "'010.0.0.0' has a part with leading zeros"),
    (dict(cidr="10.00.0.1"), "has a part with leading zeros"),
    (dict(cidr="10.0.0.256/32"), "each part must be between 0 and 255"),
    (dict(cidr="10.0.0/24"), "'10.0.0' is not an IPv4 address"),
    (dict(cidr="example.com"), "'example.com' is not an IPv4 address"),
    (dict(cidr="2001:db8::/32"), "is an IPv6 address; the allowlist takes IPv4 addresses only"),
    (dict(cidr=""), "cidr is empty"),
    (dict(cidr="10.0.0.0/24", cidr_ip="10.0.0.0"), "give either cidr or cidr_ip with cidr_mask, not both"),
    (dict(cidr="10.0.0.0/24", cidr_mask=24), "not both"),
    (dict(), "give cidr (such as 10.0.0.0/24) or cidr_ip with cidr_mask"),
    (dict(cidr_mask=24), "cidr_mask needs cidr_ip"),
    (dict(cidr_ip="10.0.0.0"), "cidr_ip needs cidr_mask"),
    (dict(cidr_ip="10.0.0.0/24", cidr_mask=24), "cidr_ip '10.0.0.0/24' holds a mask"),
    (dict(cidr_ip="10.0.0.0", cidr_mask=True), "must be a number between 0 and 32"),
])
def test_normalize_cidr_refuses(kwargs, message):
    with pytest.raises(InvalidInput) as error:
        normalize_cidr(where="entries[3]", **kwargs)
    assert message in str(error.value)
    assert str(error.value).startswith("entries[3]: ")


def test_sort_key_is_numeric_then_mask():
    cidrs = ["10.0.0.0/24", "9.0.0.0/8", "10.0.0.0/16", "192.168.0.0/16", "10.0.0.128/25"]
    assert sorted(cidrs, key=sort_key) == ["9.0.0.0/8", "10.0.0.0/16", "10.0.0.0/24", "10.0.0.128/25",
                                           "192.168.0.0/16"]
    assert sorted(["odd/x", "1.0.0.0/8"], key=sort_key) == ["1.0.0.0/8", "odd/x"]  # unknown forms last


def test_canonical_entry_from_the_api():
    entry = canonical_entry({"cidr_ip": "10.1.2.3", "cidr_mask": 24, "sql": True})
    assert entry == {"cidr": "10.1.2.0/24", "cidr_ip": "10.1.2.0", "cidr_mask": 24, "name": "", "sql": True,
                     "ui": False, "_path": ("10.1.2.3", 24)}
    # A form it does not know is kept as the API gave it, so that it can still be shown and removed.
    odd = canonical_entry({"cidr_ip": "fd00::", "cidr_mask": 8, "name": "v6"})
    assert (odd["cidr"], odd["_path"]) == ("fd00::/8", ("fd00::", 8))


def test_desired_entries_normalise_and_keep_only_set_fields():
    wanted = desired_entries([
        {"cidr": "10.0.0.5/24", "name": "office", "sql": None, "ui": True},
        {"cidr_ip": "203.0.113.7", "cidr_mask": 32},
    ])
    assert wanted == [("10.0.0.0/24", {"name": "office", "ui": True}), ("203.0.113.7/32", {})]


def test_desired_entries_absent_ignores_fields():
    assert desired_entries([{"cidr": "10.0.0.0/8", "name": "x", "sql": False}], "absent") == [("10.0.0.0/8", {})]


def test_desired_entries_duplicates_after_normalisation():
    with pytest.raises(InvalidInput) as error:
        desired_entries([{"cidr": "10.0.0.0/24"}, {"cidr": "192.0.2.1"},
                         {"cidr_ip": "10.0.0.77", "cidr_mask": 24}])
    assert str(error.value) == ("entries[0] and entries[2] both name the network 10.0.0.0/24 (given as "
                                "'10.0.0.0/24' and '10.0.0.77/24'); list each network once")


def test_desired_entries_names_the_bad_entry():
    with pytest.raises(InvalidInput) as error:
        desired_entries([{"cidr": "10.0.0.0/24"}, {"cidr": "10.0.0.0/99"}])
    assert str(error.value).startswith("entries[1]: mask 99 is out of range")
    with pytest.raises(InvalidInput, match=r"^entries\[0\] must be a dictionary"):
        desired_entries(["10.0.0.0/24"])


# -- the set, on the emulator ---------------------------------------------------------------------

def task(**given):
    """The task's parameters as cockroach_allowlist's argument spec makes them."""
    given.setdefault("entries", [])
    validated = ArgumentSpecValidator(ARGUMENT_SPEC).validate(given)
    assert not validated.error_messages, validated.error_messages
    return validated.validated_parameters


def run(emulator, check_mode=False, **given):
    return Allowlist(emulator.context(task(**given), check_mode=check_mode)).run()


@pytest.fixture
def web_app(emulator):
    """A cluster with the allowlist entries OFFICE, RUNNER and OLD; its allowlist path is ``base``."""
    cluster = emulator.cluster("web-app")
    cluster["base"] = "/api/v1/clusters/%s/networking/allowlist" % cluster["id"]
    for entry in (OFFICE, RUNNER, OLD):
        emulator.admin.post(cluster["base"], entry)
    return cluster


def listed(emulator, cluster):
    return sorted(emulator.admin.get(cluster["base"])["allowlist"], key=lambda e: sort_key("%(cidr_ip)s/%(cidr_mask)s" % e))


def diff_entries(*entries):
    return [dict(cidr="%(cidr_ip)s/%(cidr_mask)s" % e, name=e["name"], sql=e["sql"], ui=e["ui"]) for e in entries]


def test_one_listing_then_adds_updates_removals_in_that_order(emulator, web_app):
    entries = [{"cidr": "10.0.0.0/24", "name": "office", "ui": True}, {"cidr": "192.0.2.0/24", "name": "vpn"},
               {"cidr": "203.0.113.7"}]
    mark = emulator.mark()
    predicted = run(emulator, check_mode=True, cluster=web_app["id"], entries=entries, purge=True)
    assert emulator.operations(mark) == ["ListAllowlistEntries"]

    mark = emulator.mark()
    result = run(emulator, cluster=web_app["id"], entries=entries, purge=True)
    base = web_app["base"]
    # One listing; the cluster is read (for its state) only because something changes.
    assert emulator.operations(mark) == ["ListAllowlistEntries", "GetCluster", "AddAllowlistEntry",
                                         "UpdateAllowlistEntry", "DeleteAllowlistEntry"]
    assert emulator.sent(mark) == [
        ("AddAllowlistEntry", base, {"cidr_ip": "192.0.2.0", "cidr_mask": 24, "sql": True, "ui": False, "name": "vpn"}),
        ("UpdateAllowlistEntry", base + "/10.0.0.0/24",
         {"cidr_ip": "10.0.0.0", "cidr_mask": 24, "name": "office", "sql": True, "ui": True}),
        ("DeleteAllowlistEntry", base + "/9.9.9.0/24", None),
    ]
    # Check mode predicted exactly what the run did.
    assert predicted == result
    assert result["changed"] is True and result["cluster_id"] == web_app["id"]
    assert (result["added"], result["updated"], result["removed"]) == (["192.0.2.0/24"], ["10.0.0.0/24"],
                                                                       ["9.9.9.0/24"])
    new_office = dict(OFFICE, ui=True)
    vpn = {"cidr_ip": "192.0.2.0", "cidr_mask": 24, "name": "vpn", "sql": True, "ui": False}
    assert result["allowlist"] == [dict(e, cidr="%(cidr_ip)s/%(cidr_mask)s" % e) for e in (new_office, vpn, RUNNER)]
    assert listed(emulator, web_app) == [new_office, vpn, RUNNER]
    assert result["diff"] == {"before": {"entries": diff_entries(OLD, OFFICE, RUNNER)},
                              "after": {"entries": diff_entries(new_office, vpn, RUNNER)}}

    # The re-run is a no-op costing the one listing.
    mark = emulator.mark()
    again = run(emulator, cluster=web_app["id"], entries=entries, purge=True)
    assert again["changed"] is False and emulator.operations(mark) == ["ListAllowlistEntries"]
    assert again["allowlist"] == result["allowlist"]
    assert again["diff"]["before"] == again["diff"]["after"] == result["diff"]["after"]


def test_nothing_to_do_when_the_fields_set_match(emulator, web_app):
    mark = emulator.mark()
    result = run(emulator, cluster="web-app", entries=[{"cidr": "10.0.0.9/24", "name": "office"},
                                                       {"cidr_ip": "203.0.113.7", "cidr_mask": 32, "sql": True}])
    assert result["changed"] is False
    assert (result["added"], result["updated"], result["removed"]) == ([], [], [])
    # The whole set on both sides, sorted by network.
    assert result["diff"]["before"] == result["diff"]["after"] == {"entries": diff_entries(OLD, OFFICE, RUNNER)}
    assert emulator.operations(mark) == ["ListClusters", "ListAllowlistEntries"]


def test_an_add_gets_the_defaults_and_an_update_keeps_the_other_entries(emulator, web_app):
    mark = emulator.mark()
    result = run(emulator, cluster="web-app", entries=[{"cidr": "10.0.0.0/24", "ui": True}, {"cidr": "192.0.2.0/24"}])
    assert emulator.sent(mark)[0] == ("AddAllowlistEntry", web_app["base"],
                                      {"cidr_ip": "192.0.2.0", "cidr_mask": 24, "sql": True, "ui": False})
    assert (result["added"], result["updated"], result["removed"]) == (["192.0.2.0/24"], ["10.0.0.0/24"], [])
    # An unchanged entry stands on both sides, so a unified diff pairs every entry with itself.
    new = {"cidr_ip": "192.0.2.0", "cidr_mask": 24, "name": "", "sql": True, "ui": False}
    assert result["diff"] == {"before": {"entries": diff_entries(OLD, OFFICE, RUNNER)},
                              "after": {"entries": diff_entries(OLD, dict(OFFICE, ui=True), new, RUNNER)}}
    assert listed(emulator, web_app) == [OLD, dict(OFFICE, ui=True), new, RUNNER]


def test_only_the_fields_set_are_managed(emulator, web_app):
    emulator.admin.post(web_app["base"], {"cidr_ip": "1.2.3.4", "cidr_mask": 32})  # no name: an empty one
    mark = emulator.mark()
    assert run(emulator, cluster="web-app", entries=[{"cidr": "203.0.113.7", "sql": True}])["changed"] is False
    assert run(emulator, cluster="web-app", entries=[{"cidr": "1.2.3.4", "name": ""}])["changed"] is False
    result = run(emulator, cluster="web-app", entries=[{"cidr": "203.0.113.7", "sql": False}])
    assert emulator.sent(mark) == [("UpdateAllowlistEntry", web_app["base"] + "/203.0.113.7/32",
                                    {"cidr_ip": "203.0.113.7", "cidr_mask": 32, "name": "ci", "sql": False,
                                     "ui": False})]
    assert result["updated"] == ["203.0.113.7/32"]


def test_purge_with_no_entries_removes_every_entry(emulator, web_app):
    mark = emulator.mark()
    result = run(emulator, cluster="web-app", entries=[], purge=True)
    assert result["removed"] == ["9.9.9.0/24", "10.0.0.0/24", "203.0.113.7/32"]
    assert emulator.mutations(mark) == ["DeleteAllowlistEntry"] * 3
    assert result["allowlist"] == [] and result["diff"]["after"] == {"entries": []}
    assert listed(emulator, web_app) == []


def test_absent_removes_only_the_listed_entries_that_exist(emulator, web_app):
    entries = [{"cidr": "203.0.113.7", "name": "ignored"}, {"cidr": "1.1.1.1"}]
    mark = emulator.mark()
    result = run(emulator, cluster="web-app", entries=entries, state="absent")
    assert (result["added"], result["updated"], result["removed"]) == ([], [], ["203.0.113.7/32"])
    assert emulator.sent(mark)[-1] == ("DeleteAllowlistEntry", web_app["base"] + "/203.0.113.7/32", None)
    assert listed(emulator, web_app) == [OLD, OFFICE]
    mark = emulator.mark()
    assert run(emulator, cluster="web-app", entries=entries, state="absent")["changed"] is False
    assert emulator.mutations(mark) == []


def test_check_mode_on_a_cluster_not_created_yet_predicts_with_a_warning(emulator):
    ctx = emulator.context(task(cluster="new-cluster", entries=[{"cidr": "10.0.0.0/24"}]), check_mode=True)
    mark = emulator.mark()
    result = Allowlist(ctx).run()
    assert result["changed"] is True and result["added"] == ["10.0.0.0/24"]
    assert result["cluster_id"] is None
    assert result["diff"] == {"before": {"entries": []}, "after": {"entries": [
        {"cidr": "10.0.0.0/24", "name": "", "sql": True, "ui": False}]}}
    assert len(ctx.warnings) == 1
    assert ctx.warnings[0].startswith("no cluster named 'new-cluster' among 0 clusters; in "
                                      "check mode this task predicts its change as on a new, empty cluster")
    assert emulator.operations(mark) == ["ListClusters"]
    # Outside check mode the same task fails.
    with pytest.raises(ClusterNotFound, match="^no cluster named 'new-cluster' among 0 clusters"):
        run(emulator, cluster="new-cluster", entries=[{"cidr": "10.0.0.0/24"}])


def test_a_failure_midway_says_how_far_it_got(emulator, web_app):
    entries = [{"cidr": "1.1.1.1"}, {"cidr": "2.2.2.2", "name": "x" * 300}, {"cidr": "3.3.3.3"}]
    mark = emulator.mark()
    with pytest.raises(ApiError) as error:
        run(emulator, cluster="web-app", entries=entries, purge=True)
    assert "name must be a string of at most 255 characters (before this failure the task had added 1, updated 0 " \
           "and removed 0 of 3, 0 and 3 entr" in str(error.value)
    assert error.value.result == {"changed": True, "added": ["1.1.1.1/32"], "updated": [], "removed": []}
    assert [(method, status) for method, _path, status in emulator.since(mark) if method != "GET"] == [
        ("POST", 200), ("POST", 400)]
    assert "1.1.1.1" in [e["cidr_ip"] for e in listed(emulator, web_app)]


def test_a_failure_before_any_change_reports_no_change(emulator, web_app):
    with pytest.raises(ApiError) as error:
        run(emulator, cluster="web-app", entries=[{"cidr": "1.1.1.1", "name": "x" * 300}])
    assert "(before this failure the task had added 0, updated 0 and removed 0 of 1, 0 and 0 entr" in str(error.value)
    assert error.value.result is None


def test_the_failure_message_spells_the_plural(emulator, web_app):
    with pytest.raises(ApiError) as error:
        run(emulator, cluster="web-app", entries=[{"cidr": "1.1.1.1", "name": "x" * 300}])
    assert str(error.value).endswith("of 1, 0 and 0 entries)")


def test_check_mode_sends_no_change_and_does_not_wait(emulator):
    cluster = emulator.cluster("web-app", settle=False)
    assert cluster["state"] == "CREATING"
    mark = emulator.mark()
    result = run(emulator, check_mode=True, cluster="web-app", entries=[{"cidr": "1.2.3.4"}])
    assert result["changed"] is True and result["added"] == ["1.2.3.4/32"]
    assert emulator.operations(mark) == ["ListClusters", "ListAllowlistEntries"]
    assert emulator.clock.sleeps == []


def test_a_busy_cluster_is_waited_for_before_the_first_change(emulator):
    cluster = emulator.cluster("web-app", settle=False)
    mark = emulator.mark()
    result = run(emulator, cluster="web-app", entries=[{"cidr": "1.2.3.4"}])
    assert result["added"] == ["1.2.3.4/32"]
    assert emulator.operations(mark) == ["ListClusters", "ListAllowlistEntries", "GetCluster", "GetCluster",
                                         "AddAllowlistEntry"]
    assert emulator.clock.sleeps == [1.0]
    assert result["cluster_id"] == cluster["id"]


def test_an_unknown_cluster_fails_by_name_and_by_id(emulator, web_app):
    with pytest.raises(ClusterNotFound) as by_name:
        run(emulator, cluster="nope-cluster")
    assert str(by_name.value) == "no cluster named 'nope-cluster' among 1 cluster"
    mark = emulator.mark()
    with pytest.raises(ClusterNotFound) as by_id:
        run(emulator, cluster=OTHER_ID, entries=[{"cidr": "1.1.1.1"}])
    assert str(by_id.value) == "no cluster with id %s" % OTHER_ID
    assert by_id.value.status == 404
    assert emulator.since(mark) == [("GET", "/api/v1/clusters/%s/networking/allowlist" % OTHER_ID, 404)]


def test_absent_on_an_unknown_cluster_is_nothing_to_do(emulator):
    mark = emulator.mark()
    result = run(emulator, cluster="gone-cluster", entries=[{"cidr": "10.0.0.0/24"}], state="absent")
    assert result == {"changed": False, "cluster_id": None, "allowlist": [], "added": [], "updated": [],
                      "removed": [], "diff": {"before": {"entries": []}, "after": {"entries": []}}}
    assert run(emulator, cluster=OTHER_ID, entries=[{"cidr": "10.0.0.0/24"}], state="absent")["changed"] is False
    assert emulator.mutations(mark) == []


@pytest.mark.parametrize("given, message", [
    (dict(entries=[{"cidr": "10.0.0.0/40"}]), "entries[0]: mask 40 is out of range"),
    (dict(entries=[{"cidr": "10.0.0.0/8"}], purge=True, state="absent"), "purge applies to state=present only"),
    (dict(cluster=" "), "cluster must not be empty"),
    (dict(entries=[{"cidr": "10.0.0.0/8"}, {"cidr": "10.1.0.0/8"}]), "both name the network 10.0.0.0/8"),
])
def test_bad_input_sends_nothing(emulator, web_app, given, message):
    given.setdefault("cluster", "web-app")
    mark = emulator.mark()
    with pytest.raises(InvalidInput) as error:
        run(emulator, **given)
    assert message in str(error.value)
    assert emulator.since(mark) == []


def test_removing_an_entry_someone_else_removed_meanwhile_is_fine(emulator, web_app, monkeypatch):
    real_find = Allowlist.find

    def find_then_lose_it(self):
        found = real_find(self)
        emulator.admin.delete(web_app["base"] + "/10.0.0.0/24")
        return found

    monkeypatch.setattr(Allowlist, "find", find_then_lose_it)
    mark = emulator.mark()
    result = run(emulator, cluster="web-app", entries=[{"cidr": "10.0.0.0/24"}], state="absent")
    assert result["removed"] == ["10.0.0.0/24"] and result["changed"] is True
    assert emulator.since(mark)[-1] == ("DELETE", web_app["base"] + "/10.0.0.0/24", 404)


# -- cockroach_allowlist_info ------------------------------------------------------------------------

def info(emulator, cluster):
    ctx = emulator.context({"cluster": cluster})
    return listing_info(ctx, Allowlist, "allowlist", key_option=None, present=info_entry, order=info_order)


def test_info_follows_pages_of_500_and_sorts(emulator):
    cluster = emulator.cluster("web-app")
    records = emulator.children(cluster["id"], "allowlist")
    for index in range(500):
        ip = "10.0.%d.%d" % (index // 256, index % 256)
        records[ip + "/32"] = {"cidr_ip": ip, "cidr_mask": 32, "name": "", "sql": True, "ui": False}
    records["9.0.0.0/8"] = {"cidr_ip": "9.0.0.0", "cidr_mask": 8, "name": "nine", "sql": True, "ui": False}
    mark = emulator.mark()
    result = info(emulator, "web-app")
    assert result["changed"] is False and len(result["allowlist"]) == 501
    assert result["allowlist"][0] == {"cidr": "9.0.0.0/8", "cidr_ip": "9.0.0.0", "cidr_mask": 8, "name": "nine",
                                      "sql": True, "ui": False}
    assert result["allowlist"][1]["cidr"] == "10.0.0.0/32" and result["allowlist"][-1]["cidr"] == "10.0.1.243/32"
    queries = emulator.queries(mark)
    assert [path for path, _query in queries] == ["/api/v1/clusters"] + [
        "/api/v1/clusters/%s/networking/allowlist" % cluster["id"]] * 2
    assert queries[1][1] == {"pagination.limit": "500"}
    assert queries[2][1]["pagination.limit"] == "500" and queries[2][1]["pagination.page"]


def test_info_on_an_unknown_cluster_names_it(emulator):
    with pytest.raises(ClusterNotFound, match="^no cluster with id %s$" % OTHER_ID):
        info(emulator, OTHER_ID)
    with pytest.raises(InvalidInput, match="cluster must not be empty"):
        info(emulator, "")


# -- the live wire format ----------------------------------------------------------------------------

def test_canonical_entry_reads_a_mask_sent_as_a_string():
    entry = canonical_entry({"cidr_ip": "10.1.2.3", "cidr_mask": "24", "sql": True, "ui": False})
    assert (entry["cidr"], entry["cidr_mask"], entry["_path"]) == ("10.1.2.0/24", 24, ("10.1.2.3", "24"))


@pytest.fixture(params=["contract", "live"])
def either(request, monkeypatch):
    """The in-process emulator serving one format, then the other (the same test for both)."""
    return install(monkeypatch, contract=request.param)


def test_the_same_cycle_in_both_formats(either):
    """The same tasks give the same results (diffs, changed, entries) in both formats; only the
    bodies of updates differ: the live service takes the network in the path only."""
    live = either.contract == "live"
    cluster = either.cluster("web-app")
    base = "/api/v1/clusters/%s/networking/allowlist" % cluster["id"]
    for entry in (OFFICE, OLD):
        either.admin.post(base, entry)
    vpn = {"cidr_ip": "192.0.2.0", "cidr_mask": 24, "name": "vpn", "sql": True, "ui": False}
    entries = [{"cidr": "10.0.0.0/24", "name": "office"}, {"cidr": "192.0.2.0/24", "name": "vpn"}]

    def step(**given):
        mark = either.mark()
        predicted = run(either, check_mode=True, cluster="web-app", **given)
        result = run(either, cluster="web-app", **given)
        assert predicted == result
        return result, either.sent(mark)

    created, sent = step(entries=entries)
    assert sent == [("AddAllowlistEntry", base, dict(vpn))]
    assert created["diff"] == {"before": {"entries": diff_entries(OLD, OFFICE)},
                               "after": {"entries": diff_entries(OLD, OFFICE, vpn)}}
    assert created["allowlist"] == [dict(e, cidr="%(cidr_ip)s/%(cidr_mask)s" % e) for e in (OLD, OFFICE, vpn)]

    again, sent = step(entries=entries)
    assert again["changed"] is False and sent == []
    assert again["diff"]["before"] == again["diff"]["after"] == created["diff"]["after"]

    updated, sent = step(entries=[{"cidr": "10.0.0.9/24", "ui": True}], purge=True)
    body = {"name": "office", "sql": True, "ui": True}
    if not live:  # the contract wants the network in the body too
        body.update(cidr_ip="10.0.0.0", cidr_mask=24)
    assert sent == [("UpdateAllowlistEntry", base + "/10.0.0.0/24", body),
                    ("DeleteAllowlistEntry", base + "/9.9.9.0/24", None),
                    ("DeleteAllowlistEntry", base + "/192.0.2.0/24", None)]
    assert updated["diff"] == {"before": {"entries": diff_entries(OLD, OFFICE, vpn)},
                               "after": {"entries": diff_entries(dict(OFFICE, ui=True))}}

    removed, sent = step(entries=[{"cidr": "10.0.0.0/24"}], state="absent")
    assert sent == [("DeleteAllowlistEntry", base + "/10.0.0.0/24", None)]
    assert removed["changed"] is True and removed["allowlist"] == []
    assert run(either, cluster="web-app", entries=[{"cidr": "10.0.0.0/24"}], state="absent")["changed"] is False


def test_info_in_the_live_format(live):
    cluster = live.cluster("web-app")
    live.admin.post("/api/v1/clusters/%s/networking/allowlist" % cluster["id"], OFFICE)
    assert info(live, "web-app")["allowlist"] == [dict(OFFICE, cidr="10.0.0.0/24")]
