# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""_kit.info.listing_info with ``id_option``, and ``Collection.by_id`` behind it: a task that
gives an id reads that one member with one GET (404: none), never the listing."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import InvalidInput
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.collection import Collection
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.info import listing_info

UNKNOWN = "5d56c004-1ae9-4f72-9fc8-ed1a0cda3957"


class Accounts(Collection):
    kind = "service_account"
    path = "service-accounts"
    items = "service_accounts"
    item_key = "id"
    id_option = "id"


class RetiredAccounts(Accounts):
    """Accounts whose description says ``retired`` count as absent (as DELETED clusters do)."""

    def gone(self, item):
        return item.get("description") == "retired"


def _accounts(emu, *names, **more):
    return [emu.admin.post("/api/v1/service-accounts", dict({"name": name}, **more)) for name in names]


def read(emu, description=Accounts, **params):
    return listing_info(emu.context(params), description, "service_accounts", id_option="id",
                        every="service account")


def test_an_id_is_one_get_of_that_member(emu):
    first, second = _accounts(emu, "deploy", "backup")
    mark = emu.mark()
    assert read(emu, id=second["id"]) == {"changed": False, "service_accounts": [second]}
    assert emu.operations(mark) == ["GetServiceAccount"]


def test_an_unknown_id_is_an_empty_result(emu):
    mark = emu.mark()
    assert read(emu, id=UNKNOWN) == {"changed": False, "service_accounts": []}
    assert emu.operations(mark) == ["GetServiceAccount"]


def test_the_key_still_filters_the_member_read_by_id(emu):
    account, = _accounts(emu, "deploy")
    assert read(emu, id=account["id"], name="deploy")["service_accounts"] == [account]
    assert read(emu, id=account["id"], name="other")["service_accounts"] == []


def test_without_an_id_the_listing(emu):
    _accounts(emu, "deploy", "backup")
    mark = emu.mark()
    assert [a["name"] for a in read(emu, name="backup")["service_accounts"]] == ["backup"]
    assert emu.operations(mark) == ["ListServiceAccounts"]


@pytest.mark.parametrize("params, option", [({"id": " "}, "id"), ({"name": "", "id": " "}, "name")])
def test_a_blank_key_or_id_is_refused_before_any_request(emu, params, option):
    mark = emu.mark()
    with pytest.raises(InvalidInput) as info:
        read(emu, **params)
    assert str(info.value) == "%s must not be empty: leave it out to list every service account" % option
    assert emu.operations(mark) == []


def test_a_member_that_counts_as_gone_is_not_found_by_id(emu):
    retired, = _accounts(emu, "old", description="retired")
    assert RetiredAccounts(emu.context({})).by_id(retired["id"]) is None
    assert read(emu, RetiredAccounts, id=retired["id"])["service_accounts"] == []
    assert Accounts(emu.context({})).by_id(UNKNOWN) is None
