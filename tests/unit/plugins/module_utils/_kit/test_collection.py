# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The Collection kind and the reconcile of _kit.member, on a small description of the
API's service accounts (org scope, found by name or id, description updatable)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import NotFound
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import InvalidInput
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.collection import Collection
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.fields import Field, Fields


class Accounts(Collection):
    kind = "service_account"
    path = "service-accounts"
    items = "service_accounts"
    id_option = "id"
    item_key = "id"
    required_to_create = ("description",)
    fields = Fields(Field("name", update=False), Field("description"))


def run(emu, check_mode=False, **params):
    merged = dict(name="ci-bot", id=None, description=None, state="present", wait=True, wait_timeout=60)
    merged.update(params)
    return Accounts(emu.context(merged, check_mode=check_mode)).run()


def test_the_whole_cycle(emu):
    mark = emu.mark()
    predicted = run(emu, check_mode=True, description="CI")
    assert predicted["changed"] is True
    assert predicted["service_account"] == {"name": "ci-bot", "description": "CI"}
    assert predicted["diff"] == {"before": {}, "after": {"name": "ci-bot", "description": "CI"}}
    assert emu.mutations(mark) == []

    mark = emu.mark()
    created = run(emu, description="CI")
    assert created["changed"] is True and created["service_account"]["id"]
    assert created["diff"] == predicted["diff"]
    assert emu.mutations(mark) == ["CreateServiceAccount"]

    mark = emu.mark()
    again = run(emu, description="CI")
    assert again["changed"] is False and again["diff"]["before"] == again["diff"]["after"]
    assert emu.operations(mark) == ["ListServiceAccounts"]

    mark = emu.mark()
    check_update = run(emu, check_mode=True, description="CI runners")
    updated = run(emu, description="CI runners")
    assert updated["changed"] is True
    assert check_update["diff"] == updated["diff"]
    assert updated["diff"] == {"before": {"name": "ci-bot", "description": "CI"},
                               "after": {"name": "ci-bot", "description": "CI runners"}}
    assert emu.mutations(mark) == ["UpdateServiceAccount"]
    assert emu.log()[-1]["operation"] == "UpdateServiceAccount"

    by_id = run(emu, name=None, id=created["service_account"]["id"], description="CI runners")
    assert by_id["changed"] is False

    mark = emu.mark()
    deleted = run(emu, state="absent")
    again = run(emu, state="absent")
    assert deleted["changed"] is True and deleted["service_account"] == {} and deleted["diff"]["after"] == {}
    assert again["changed"] is False
    assert emu.mutations(mark) == ["DeleteServiceAccount"]


def test_an_unknown_id_never_creates(emu):
    mark = emu.mark()
    with pytest.raises(NotFound, match="^no service account with id 5d56c004-1ae9-4f72-9fc8-ed1a0cda3957$"):
        run(emu, name=None, id="5d56c004-1ae9-4f72-9fc8-ed1a0cda3957", description="x")
    assert run(emu, name=None, id="5d56c004-1ae9-4f72-9fc8-ed1a0cda3957", state="absent")["changed"] is False
    assert emu.mutations(mark) == []


def test_what_a_create_needs_is_asked_for_before_any_change(emu):
    mark = emu.mark()
    with pytest.raises(InvalidInput, match="^to create service account ci-bot, also give: description$"):
        run(emu)
    assert emu.mutations(mark) == []


def test_an_immutable_field_is_refused_before_any_change(emu):
    account = run(emu, description="CI")["service_account"]
    mark = emu.mark()
    with pytest.raises(InvalidInput, match="service account ci-bot has name ci-bot; it cannot change to other"):
        run(emu, id=account["id"], name="other")
    assert emu.mutations(mark) == []


def test_the_listing_is_read_once_and_every_page(emu):
    for index in range(3):
        emu.admin.post("/api/v1/service-accounts", {"name": "bot-%d" % index})
    accounts = Accounts(emu.context(dict(name="bot-2", id=None, description=None, state="present")))
    mark = emu.mark()
    assert accounts.lookup()["name"] == "bot-2"
    assert accounts.find_in_listing("bot-0")["name"] == "bot-0"
    assert emu.operations(mark) == ["ListServiceAccounts"]
    assert emu.log()[-1]["query"]["pagination.limit"] == ["500"]
