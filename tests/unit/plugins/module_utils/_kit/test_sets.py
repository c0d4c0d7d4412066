# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The Set kind, on small descriptions: the organization's service accounts as a set
keyed by name, their description the managed field (some not purgeable); a cluster's SQL
users, their password a write-only field sent in a request of its own."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import ApiError
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import MASK, InvalidInput
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.fields import Field, Fields, Send
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.sets import Set
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources._cluster_lookup import ClusterScope


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


# -- purgeable: members the service makes itself ------------------------------------------------

class AccountsKeepingOwn(Accounts):
    """The same set, but ``t-own-`` accounts are the service's own: never purged."""

    def purgeable(self, member):
        return not member["name"].startswith("t-own-")


def test_a_purge_leaves_the_members_that_are_not_purgeable_but_absent_removes_them(emu):
    for name in ("t-own-1", "t-old"):
        emu.admin.post("/api/v1/service-accounts", {"name": name})
    params = dict(accounts=[{"name": "t-new"}], purge=True, state="present")
    mark = emu.mark()
    predicted = AccountsKeepingOwn(emu.context(params, check_mode=True)).run()
    done = AccountsKeepingOwn(emu.context(params)).run()
    assert predicted == done
    assert (done["added"], done["removed"]) == (["t-new"], ["t-old"])
    assert names(done["service_accounts"]) == ["t-new", "t-own-1"]  # still in the whole set
    assert emu.mutations(mark) == ["CreateServiceAccount", "DeleteServiceAccount"]
    removed = AccountsKeepingOwn(emu.context(dict(accounts=[{"name": "t-own-1"}], state="absent"))).run()
    assert removed["removed"] == ["t-own-1"]


# -- a write-only field, sent in a request of its own ---------------------------------------------

class Users(Set):
    """A cluster's SQL users, the password write-only and PUT to ``<user>/password``."""

    kind = "users"
    noun = "user"
    scope = ClusterScope
    path = "sql-users"
    items = "users"
    option = "users"
    key_field = "name"
    fields = Fields(Field("password", api=False, secret=True, write_only="update_password",
                          update=Send("PUT", suffix="password", body="password", idempotent=True)))

    def canonical(self, item):
        return {"name": item["name"]}

    def desired(self, entries):
        return [(e["name"], {} if self.state == "absent" else {"password": e["password"]}) for e in entries]

    def item_path(self, member):
        return "%s/%s" % (self.base, member["name"])

    def create_body(self, member):
        return {"name": member["name"], "password": member["password"]}

    def update_body(self, before, after):
        raise AssertionError("no PATCH: the password goes with its own request")


def test_a_write_only_field_goes_at_create_then_only_with_always_in_its_own_request(emu):
    cluster = emu.cluster("kit-users")
    base = "/api/v1/clusters/%s/sql-users" % cluster["id"]
    emu.admin.post(base, {"name": "old", "password": "old-password"})

    def users(check_mode=False, **params):
        merged = dict(cluster="kit-users", users=[{"name": "new", "password": "new-password"},
                                                  {"name": "old", "password": "next-password"}],
                      purge=False, state="present", update_password="on_create")
        merged.update(params)
        return Users(emu.context(merged, check_mode=check_mode)).run()

    mark = emu.mark()
    predicted = users(check_mode=True)
    assert emu.mutations(mark) == []
    done = users()
    assert done == predicted
    assert (done["added"], done["updated"]) == (["new"], [])  # on_create: the existing one is left alone
    assert emu.sent(mark) == [("CreateSQLUser", base, {"name": "new", "password": "new-password"})]
    assert done["users"] == [{"name": "new"}, {"name": "old"}]  # never in the result
    assert done["diff"] == {"before": {"users": [{"name": "old"}]},
                            "after": {"users": [{"name": "new", "password": MASK}, {"name": "old"}]}}
    mark = emu.mark()
    assert users()["changed"] is False and emu.operations(mark) == ["ListClusters", "ListSQLUsers"]

    mark = emu.mark()
    predicted = users(check_mode=True, update_password="always")
    again = users(update_password="always")
    assert again == predicted and again["updated"] == ["new", "old"]
    assert emu.sent(mark) == [("UpdateSQLUserPassword", base + "/new/password", {"password": "new-password"}),
                              ("UpdateSQLUserPassword", base + "/old/password", {"password": "next-password"})]
    assert again["diff"]["after"] == {"users": [{"name": "new", "password": MASK}, {"name": "old", "password": MASK}]}
    assert "next-password" not in repr(again) and "new-password" not in repr(again)
