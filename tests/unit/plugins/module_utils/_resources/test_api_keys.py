# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""api_keys.ApiKey on the in-process emulator: the secret returned once, written to a 0600
file, never in a diff, a view or a message; no second key on a re-run; lost answers; and
what cockroach_service_account_info and cockroach_api_key_info read (never a secret)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
import os
import stat

import pytest

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import NotFound
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import InvalidInput
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.runner import run_task
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources import api_keys
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources._service_account_lookup import key_id_of
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.api_keys import ApiKey, api_key_info
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.service_accounts import service_account_info
from ansible_collections.cockroachdb.cloud.plugins.modules import (
    cockroach_api_key,
    cockroach_api_key_info,
    cockroach_service_account_info,
)
from ansible_collections.cockroachdb.cloud.tests.unit.plugins.module_utils._resources.access_helpers import (
    ACCOUNTS,
    KEYS,
    UNKNOWN_ID,
    info,
    run,
    task,
)


def key(emulator, check_mode=False, **given):
    return run(emulator, ApiKey, cockroach_api_key, check_mode, **given)


# -- API keys ------------------------------------------------------------------------------------

def test_api_key_created_once_its_secret_returned_once_and_written_0600(emulator, ci, tmp_path):
    secret_file = str(tmp_path / "ci.key")
    options = dict(service_account="ci-deployer", name="ci-2026", secret_file=secret_file)
    mark = emulator.mark()
    predicted = key(emulator, check_mode=True, **options)
    assert emulator.operations(mark) == ["ListServiceAccounts", "ListApiKeys"]
    assert "secret" not in predicted and not os.path.exists(secret_file)

    mark = emulator.mark()
    created = key(emulator, **options)
    assert emulator.sent(mark) == [("CreateApiKey", KEYS, {"name": "ci-2026", "service_account_id": ci["id"]})]
    assert emulator.queries(mark)[1] == (KEYS, {"service_account_id": ci["id"], "pagination.limit": "500"})
    secret = created["secret"]
    assert key_id_of(secret) == created["api_key"]["id"]
    with open(secret_file) as handle:
        assert handle.read() == secret  # the secret alone, no newline
    assert stat.S_IMODE(os.stat(secret_file).st_mode) == 0o600
    # The secret is in the result once, at its own key: never in the key, the diff or a warning.
    shown = dict(created, secret=None)
    assert secret not in json.dumps(shown)
    after = {"name": "ci-2026", "service_account_id": ci["id"]}
    assert created["diff"] == predicted["diff"] == {"before": {}, "after": after}

    mark = emulator.mark()
    again = key(emulator, **options)
    assert again["changed"] is False and "secret" not in again and again["warnings"] == []
    assert emulator.operations(mark) == ["ListServiceAccounts", "ListApiKeys"]
    assert len(emulator.admin.list_all(KEYS, "api_keys", params={"service_account_id": ci["id"]})) == 1


def test_an_existing_key_does_not_write_the_file_and_says_why(emulator, ci, tmp_path):
    emulator.admin.post(KEYS, {"name": "ci-2026", "service_account_id": ci["id"]})
    secret_file = str(tmp_path / "ci.key")
    result = key(emulator, service_account=ci["id"], name="ci-2026", secret_file=secret_file)
    assert result["changed"] is False and not os.path.exists(secret_file)
    assert result["warnings"] == [
        "API key ci-2026 exists already, so secret_file %s was not written: the service shows a key's secret only "
        "when the key is created. To get a secret, delete the key (state=absent) and create it again" % secret_file]


def test_a_secret_file_that_cannot_be_written_after_the_create_fails_with_changed_and_no_secret(
        emulator, ci, tmp_path, monkeypatch):
    given = []

    def refuse(path, secret):
        given.append(secret)
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(api_keys, "write_secret_file", refuse)
    params = task(emulator, cockroach_api_key, service_account="ci-deployer", name="ci-2026",
                  secret_file=str(tmp_path / "ci.key"))
    failure = run_task(ApiKey.task, emulator.context(params))
    created = emulator.admin.list_all(KEYS, "api_keys", params={"service_account_id": ci["id"]})[0]
    assert failure["failed"] is True and failure["changed"] is True
    assert failure["api_key"] == created
    assert failure["msg"] == ("API key ci-2026 (id %s) was created, but its secret could not be written to %s: No space "
                              "left on device. The secret cannot be read again: delete the key and run the task again"
                              % (created["id"], tmp_path / "ci.key"))
    assert key_id_of(given[0]) == created["id"]
    assert "secret" not in failure and given[0] not in json.dumps(failure)


def lose_the_create_answer(emulator):
    """The emulator makes the next keys, then drops the connection before it answers."""
    emulator.control("PUT", "faults", {"rate": 1.0, "kinds": ["drop-after"], "operations": ["CreateApiKey"],
                                       "seed": 1})


def created_keys(emulator, account_id):
    return emulator.admin.list_all(KEYS, "api_keys", params={"service_account_id": account_id})


def lost_secret_failure(name, key_id, not_written=""):
    return ("API key %s (id %s) was created, but the answer that held its secret was lost%s; the service never shows "
            "a secret again. Delete the key (cockroachdb.cloud.cockroach_api_key with id: %s, state: absent) and run "
            "this task again to get a new one" % (name, key_id, not_written, key_id))


def test_secret_lost_is_false_in_every_result_that_has_the_secret_or_needs_none(emulator, ci):
    options = dict(service_account="ci-deployer", name="ci-2026")
    results = [key(emulator, check_mode=True, **options), key(emulator, **options), key(emulator, **options),
               key(emulator, state="absent", **options)]
    assert [r["changed"] for r in results] == [True, True, False, True]
    assert [r["secret_lost"] for r in results] == [False, False, False, False]
    assert "secret" in results[1]


def test_a_lost_secret_says_so_in_the_result_and_warns(emulator, ci):
    lose_the_create_answer(emulator)
    mark = emulator.mark()
    result = key(emulator, service_account="ci-deployer", name="ci-2026")
    made = created_keys(emulator, ci["id"])
    assert emulator.mutations(mark) == ["CreateApiKey"] and len(made) == 1  # found, not sent again
    assert result["changed"] is True and result["secret_lost"] is True and "secret" not in result
    assert result["api_key"] == made[0]
    assert result["warnings"] == [
        "API key ci-2026 (id %s) was created, but the answer that held its secret was lost (secret_lost: true), and "
        "the service never shows a secret again. To get one, delete the key (state=absent) and run this task again; "
        "set fail_on_lost_secret: true to make this fail" % made[0]["id"]]


@pytest.mark.parametrize("asked", ["secret_file", "fail_on_lost_secret"])
def test_a_lost_secret_fails_the_task_when_the_secret_is_needed(emulator, ci, tmp_path, asked):
    secret_file = tmp_path / "ci.key"
    options = dict(service_account="ci-deployer", name="ci-2026")
    options.update(secret_file=str(secret_file)) if asked == "secret_file" else options.update(fail_on_lost_secret=True)
    lose_the_create_answer(emulator)
    mark = emulator.mark()
    failure = run_task(ApiKey.task, emulator.context(task(emulator, cockroach_api_key, **options)))
    made = created_keys(emulator, ci["id"])
    assert emulator.mutations(mark) == ["CreateApiKey"] and len(made) == 1
    assert failure["failed"] is True and failure["changed"] is True and failure["secret_lost"] is True
    assert failure["api_key"] == made[0] and "secret" not in failure
    not_written = ", so secret_file %s was not written" % secret_file if asked == "secret_file" else ""
    assert failure["msg"] == lost_secret_failure("ci-2026", made[0]["id"], not_written)
    assert not secret_file.exists()


def test_a_lost_create_answer_then_no_service_says_the_key_may_exist(emulator, ci, monkeypatch):
    """The create's answer is lost, then the service cannot be reached to read whether the key
    was made: the task says the key may exist and how to check, and sends the create once."""
    lose_the_create_answer(emulator)
    remember = emulator.adapter.record

    def then_unreachable(request):
        remember(request)
        if request.method == "POST":
            emulator.control("PUT", "faults", {"rate": 1.0, "kinds": ["drop"], "seed": 1})
    monkeypatch.setattr(emulator.adapter, "record", then_unreachable)
    mark = emulator.mark()
    failure = run_task(ApiKey.task, emulator.context(task(emulator, cockroach_api_key, service_account="ci-deployer",
                                                          name="ci-2026", secret_file="/tmp/it-never-written.key")))
    emulator.control("DELETE", "faults")
    made = created_keys(emulator, ci["id"])
    assert emulator.mutations(mark) == ["CreateApiKey"] and len(made) == 1
    assert failure["failed"] is True and "secret" not in failure and not os.path.exists("/tmp/it-never-written.key")
    assert failure["msg"].startswith(
        "API key ci-2026 of service account ci-deployer may have been created: the answer to POST /api/v1/api-keys was "
        "lost (cannot reach http://emulator.localhost: the server closed the connection without answering), and "
        "reading the account's keys then failed (GET /api/v1/api-keys failed: cannot reach http://emulator.localhost: "
        "the server closed the connection without answering (gave up after 6 attempts in ")
    assert failure["msg"].endswith(
        "If it was created, its secret is lost. When the service answers again, look for it with "
        "cockroachdb.cloud.cockroach_api_key_info (service_account: ci-deployer, name: ci-2026): if it is listed, "
        "delete it (state=absent) and run this task again; if not, run this task again")


def test_a_secret_file_directory_not_made_yet_is_a_warning_in_check_mode(emulator, ci, tmp_path):
    secret_file = str(tmp_path / "later" / "ci.key")
    predicted = key(emulator, check_mode=True, service_account="ci-deployer", name="k", secret_file=secret_file)
    assert predicted["changed"] is True
    assert predicted["warnings"] == ["the directory of secret_file %s does not exist: create %s first (in check mode "
                                     "this task predicts as if an earlier task created it; a real run fails unless it "
                                     "exists by then)" % (secret_file, tmp_path / "later")]
    mark = emulator.mark()
    with pytest.raises(InvalidInput, match="^the directory of secret_file .* does not exist"):
        key(emulator, service_account="ci-deployer", name="k", secret_file=secret_file)
    assert emulator.since(mark) == []


def test_api_key_check_mode_for_an_account_not_created_yet(emulator):
    predicted = key(emulator, check_mode=True, service_account="new-account", name="k")
    assert predicted["changed"] is True and predicted["api_key"] == {"name": "k", "service_account_id": None}
    assert predicted["warnings"] == [
        "no service account named 'new-account' among 1 service account; in check mode this task predicts the key "
        "as for a new service account (as if an earlier task created it), a real run fails unless it exists by then"]
    with pytest.raises(NotFound, match="^no service account named 'new-account' among 1 service account$"):
        key(emulator, service_account="new-account", name="k")
    with pytest.raises(NotFound, match="^no service account with id %s$" % UNKNOWN_ID):
        key(emulator, service_account=UNKNOWN_ID, name="k")
    assert key(emulator, service_account="new-account", name="k", state="absent")["changed"] is False


def test_api_key_rename_and_delete(emulator, ci):
    made = emulator.admin.post(KEYS, {"name": "ci-2026", "service_account_id": ci["id"]})["api_key"]
    mark = emulator.mark()
    renamed = key(emulator, service_account="ci-deployer", name="ci-2026", new_name="ci-primary")
    assert emulator.sent(mark) == [("UpdateApiKey", "%s/%s" % (KEYS, made["id"]), {"name": "ci-primary"})]
    assert renamed["diff"]["after"]["name"] == "ci-primary" and "secret" not in renamed
    assert key(emulator, service_account="ci-deployer", name="ci-2026", new_name="ci-primary")["changed"] is False
    mark = emulator.mark()
    by_id = key(emulator, id=made["id"], name="ci-main")
    assert emulator.operations(mark) == ["GetApiKey", "UpdateApiKey"] and by_id["api_key"]["name"] == "ci-main"
    emulator.admin.post(ACCOUNTS, {"name": "other"})
    with pytest.raises(InvalidInput, match="belongs to service account %s, not to other; a key cannot move" % ci["id"]):
        key(emulator, id=made["id"], service_account="other")
    mark = emulator.mark()
    deleted = key(emulator, id=made["id"], state="absent")
    assert emulator.operations(mark) == ["GetApiKey", "DeleteApiKey"]
    assert deleted["changed"] is True and deleted["diff"]["after"] == {}
    assert key(emulator, id=made["id"], state="absent")["changed"] is False


def test_two_keys_with_one_name(emulator, ci):
    twin = {"name": "twin", "service_account_id": ci["id"]}
    emulator.admin.post(KEYS, twin)
    emulator.admin.post(KEYS, twin)
    with pytest.raises(InvalidInput, match="^2 API keys are named 'twin' "):
        key(emulator, service_account="ci-deployer", name="twin", state="absent")


def test_the_tasks_own_key_is_not_deleted(emulator):
    own = key_id_of(emulator.admin_key)
    mark = emulator.mark()
    with pytest.raises(InvalidInput, match="is the key this task authenticates with; deleting it would lock out"):
        key(emulator, id=own, state="absent")
    assert emulator.mutations(mark) == []


@pytest.mark.parametrize("given, message", [
    (dict(name="k"), "service_account is needed to find API key 'k' by name"),
    (dict(service_account="ci", name="x" * 101), "name must be at most 100 characters, got 101"),
    (dict(service_account=" ", name="k"), "service_account must not be empty"),
    (dict(service_account="ci", name="k", new_name="j", state="absent"), "new_name only applies with state=present"),
    (dict(service_account="ci", name="k", secret_file="/nonexistent-dir/k.key"),
     "the directory of secret_file /nonexistent-dir/k.key does not exist"),
    (dict(service_account="ci", name="k", secret_file="/tmp"), "secret_file /tmp is a directory"),
    (dict(id=" "), "id must not be empty"),
])
def test_api_key_input_checks_need_no_request(emulator, given, message):
    mark = emulator.mark()
    with pytest.raises(InvalidInput) as info:
        key(emulator, **given)
    assert message in str(info.value)
    assert emulator.since(mark) == []


def test_key_id_of():
    assert key_id_of("CCDB1_abc123_def456") == "CCDB1_abc123"
    assert key_id_of("not-a-secret") is None and key_id_of(None) is None


def test_service_account_and_api_key_info_never_show_secrets(emulator, ci):
    created = emulator.admin.post(KEYS, {"name": "ci-2026", "service_account_id": ci["id"]})
    accounts = info(emulator, service_account_info, cockroach_service_account_info, name="ci-deployer")
    assert [a["id"] for a in accounts["service_accounts"]] == [ci["id"]]
    mark = emulator.mark()
    by_id = info(emulator, service_account_info, cockroach_service_account_info, id=ci["id"])
    assert emulator.operations(mark) == ["GetServiceAccount"] and by_id["service_accounts"][0]["name"] == "ci-deployer"
    keys = info(emulator, api_key_info, cockroach_api_key_info, service_account="ci-deployer")
    assert keys["api_keys"] == [created["api_key"]]
    assert created["secret"] not in json.dumps(keys)
    everything = info(emulator, api_key_info, cockroach_api_key_info)["api_keys"]
    assert len(everything) == 2  # the emulator's admin key, and this one
    assert info(emulator, api_key_info, cockroach_api_key_info, id=created["api_key"]["id"])["api_keys"] == keys[
        "api_keys"]
    assert info(emulator, api_key_info, cockroach_api_key_info, service_account="nobody")["api_keys"] == []
    assert info(emulator, service_account_info, cockroach_service_account_info, id=UNKNOWN_ID)[
        "service_accounts"] == []


def test_api_key_info_by_id_keeps_the_service_account_filter(emulator, ci):
    """Issue 20: with id, service_account was dropped (the key of another account was returned)."""
    created = emulator.admin.post(KEYS, {"name": "ci-2026", "service_account_id": ci["id"]})["api_key"]
    other = emulator.admin.post(ACCOUNTS, {"name": "other"})
    for account in ("ci-deployer", ci["id"]):
        assert info(emulator, api_key_info, cockroach_api_key_info, id=created["id"],
                    service_account=account)["api_keys"] == [created]
    mark = emulator.mark()
    assert info(emulator, api_key_info, cockroach_api_key_info, id=created["id"], service_account="other")[
        "api_keys"] == []
    assert emulator.operations(mark) == ["GetApiKey", "ListServiceAccounts"]
    for account in (other["id"], "nobody"):
        assert info(emulator, api_key_info, cockroach_api_key_info, id=created["id"], service_account=account)[
            "api_keys"] == []


# -- the live wire format ------------------------------------------------------------------------

def test_api_key_cycle_live(live, tmp_path):
    ci = live.admin.post(ACCOUNTS, {"name": "ci-deployer", "description": "", "roles": []})
    secret_file = str(tmp_path / "ci.key")
    options = dict(service_account="ci-deployer", name="ci-2026", secret_file=secret_file)
    predicted = key(live, check_mode=True, **options)
    mark = live.mark()
    created = key(live, **options)
    assert live.sent(mark) == [("CreateApiKey", KEYS, {"name": "ci-2026", "service_account_id": ci["id"]})]
    assert key_id_of(created["secret"]) == created["api_key"]["id"]
    with open(secret_file) as handle:
        assert handle.read() == created["secret"]
    after = {"name": "ci-2026", "service_account_id": ci["id"]}
    assert created["diff"] == predicted["diff"] == {"before": {}, "after": after}
    mark = live.mark()
    again = key(live, **options)
    assert again["changed"] is False and "secret" not in again
    assert live.operations(mark) == ["ListServiceAccounts", "ListApiKeys"]
    mark = live.mark()
    renamed = key(live, id=created["api_key"]["id"], name="ci-2027")
    assert live.sent(mark) == [("UpdateApiKey", "%s/%s" % (KEYS, created["api_key"]["id"]), {"name": "ci-2027"})]
    assert renamed["diff"] == {"before": {"name": "ci-2026", "service_account_id": ci["id"]},
                               "after": {"name": "ci-2027", "service_account_id": ci["id"]}}
    mark = live.mark()
    deleted = key(live, service_account=ci["id"], name="ci-2027", state="absent")
    assert live.mutations(mark) == ["DeleteApiKey"] and deleted["changed"] is True
    assert key(live, service_account=ci["id"], name="ci-2027", state="absent")["changed"] is False
    keys = info(live, api_key_info, cockroach_api_key_info, service_account="ci-deployer")["api_keys"]
    assert keys == []
