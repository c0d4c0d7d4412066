# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The Set kind, on a small description: the organization's service accounts as a set
keyed by name, their description the managed field."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import ApiError
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import InvalidInput
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.fields import Field, Fields
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.sets import Set


class Accounts(Set):
    """Only the accounts whose names start with ``t-`` (the emulator has its admin's too)."""

    kind = "service_accounts"
    noun = "account"
    path = "service-accounts"
    items = "service_accounts"
    option = "accounts"
    key_field = "name"
    fields = Fields(Field("description", default=""))

    def managed(self, item):
        return item["name"].startswith("t-")

    def canonical(self, item):
        return {"name": item["name"], "description": item.get("description") or "", "_id": item["id"]}

    def desired(self, entries):
        wanted = []
        for entry in entries or []:
            if not entry.get("name"):
                raise InvalidInput("every account needs a name")
            values = {} if self.state == "absent" else dict((k, v) for k, v in entry.items() if k != "name" and v)
            wanted.append((entry["name"], values))
        return wanted

    def item_path(self, member):
        return "%s/%s" % (self.base, member["_id"])

    def create_body(self, member):
        return {"name": member["name"], "description": member["description"]}

    def update_body(self, before, after):
        return {"description": after["description"]}


def run(emu, check_mode=False, **params):
    merged = dict(accounts=[], purge=False, state="present")
    merged.update(params)
    return Accounts(emu.context(merged, check_mode=check_mode)).run()


def names(members):
    return [m["name"] for m in members]


def test_adds_updates_and_purges_in_that_order_with_one_listing(emu):
    for name in ("t-b-old", "t-c-keep"):
        emu.admin.post("/api/v1/service-accounts", {"name": name, "description": "x"})
    wanted = [{"name": "t-a-new", "description": "new"}, {"name": "t-c-keep", "description": "kept"}]
    mark = emu.mark()
    predicted = run(emu, check_mode=True, accounts=wanted, purge=True)
    assert emu.mutations(mark) == []
    done = run(emu, accounts=wanted, purge=True)
    assert predicted == done
    assert (done["added"], done["updated"], done["removed"]) == (["t-a-new"], ["t-c-keep"], ["t-b-old"])
    assert emu.mutations(mark) == ["CreateServiceAccount", "UpdateServiceAccount", "DeleteServiceAccount"]
    assert names(done["service_accounts"]) == ["t-a-new", "t-c-keep"]
    assert [e for e in done["service_accounts"] if "_id" in e] == []  # private keys stay private
    # The whole set on both sides of the diff, sorted by key.
    assert names(done["diff"]["before"]["accounts"]) == ["t-b-old", "t-c-keep"]
    assert done["diff"]["after"]["accounts"] == [{"name": "t-a-new", "description": "new"},
                                                 {"name": "t-c-keep", "description": "kept"}]
    # What the set does not manage is left alone.
    assert "emulator-admin" in [a["name"] for a in emu.admin.get("/api/v1/service-accounts")["service_accounts"]]
    mark = emu.mark()
    again = run(emu, accounts=wanted, purge=True)
    assert again["changed"] is False and emu.operations(mark) == ["ListServiceAccounts"]
    assert again["diff"]["before"] == again["diff"]["after"]


def test_unlisted_members_stay_without_purge_and_absent_removes_only_the_listed(emu):
    for name in ("t-a", "t-b"):
        emu.admin.post("/api/v1/service-accounts", {"name": name})
    kept = run(emu, accounts=[{"name": "t-c"}])
    assert names(kept["service_accounts"]) == ["t-a", "t-b", "t-c"]
    removed = run(emu, accounts=[{"name": "t-a"}, {"name": "t-zz"}], state="absent")
    assert removed["removed"] == ["t-a"] and names(removed["service_accounts"]) == ["t-b", "t-c"]


def test_purge_with_state_absent_is_refused_before_any_request(emu):
    mark = emu.mark()
    with pytest.raises(InvalidInput, match="purge applies to state=present only"):
        run(emu, accounts=[{"name": "a"}], purge=True, state="absent")
    assert emu.since(mark) == []


def test_a_failure_midway_says_how_far_it_got_and_that_something_changed(emu):
    emu.admin.post("/api/v1/service-accounts", {"name": "t-a", "description": "x"})
    with pytest.raises(ApiError) as info:  # the service refuses the long description of the update
        run(emu, accounts=[{"name": "t-b", "description": "new"}, {"name": "t-a", "description": "y" * 5000}])
    assert info.value.message.endswith("(before this failure the task had added 1, updated 0 and removed 0 of 1, 1 "
                                       "and 0 accounts)")
    assert info.value.result == {"changed": True, "added": ["t-b"], "updated": [], "removed": []}
