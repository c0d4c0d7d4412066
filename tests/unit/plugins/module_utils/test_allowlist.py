# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""cockroach_allowlist's logic: CIDR normalisation, set comparison, diffs, and the run
(reads once, changes one entry per request, predicts in check mode)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.cockroachdb.cloud.plugins.module_utils._allowlist import (
    canonical_entry,
    compare,
    desired_entries,
    diff_entry,
    info_entries,
    normalize_cidr,
    reconcile_allowlist,
    sort_key,
)
from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import ApiError
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resource import InvalidInput, ModuleContext

CLUSTER_ID = "6f1c2a4e-0d7b-4f0e-9a55-3c1e7b2d9f10"
BASE = "/api/v1/clusters/%s/networking/allowlist" % CLUSTER_ID
DEFAULTS = dict(cluster=CLUSTER_ID, entries=[], purge=False, state="present", wait=True, wait_timeout=60)


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


def test_canonical_entry_from_the_api():
    entry = canonical_entry({"cidr_ip": "10.1.2.3", "cidr_mask": 24, "sql": True})
    assert entry == {"cidr": "10.1.2.0/24", "cidr_ip": "10.1.2.0", "cidr_mask": 24, "name": "", "sql": True,
                     "ui": False, "_path": ("10.1.2.3", 24)}


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


# -- set comparison --------------------------------------------------------------------------

def current_set(*api_entries):
    return dict((e["cidr"], e) for e in (canonical_entry(a) for a in api_entries))


OFFICE = {"cidr_ip": "10.0.0.0", "cidr_mask": 24, "name": "office", "sql": True, "ui": False}
RUNNER = {"cidr_ip": "203.0.113.7", "cidr_mask": 32, "name": "ci", "sql": True, "ui": False}
OLD = {"cidr_ip": "9.9.9.0", "cidr_mask": 24, "name": "old", "sql": True, "ui": True}


def test_compare_nothing_to_do_when_set_fields_match():
    current = current_set(OFFICE, RUNNER)
    plan = compare(current, desired_entries([{"cidr": "10.0.0.9/24", "name": "office"}, {"cidr": "203.0.113.7"}]))
    assert not plan
    assert plan.summary() == {"added": [], "updated": [], "removed": []}
    # The whole set on both sides (nothing changes, so they are equal), sorted by network.
    assert plan.diff(current) == {"before": {"entries": [diff_entry(e) for e in plan.result_set(current)]},
                                  "after": {"entries": [diff_entry(e) for e in plan.result_set(current)]}}
    assert [e["cidr"] for e in plan.diff(current)["before"]["entries"]] == ["10.0.0.0/24", "203.0.113.7/32"]


def test_compare_add_with_defaults_update_in_place_and_keep_others():
    current = current_set(OFFICE, OLD)
    plan = compare(current, desired_entries([{"cidr": "10.0.0.0/24", "ui": True}, {"cidr": "192.0.2.0/24"}]))
    assert plan.summary() == {"added": ["192.0.2.0/24"], "updated": ["10.0.0.0/24"], "removed": []}
    # The whole set before and after, sorted by network: an unchanged entry stands on both
    # sides, so a unified diff pairs every entry with itself.
    assert plan.diff(current) == {
        "before": {"entries": [{"cidr": "9.9.9.0/24", "name": "old", "sql": True, "ui": True},
                               {"cidr": "10.0.0.0/24", "name": "office", "sql": True, "ui": False}]},
        "after": {"entries": [{"cidr": "9.9.9.0/24", "name": "old", "sql": True, "ui": True},
                              {"cidr": "10.0.0.0/24", "name": "office", "sql": True, "ui": True},
                              {"cidr": "192.0.2.0/24", "name": "", "sql": True, "ui": False}]},
    }
    assert [e["cidr"] for e in plan.result_set(current)] == ["9.9.9.0/24", "10.0.0.0/24", "192.0.2.0/24"]


def test_compare_purge_removes_unnamed_entries():
    current = current_set(OFFICE, RUNNER, OLD)
    plan = compare(current, desired_entries([{"cidr": "10.0.0.0/24"}]), purge=True)
    assert plan.summary() == {"added": [], "updated": [], "removed": ["9.9.9.0/24", "203.0.113.7/32"]}
    assert plan.diff(current)["before"]["entries"] == [
        {"cidr": "9.9.9.0/24", "name": "old", "sql": True, "ui": True},
        {"cidr": "10.0.0.0/24", "name": "office", "sql": True, "ui": False},
        {"cidr": "203.0.113.7/32", "name": "ci", "sql": True, "ui": False}]
    assert plan.diff(current)["after"] == {"entries": [{"cidr": "10.0.0.0/24", "name": "office", "sql": True,
                                                        "ui": False}]}
    assert [e["cidr"] for e in plan.result_set(current)] == ["10.0.0.0/24"]


def test_compare_purge_with_no_entries_removes_all():
    plan = compare(current_set(OFFICE, RUNNER), [], purge=True)
    assert plan.summary()["removed"] == ["10.0.0.0/24", "203.0.113.7/32"]


def test_compare_absent_removes_only_listed_existing_entries():
    current = current_set(OFFICE, RUNNER)
    wanted = desired_entries([{"cidr": "203.0.113.7", "name": "ignored"}, {"cidr": "1.1.1.1"}], "absent")
    plan = compare(current, wanted, state="absent")
    assert plan.summary() == {"added": [], "updated": [], "removed": ["203.0.113.7/32"]}
    assert not compare(current, desired_entries([{"cidr": "1.1.1.1"}], "absent"), state="absent")


def test_compare_only_managed_fields():
    current = current_set(dict(OFFICE, name=None))  # the API may omit an empty name
    assert not compare(current, desired_entries([{"cidr": "10.0.0.0/24", "sql": True}]))
    assert not compare(current, desired_entries([{"cidr": "10.0.0.0/24", "name": ""}]))
    plan = compare(current, desired_entries([{"cidr": "10.0.0.0/24", "sql": False}]))
    assert plan.update[0][1]["sql"] is False and plan.update[0][1]["name"] == ""


# -- the run, against a fake API --------------------------------------------------------------

class FakeApi(object):
    """Answers the allowlist and cluster calls like the service does; records every call."""

    def __init__(self, entries=(), clusters=None, fail_on=None):
        self.entries = [dict(e) for e in entries]
        self.clusters = clusters if clusters is not None else [
            {"id": CLUSTER_ID, "name": "web-app", "state": "CREATED"}]
        self.calls = []
        self.fail_on = fail_on  # (method, n): the n-th such call answers 500

    def _maybe_fail(self, method, path):
        if self.fail_on and self.fail_on[0] == method:
            self.fail_on = (method, self.fail_on[1] - 1)
            if self.fail_on[1] == 0:
                raise ApiError("boom", status=400, method=method, path=path)

    def paginate(self, path, key, params=None):
        self.calls.append(("GET", path))
        if path == "/api/v1/clusters":
            return iter(self.clusters)
        raise AssertionError(path)

    def list_all(self, path, key, params=None):
        self.calls.append(("GET", path))
        if path != BASE:
            raise ApiError("cluster not found", status=404, method="GET", path=path)
        return [dict(e) for e in self.entries]

    def get(self, path, params=None):
        self.calls.append(("GET", path))
        for cluster in self.clusters:
            if path.endswith(cluster["id"]):
                return cluster
        raise ApiError("not found", status=404, method="GET", path=path)

    def post(self, path, body=None, params=None, idempotent=None):
        self.calls.append(("POST", path, body))
        self._maybe_fail("POST", path)
        entry = dict({"name": "", "sql": True, "ui": False}, **body)
        self.entries.append(entry)
        return entry

    def patch(self, path, body=None, params=None, idempotent=None):
        self.calls.append(("PATCH", path, body))
        self._maybe_fail("PATCH", path)
        for entry in self.entries:
            if (entry["cidr_ip"], entry["cidr_mask"]) == (body["cidr_ip"], body["cidr_mask"]):
                entry.update(body)
                return dict(entry)
        raise AssertionError(body)

    def delete(self, path, params=None, idempotent=None):
        self.calls.append(("DELETE", path))
        self._maybe_fail("DELETE", path)
        ip, mask = path.rsplit("/", 2)[1:]
        before = len(self.entries)
        self.entries = [e for e in self.entries if (e["cidr_ip"], str(e["cidr_mask"])) != (ip, mask)]
        if len(self.entries) == before:
            raise ApiError("not found", status=404, method="DELETE", path=path)
        return {}

    def mutations(self):
        return [c for c in self.calls if c[0] != "GET"]


def run(api, check_mode=False, **params):
    merged = dict(DEFAULTS)
    merged.update(params)
    return reconcile_allowlist(ModuleContext(api, merged, check_mode=check_mode))


def test_check_mode_on_a_cluster_not_created_yet_predicts_every_entry_with_a_warning():
    api = FakeApi(clusters=[])
    ctx = ModuleContext(api, dict(DEFAULTS, cluster="new-cluster", entries=[{"cidr": "10.0.0.0/24"}]),
                        check_mode=True)
    result = reconcile_allowlist(ctx)
    assert result["changed"] is True and result["added"] == ["10.0.0.0/24"]
    assert result["cluster_id"] is None
    assert result["diff"] == {"before": {"entries": []}, "after": {"entries": [
        {"cidr": "10.0.0.0/24", "name": "", "sql": True, "ui": False}]}}
    assert len(ctx.warnings) == 1 and "in check mode this task predicts its change" in ctx.warnings[0]
    assert api.mutations() == []
    # Outside check mode the same task fails.
    with pytest.raises(ApiError, match="no cluster named 'new-cluster'"):
        run(FakeApi(clusters=[]), cluster="new-cluster", entries=[{"cidr": "10.0.0.0/24"}])


def test_partial_failure_reports_the_change_made():
    api = FakeApi([OFFICE], fail_on=("DELETE", 1))
    with pytest.raises(ApiError) as info:
        run(api, entries=[{"cidr": "192.0.2.0/24"}], purge=True)
    assert info.value.result == {"changed": True, "added": ["192.0.2.0/24"], "updated": [], "removed": []}
    assert "before this failure the task had added 1" in str(info.value)


def test_run_by_id_reads_once_and_changes_one_entry_per_request():
    api = FakeApi([OFFICE, RUNNER, OLD])
    entries = [{"cidr": "10.0.0.0/24", "name": "office", "ui": True}, {"cidr": "192.0.2.0/24", "name": "vpn"},
               {"cidr": "203.0.113.7"}]
    predicted = run(FakeApi([OFFICE, RUNNER, OLD]), check_mode=True, entries=entries, purge=True)
    result = run(api, entries=entries, purge=True)
    # Check mode predicted exactly what the run did.
    assert predicted == result
    assert result["changed"] is True
    assert (result["added"], result["updated"], result["removed"]) == (["192.0.2.0/24"], ["10.0.0.0/24"],
                                                                       ["9.9.9.0/24"])
    assert result["allowlist"] == [
        {"cidr": "10.0.0.0/24", "cidr_ip": "10.0.0.0", "cidr_mask": 24, "name": "office", "sql": True, "ui": True},
        {"cidr": "192.0.2.0/24", "cidr_ip": "192.0.2.0", "cidr_mask": 24, "name": "vpn", "sql": True, "ui": False},
        {"cidr": "203.0.113.7/32", "cidr_ip": "203.0.113.7", "cidr_mask": 32, "name": "ci", "sql": True,
         "ui": False},
    ]
    # One listing; the cluster is read (for its state) only because something changes; adds
    # and updates go before removals.
    assert api.calls == [
        ("GET", BASE),
        ("GET", "/api/v1/clusters/" + CLUSTER_ID),
        ("POST", BASE, {"cidr_ip": "192.0.2.0", "cidr_mask": 24, "sql": True, "ui": False, "name": "vpn"}),
        ("PATCH", BASE + "/10.0.0.0/24", {"cidr_ip": "10.0.0.0", "cidr_mask": 24, "name": "office", "sql": True,
                                          "ui": True}),
        ("DELETE", BASE + "/9.9.9.0/24"),
    ]
    # The re-run is a no-op costing the one listing.
    api.calls = []
    again = run(api, entries=entries, purge=True)
    assert again["changed"] is False and api.calls == [("GET", BASE)]
    assert again["allowlist"] == result["allowlist"]
    assert again["diff"]["before"] == again["diff"]["after"] == {"entries": [
        dict((k, e[k]) for k in ("cidr", "name", "sql", "ui")) for e in result["allowlist"]]}


def test_check_mode_sends_no_change_and_does_not_wait():
    api = FakeApi([OFFICE], clusters=[{"id": CLUSTER_ID, "name": "web-app", "state": "LOCKED"}])
    result = run(api, check_mode=True, cluster="web-app", entries=[{"cidr": "1.2.3.4"}])
    assert result["changed"] is True and result["added"] == ["1.2.3.4/32"]
    assert api.mutations() == []
    assert api.calls == [("GET", "/api/v1/clusters"), ("GET", BASE)]


def test_by_name_costs_one_cluster_listing():
    api = FakeApi([OFFICE])
    result = run(api, cluster="web-app", entries=[{"cidr": "10.0.0.0/24"}])
    assert result["changed"] is False and result["cluster_id"] == CLUSTER_ID
    assert api.calls == [("GET", "/api/v1/clusters"), ("GET", BASE)]


def test_unknown_cluster():
    with pytest.raises(ApiError) as by_name:
        run(FakeApi(), cluster="nope-cluster", entries=[])
    assert str(by_name.value) == "no cluster named 'nope-cluster' among 1 cluster (show_inactive: false)"
    other = "0b8d9c3a-8f2e-4d1b-a9e4-5c6f7a8b9c0d"
    with pytest.raises(ApiError) as by_id:
        run(FakeApi(), cluster=other, entries=[])
    assert str(by_id.value) == "no cluster with id %s" % other
    assert by_id.value.status == 404


def test_absent_on_an_unknown_cluster_is_nothing_to_do():
    api = FakeApi(clusters=[])
    result = run(api, cluster="gone-cluster", entries=[{"cidr": "10.0.0.0/24"}], state="absent")
    assert result == {"changed": False, "cluster_id": None, "allowlist": [], "added": [], "updated": [],
                      "removed": [], "diff": {"before": {"entries": []}, "after": {"entries": []}}}
    other = "0b8d9c3a-8f2e-4d1b-a9e4-5c6f7a8b9c0d"
    assert run(api, cluster=other, entries=[{"cidr": "10.0.0.0/24"}], state="absent")["changed"] is False
    assert api.mutations() == []


def test_bad_input_sends_nothing():
    api = FakeApi([OFFICE])
    for params in (dict(entries=[{"cidr": "10.0.0.0/40"}]),
                   dict(entries=[{"cidr": "10.0.0.0/8"}], purge=True, state="absent"),
                   dict(cluster=" ", entries=[])):
        with pytest.raises(InvalidInput):
            run(api, **params)
    assert api.calls == []


def test_a_failure_says_what_was_done_before_it():
    api = FakeApi([OFFICE, OLD], fail_on=("POST", 2))
    with pytest.raises(ApiError) as error:
        run(api, entries=[{"cidr": "1.1.1.1"}, {"cidr": "2.2.2.2"}, {"cidr": "3.3.3.3"}], purge=True)
    assert str(error.value).endswith("boom (before this failure the task had added 1, updated 0 and removed 0 "
                                     "of 3, 0 and 2 entries)")
    assert [c[0] for c in api.mutations()] == ["POST", "POST"]


def test_remove_of_an_entry_already_gone_is_fine():
    api = FakeApi([OFFICE])

    def delete(path, params=None, idempotent=None):
        raise ApiError("not found", status=404, method="DELETE", path=path)

    api.delete = delete
    result = run(api, entries=[{"cidr": "10.0.0.0/24"}], state="absent")
    assert result["removed"] == ["10.0.0.0/24"] and result["allowlist"] == []


def test_busy_cluster_waited_for_before_the_first_change():
    states = iter(["LOCKED", "CREATED"])
    api = FakeApi([], clusters=[{"id": CLUSTER_ID, "name": "web-app", "state": "CREATING"}])

    def get(path, params=None):
        api.calls.append(("GET", path))
        return {"id": CLUSTER_ID, "name": "web-app", "state": next(states)}

    def wait_for(fetch, done, timeout, what=None, failed=None, **kwargs):
        value = fetch()
        while not done(value):
            value = fetch()
        return value

    api.get = get
    api.wait_for = wait_for
    result = run(api, cluster="web-app", entries=[{"cidr": "1.2.3.4"}])
    assert result["added"] == ["1.2.3.4/32"]
    gets = [c for c in api.calls if c == ("GET", "/api/v1/clusters/" + CLUSTER_ID)]
    assert len(gets) == 2 and api.calls[-1][0] == "POST"


# -- with the real client: pages of 500, URLs ------------------------------------------------------

def test_listing_follows_pages_of_500(serve, make_client):
    first = [{"cidr_ip": "10.0.%d.%d" % (i // 256, i % 256), "cidr_mask": 32, "sql": True, "ui": False}
             for i in range(500)]
    server = serve([
        (200, {"allowlist": first, "pagination": {"next": "500"}}),
        (200, {"allowlist": [{"cidr_ip": "9.0.0.0", "cidr_mask": 8, "name": "nine"}], "pagination": {}}),
    ])
    entries = info_entries(make_client(server.url), CLUSTER_ID)
    assert len(entries) == 501
    assert entries[0] == {"cidr": "9.0.0.0/8", "cidr_ip": "9.0.0.0", "cidr_mask": 8, "name": "nine"}
    assert [r.query for r in server.received] == [{"pagination.limit": "500"},
                                                  {"pagination.limit": "500", "pagination.page": "500"}]
    assert all(r.path == BASE for r in server.received)
