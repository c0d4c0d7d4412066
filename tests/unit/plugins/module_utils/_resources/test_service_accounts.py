# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""service_accounts.ServiceAccount on the in-process emulator: create, rename by name or id,
two accounts of one name told apart by id, the account of the task's own key kept, input
checks."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import NotFound
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import InvalidInput
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources._service_account_lookup import key_id_of
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.service_accounts import ServiceAccount
from ansible_collections.cockroachdb.cloud.plugins.modules import cockroach_service_account
from ansible_collections.cockroachdb.cloud.tests.unit.plugins.module_utils._resources.access_helpers import (
    ACCOUNTS,
    KEYS,
    UNKNOWN_ID,
    run,
)


def account(emulator, check_mode=False, **given):
    return run(emulator, ServiceAccount, cockroach_service_account, check_mode, **given)


# -- service accounts ----------------------------------------------------------------------------

def test_service_account_cycle(emulator):
    mark = emulator.mark()
    predicted = account(emulator, check_mode=True, name="ci-deployer", description="the pipeline")
    assert emulator.operations(mark) == ["ListServiceAccounts"]
    mark = emulator.mark()
    created = account(emulator, name="ci-deployer", description="the pipeline")
    assert emulator.sent(mark) == [("CreateServiceAccount", ACCOUNTS, {"name": "ci-deployer",
                                                                       "description": "the pipeline"})]
    assert created["changed"] is True and created["service_account"]["id"]
    after = {"name": "ci-deployer", "description": "the pipeline"}
    assert created["diff"] == predicted["diff"] == {"before": {}, "after": after}
    mark = emulator.mark()
    again = account(emulator, name="ci-deployer", description="the pipeline")
    assert again["changed"] is False and emulator.operations(mark) == ["ListServiceAccounts"]
    mark = emulator.mark()
    changed = account(emulator, name="ci-deployer", description="deploys")
    path = "%s/%s" % (ACCOUNTS, created["service_account"]["id"])
    assert emulator.sent(mark) == [("UpdateServiceAccount", path, {"description": "deploys"})]
    assert changed["diff"] == {"before": {"name": "ci-deployer", "description": "the pipeline"},
                               "after": {"name": "ci-deployer", "description": "deploys"}}
    mark = emulator.mark()
    deleted = account(emulator, name="ci-deployer", state="absent")
    assert emulator.operations(mark) == ["ListServiceAccounts", "GetApiKey", "DeleteServiceAccount"]
    assert deleted["changed"] is True and deleted["service_account"] == {}
    assert account(emulator, name="ci-deployer", state="absent")["changed"] is False


def test_service_account_rename_by_name_then_found_under_the_new_one(emulator, ci):
    mark = emulator.mark()
    renamed = account(emulator, name="ci-deployer", new_name="deployer")
    assert emulator.sent(mark) == [("UpdateServiceAccount", "%s/%s" % (ACCOUNTS, ci["id"]), {"name": "deployer"})]
    assert renamed["diff"] == {"before": {"name": "ci-deployer"}, "after": {"name": "deployer"}}
    mark = emulator.mark()
    assert account(emulator, name="ci-deployer", new_name="deployer")["changed"] is False
    assert emulator.mutations(mark) == []
    with pytest.raises(InvalidInput, match="^service account 'gone' does not exist, so it cannot be renamed to 'x'"):
        account(emulator, name="gone", new_name="x")


def test_service_account_rename_by_id(emulator, ci):
    mark = emulator.mark()
    result = account(emulator, id=ci["id"], name="renamed")
    assert emulator.operations(mark) == ["GetServiceAccount", "UpdateServiceAccount"]
    assert result["service_account"]["name"] == "renamed"
    with pytest.raises(NotFound, match="^no service account with id %s$" % UNKNOWN_ID):
        account(emulator, id=UNKNOWN_ID, name="x")


def test_two_accounts_with_one_name_must_be_told_apart_by_id(emulator, ci):
    other = emulator.admin.post(ACCOUNTS, {"name": "ci-deployer"})
    mark = emulator.mark()
    with pytest.raises(InvalidInput) as info:
        account(emulator, name="ci-deployer", description="x")
    assert str(info.value) == ("2 service accounts are named 'ci-deployer' (ids %s): give the id of the one you mean"
                               % ", ".join(sorted([ci["id"], other["id"]])))
    assert emulator.mutations(mark) == []


def test_the_account_of_the_tasks_own_key_is_not_deleted(emulator):
    admin_account = emulator.admin.get("%s/%s" % (KEYS, key_id_of(emulator.admin_key)))["service_account_id"]
    mark = emulator.mark()
    with pytest.raises(InvalidInput, match="owns API key CCDB1_.*which this task authenticates with"):
        account(emulator, id=admin_account, state="absent")
    assert emulator.mutations(mark) == []


@pytest.mark.parametrize("given, message", [
    (dict(name=" "), "name must not be empty"),
    (dict(name="x" * 256), "name must be at most 255 characters, got 256"),
    (dict(name="ci", description="d" * 1025), "description must be at most 1024 characters, got 1025"),
    (dict(name="ci", new_name=""), "new_name must not be empty"),
    (dict(name="ci", new_name="x", state="absent"), "new_name only applies with state=present"),
    (dict(id=""), "id must not be empty"),
])
def test_service_account_input_checks_need_no_request(emulator, given, message):
    mark = emulator.mark()
    with pytest.raises(InvalidInput) as info:
        account(emulator, **given)
    assert message in str(info.value)
    assert emulator.since(mark) == []


# -- the live wire format ------------------------------------------------------------------------

def test_service_account_cycle_live(live):
    mark = live.mark()
    predicted = account(live, check_mode=True, name="ci-deployer")
    assert live.operations(mark) == ["ListServiceAccounts"]
    mark = live.mark()
    created = account(live, name="ci-deployer")
    # The live service requires a description and roles: none given, none granted.
    assert live.sent(mark) == [("CreateServiceAccount", ACCOUNTS, {"name": "ci-deployer", "description": "",
                                                                   "roles": []})]
    assert created["diff"] == predicted["diff"] == {"before": {}, "after": {"name": "ci-deployer"}}
    shown = created["service_account"]
    assert shown["roles"] == [] and shown["group_roles"] == [] and shown["creator_name"] == "emulator-admin"
    mark = live.mark()
    again = account(live, name="ci-deployer", description="")
    assert again["changed"] is False and live.operations(mark) == ["ListServiceAccounts"]
    mark = live.mark()
    changed = account(live, name="ci-deployer", description="deploys")
    path = "%s/%s" % (ACCOUNTS, shown["id"])
    assert live.sent(mark) == [("UpdateServiceAccount", path, {"description": "deploys"})]
    assert changed["diff"] == {"before": {"name": "ci-deployer", "description": ""},
                               "after": {"name": "ci-deployer", "description": "deploys"}}
    mark = live.mark()
    renamed = account(live, id=shown["id"], name="deployer", description="deploys")
    assert live.sent(mark) == [("UpdateServiceAccount", path, {"name": "deployer"})]
    assert renamed["service_account"]["name"] == "deployer"
    mark = live.mark()
    deleted = account(live, name="deployer", state="absent")
    assert live.operations(mark) == ["ListServiceAccounts", "GetApiKey", "DeleteServiceAccount"]
    assert deleted["changed"] is True
    assert account(live, name="deployer", state="absent")["changed"] is False


def test_service_account_description_given_at_create_live(live):
    mark = live.mark()
    created = account(live, name="ci", description="the pipeline")
    assert live.sent(mark) == [("CreateServiceAccount", ACCOUNTS, {"name": "ci", "description": "the pipeline",
                                                                   "roles": []})]
    mark = live.mark()
    assert account(live, name="ci", description="the pipeline")["changed"] is False
    assert live.mutations(mark) == []
    assert created["diff"]["after"] == {"name": "ci", "description": "the pipeline"}


def test_service_account_diff_is_the_same_in_both_formats(emulator, live):
    results = [account(server, name="ci", description="x") for server in (emulator, live)]
    assert results[0]["diff"] == results[1]["diff"] and [r["changed"] for r in results] == [True, True]
    again = [account(server, name="ci", description="y") for server in (emulator, live)]
    assert again[0]["diff"] == again[1]["diff"]
