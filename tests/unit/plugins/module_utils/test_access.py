# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""_access on the in-process emulator: ServiceAccount, ApiKey (the secret returned once,
written to a 0600 file, never in a diff, a view or a message; no second key on a re-run),
role grants one at a time (RoleGrant) and as a user's whole set (UserRoles: one PUT, purge
keeps ORG_MEMBER), people by email, JwtIssuer, and what their info modules read."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
import os
import stat

import pytest

from ansible_collections.cockroachdb.cloud.plugins.module_utils import _access
from ansible_collections.cockroachdb.cloud.plugins.module_utils._access import (
    ApiKey,
    JwtIssuer,
    RoleGrant,
    ServiceAccount,
    UserRoles,
    api_key_info,
    jwt_issuer_info,
    key_id_of,
    role_grant_info,
    service_account_info,
    user_info,
)
from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import ApiError, NotFound
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import InvalidInput
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.runner import run_task
from ansible_collections.cockroachdb.cloud.plugins.modules import (
    cockroach_api_key,
    cockroach_api_key_info,
    cockroach_jwt_issuer,
    cockroach_jwt_issuer_info,
    cockroach_role_grant,
    cockroach_role_grant_info,
    cockroach_service_account,
    cockroach_service_account_info,
    cockroach_user_info,
    cockroach_user_roles,
)
from ansible_collections.cockroachdb.cloud.tests.unit.emulator import task_params

ACCOUNTS = "/api/v1/service-accounts"
KEYS = "/api/v1/api-keys"
ISSUERS = "/api/v1/jwt-issuers"
UNKNOWN_ID = "11111111-2222-4333-8444-555555555555"
URL = "https://accounts.example.com"


def task(emulator, module, **given):
    """The task's parameters as the module's argument spec makes them, with the emulator's key."""
    return dict(task_params(module, **given), api_key=emulator.admin_key)


def run(emulator, kind, module, check_mode=False, **given):
    ctx = emulator.context(task(emulator, module, **given), check_mode=check_mode)
    result = kind(ctx).run()
    result["warnings"] = ctx.warnings
    return result


def account(emulator, check_mode=False, **given):
    return run(emulator, ServiceAccount, cockroach_service_account, check_mode, **given)


def key(emulator, check_mode=False, **given):
    return run(emulator, ApiKey, cockroach_api_key, check_mode, **given)


def grant(emulator, check_mode=False, **given):
    return run(emulator, RoleGrant, cockroach_role_grant, check_mode, **given)


def roles(emulator, check_mode=False, **given):
    return run(emulator, UserRoles, cockroach_user_roles, check_mode, **given)


def issuer(emulator, check_mode=False, **given):
    return run(emulator, JwtIssuer, cockroach_jwt_issuer, check_mode, **given)


def person(emulator, email):
    return emulator.admin.get("/api/v1/users/persons-by-email", params={"email": email})["users"][0]


def org_id(emulator):
    return emulator.admin.get("/api/v1/organization")["id"]


def held(emulator, user_id):
    """A user's grants as (role, type, id) tuples, sorted."""
    return sorted((g["name"], g["resource"]["type"], g["resource"]["id"])
                  for g in emulator.admin.get("/api/v1/roles/%s" % user_id)["roles"])


@pytest.fixture
def ci(emulator):
    """A service account ci-deployer."""
    return emulator.admin.post(ACCOUNTS, {"name": "ci-deployer", "description": "the pipeline"})


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
    monkeypatch.setattr(_access, "write_secret_file", refuse)
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


# -- role grants ---------------------------------------------------------------------------------

def test_role_grant_by_email_cycle(emulator):
    bob = person(emulator, "bob@example.com")
    mark = emulator.mark()
    predicted = grant(emulator, check_mode=True, user="BOB@example.com", role="ORG_ADMIN")
    assert emulator.operations(mark) == ["GetPersonUsersByEmail", "GetAllRolesForUser", "GetOrganizationInfo"]
    mark = emulator.mark()
    added = grant(emulator, user="bob@example.com", role="ORG_ADMIN")
    path = "/api/v1/roles/%s/ORGANIZATION/%s/ORG_ADMIN" % (bob["id"], org_id(emulator))
    assert emulator.sent(mark) == [("AddUserToRole", path, None)]
    assert added["changed"] is True and added["user_id"] == bob["id"]
    assert added["added"] == predicted["added"] == ["ORG_ADMIN on ORGANIZATION %s" % org_id(emulator)]
    assert added["diff"] == predicted["diff"] == {
        "before": {"roles": []},
        "after": {"roles": [{"role": "ORG_ADMIN", "resource_type": "ORGANIZATION", "resource": "organization"}]}}
    assert held(emulator, bob["id"]) == [("ORG_ADMIN", "ORGANIZATION", org_id(emulator))]
    # Once the user holds a role on the organization, its id comes from there: no read of it.
    mark = emulator.mark()
    again = grant(emulator, user="bob@example.com", role="ORG_ADMIN")
    assert again["changed"] is False and again["added"] == []
    assert emulator.operations(mark) == ["GetPersonUsersByEmail", "GetAllRolesForUser"]
    mark = emulator.mark()
    revoked = grant(emulator, user="bob@example.com", role="ORG_ADMIN", state="absent")
    assert emulator.sent(mark) == [("RemoveUserFromRole", path, None)]
    assert revoked["removed"] == added["added"] and revoked["roles"] == []
    mark = emulator.mark()
    assert grant(emulator, user="bob@example.com", role="ORG_ADMIN", state="absent")["changed"] is False
    assert emulator.mutations(mark) == []


def test_role_grant_on_a_folder_path_and_a_cluster_name_to_a_service_account_by_name(emulator, ci):
    folder = emulator.admin.post("/api/v1/folders", {"name": "team"})
    cluster = emulator.cluster("web-app")
    mark = emulator.mark()
    on_folder = grant(emulator, service_account="ci-deployer", role="CLUSTER_ADMIN", resource="/team")
    assert emulator.operations(mark) == ["ListServiceAccounts", "GetAllRolesForUser", "ListFolders", "AddUserToRole"]
    assert on_folder["roles"] == [{"grant": "CLUSTER_ADMIN on FOLDER %s" % folder["resource_id"], "role": "CLUSTER_ADMIN",
                                   "resource_type": "FOLDER", "resource_id": folder["resource_id"],
                                   "resource": "/team"}]
    mark = emulator.mark()
    on_cluster = grant(emulator, service_account=ci["id"], role="CLUSTER_DEVELOPER", resource="web-app")
    assert emulator.operations(mark) == ["GetAllRolesForUser", "ListClusters", "AddUserToRole"]
    assert on_cluster["diff"]["after"]["roles"] == [
        {"role": "CLUSTER_ADMIN", "resource_type": "FOLDER", "resource": folder["resource_id"]},
        {"role": "CLUSTER_DEVELOPER", "resource_type": "CLUSTER", "resource": "web-app"}]
    by_id = grant(emulator, user=ci["id"], role="CLUSTER_DEVELOPER", resource_type="CLUSTER", resource=cluster["id"])
    assert by_id["changed"] is False
    assert held(emulator, ci["id"]) == sorted([("CLUSTER_ADMIN", "FOLDER", folder["resource_id"]),
                                               ("CLUSTER_DEVELOPER", "CLUSTER", cluster["id"])])


def test_role_grant_check_mode_for_things_not_created_yet(emulator):
    mark = emulator.mark()
    predicted = grant(emulator, check_mode=True, service_account="new-account", role="FOLDER_ADMIN",
                      resource="/new/folder")
    assert emulator.operations(mark) == ["ListServiceAccounts", "ListFolders"]
    assert predicted["changed"] is True and predicted["user_id"] is None
    assert predicted["added"] == ["FOLDER_ADMIN on FOLDER /new/folder (to be created)"]
    assert len(predicted["warnings"]) == 2
    assert predicted["warnings"][0].startswith("folder /new/folder does not exist; in check mode this task predicts")
    assert predicted["warnings"][1].startswith("service account new-account does not exist; in check mode")
    with pytest.raises(NotFound, match="^no service account named 'new-account' among 1 service account$"):
        grant(emulator, service_account="new-account", role="FOLDER_ADMIN")
    with pytest.raises(InvalidInput, match="^folder /new/folder does not exist$"):
        grant(emulator, user="bob@example.com", role="FOLDER_ADMIN", resource="/new/folder")
    with pytest.raises(InvalidInput, match="^no cluster named 'no-such-app' among 0 clusters"):
        grant(emulator, user="bob@example.com", role="CLUSTER_ADMIN", resource="no-such-app")
    assert grant(emulator, service_account="new-account", role="ORG_ADMIN", state="absent")["changed"] is False


def test_unknown_people_and_users(emulator):
    with pytest.raises(NotFound, match="^no person with email dave@example.com in the organization"):
        grant(emulator, user="dave@example.com", role="ORG_MEMBER")
    with pytest.raises(NotFound, match="^no user with id %s in the organization$" % UNKNOWN_ID):
        grant(emulator, user=UNKNOWN_ID, role="ORG_MEMBER")


@pytest.mark.parametrize("given, message", [
    (dict(user="bob@example.com", role="ORG_ADMIN", resource="/team"),
     "role ORG_ADMIN can only be granted on organization, not on folder /team"),
    (dict(user="bob@example.com", role="FOLDER_ADMIN", resource="web-app"),
     "role FOLDER_ADMIN can only be granted on organization or folder, not on cluster web-app"),
    (dict(user="bob@example.com", role="CLUSTER_ADMIN", resource_type="FOLDER"),
     "resource_type FOLDER needs resource: the folder's path or id"),
    (dict(user="bob@example.com", role="CLUSTER_ADMIN", resource_type="ORGANIZATION", resource="/team"),
     "resource_type ORGANIZATION takes no folder path (/team)"),
    (dict(user="bob@example.com", role="CLUSTER_ADMIN", resource_type="CLUSTER", resource="/team"),
     "/team is a folder path, not a cluster"),
    (dict(user="bob@", role="ORG_MEMBER"), "user 'bob@' is not an email address"),
    (dict(user=" ", role="ORG_MEMBER"), "user must not be empty"),
    (dict(user="bob@example.com", role="CLUSTER_ADMIN", resource="/team/bad!"), "is not a folder name"),
])
def test_role_grant_input_checks_need_no_request(emulator, given, message):
    mark = emulator.mark()
    with pytest.raises(InvalidInput) as info:
        grant(emulator, **given)
    assert message in str(info.value)
    assert emulator.since(mark) == []


def test_user_roles_in_one_request_with_purge_keeping_org_member(emulator, ci):
    folder = emulator.admin.post("/api/v1/folders", {"name": "team"})
    org = org_id(emulator)
    emulator.admin.put("/api/v1/roles/%s" % ci["id"], {"roles": [
        {"name": "ORG_MEMBER", "resource": {"type": "ORGANIZATION", "id": org}},
        {"name": "BILLING_COORDINATOR", "resource": {"type": "ORGANIZATION", "id": org}}]})
    wanted = [{"role": "CLUSTER_ADMIN", "resource": "/team"}, {"role": "FOLDER_MOVER"}]
    mark = emulator.mark()
    predicted = roles(emulator, check_mode=True, service_account="ci-deployer", roles=wanted, purge=True)
    assert emulator.mutations(mark) == []
    mark = emulator.mark()
    result = roles(emulator, service_account="ci-deployer", roles=wanted, purge=True)
    assert emulator.operations(mark) == ["ListServiceAccounts", "GetAllRolesForUser", "ListFolders", "SetRolesForUser"]
    assert emulator.sent(mark) == [("SetRolesForUser", "/api/v1/roles/%s" % ci["id"], {"roles": [
        {"name": "CLUSTER_ADMIN", "resource": {"type": "FOLDER", "id": folder["resource_id"]}},
        {"name": "FOLDER_MOVER", "resource": {"type": "ORGANIZATION", "id": org}},
        {"name": "ORG_MEMBER", "resource": {"type": "ORGANIZATION", "id": org}}]})]
    assert result["added"] == ["CLUSTER_ADMIN on FOLDER %s" % folder["resource_id"],
                               "FOLDER_MOVER on ORGANIZATION %s" % org]
    assert result["removed"] == ["BILLING_COORDINATOR on ORGANIZATION %s" % org]
    assert result["diff"] == predicted["diff"]
    assert [m["role"] for m in result["roles"]] == ["CLUSTER_ADMIN", "FOLDER_MOVER", "ORG_MEMBER"]
    mark = emulator.mark()
    assert roles(emulator, service_account="ci-deployer", roles=wanted, purge=True)["changed"] is False
    assert emulator.mutations(mark) == []
    # ORG_MEMBER goes only when the task lists it with state=absent.
    gone = roles(emulator, service_account="ci-deployer", roles=[{"role": "ORG_MEMBER"}], state="absent")
    assert gone["removed"] == ["ORG_MEMBER on ORGANIZATION %s" % org]
    assert held(emulator, ci["id"]) == sorted([("CLUSTER_ADMIN", "FOLDER", folder["resource_id"]),
                                               ("FOLDER_MOVER", "ORGANIZATION", org)])


def test_user_roles_the_last_org_admin_stays(emulator):
    admin_account = emulator.admin.get("%s/%s" % (KEYS, key_id_of(emulator.admin_key)))["service_account_id"]
    with pytest.raises(ApiError) as info:
        roles(emulator, user=admin_account, roles=[], purge=True)
    assert info.value.status == 400
    assert info.value.message.startswith("this change would leave the organization without any ORG_ADMIN")
    assert info.value.message.endswith("(the task would have added 0 and removed 4 role grants of user %s)"
                                       % admin_account)


def test_user_roles_a_grant_listed_twice(emulator, ci):
    cluster = emulator.cluster("web-app")
    mark = emulator.mark()
    with pytest.raises(InvalidInput, match=r"^roles\[0\] and roles\[1\] both grant ORG_MEMBER on the organization"):
        roles(emulator, service_account="ci-deployer", roles=[{"role": "ORG_MEMBER"},
                                                              {"role": "ORG_MEMBER", "resource": "organization"}])
    assert emulator.since(mark) == []
    # The same cluster by name and by id: found once both are resolved, before any change.
    mark = emulator.mark()
    with pytest.raises(InvalidInput, match=r"^roles\[0\] and roles\[1\] both grant CLUSTER_ADMIN on cluster"):
        roles(emulator, service_account="ci-deployer", roles=[
            {"role": "CLUSTER_ADMIN", "resource": "web-app"},
            {"role": "CLUSTER_ADMIN", "resource": cluster["id"], "resource_type": "CLUSTER"}])
    assert emulator.mutations(mark) == []


def test_user_roles_purge_and_absent(emulator):
    with pytest.raises(InvalidInput, match="^purge applies to state=present only"):
        roles(emulator, user="bob@example.com", roles=[], purge=True, state="absent")


# -- JWT issuers ---------------------------------------------------------------------------------

def test_jwt_issuer_cycle(emulator):
    options = dict(issuer_url=URL, jwks_id="example-jwks", audience="clusters", claim="email",
                   identity_map=[{"token_identity": "/^(.*)@example.com$/", "cc_identity": "\\1"}])
    mark = emulator.mark()
    predicted = issuer(emulator, check_mode=True, **options)
    assert emulator.operations(mark) == ["ListJWTIssuers"]
    mark = emulator.mark()
    created = issuer(emulator, **options)
    assert emulator.sent(mark) == [("AddJWTIssuer", ISSUERS, dict(options))]
    assert created["diff"] == predicted["diff"] and created["diff"]["after"] == options
    mark = emulator.mark()
    assert issuer(emulator, **options)["changed"] is False
    assert emulator.operations(mark) == ["ListJWTIssuers"]
    mark = emulator.mark()
    updated = issuer(emulator, issuer_url=URL, audience="sql", jwks_id="example-jwks")
    path = "%s/%s" % (ISSUERS, created["jwt_issuer"]["id"])
    assert emulator.sent(mark) == [("UpdateJWTIssuer", path, {"audience": "sql"})]
    assert updated["diff"] == {"before": {"issuer_url": URL, "jwks_id": "example-jwks", "audience": "clusters"},
                               "after": {"issuer_url": URL, "jwks_id": "example-jwks", "audience": "sql"}}
    moved = issuer(emulator, id=created["jwt_issuer"]["id"], issuer_url=URL + "/v2")
    assert moved["jwt_issuer"]["issuer_url"] == URL + "/v2"
    mark = emulator.mark()
    deleted = issuer(emulator, issuer_url=URL + "/v2", state="absent")
    assert emulator.operations(mark) == ["ListJWTIssuers", "DeleteJWTIssuer"] and deleted["changed"] is True
    assert issuer(emulator, issuer_url=URL + "/v2", state="absent")["changed"] is False


def test_jwt_issuer_needs_a_jwks_id_to_be_created(emulator):
    mark = emulator.mark()
    with pytest.raises(InvalidInput, match="^to create JWT issuer %s, also give: jwks_id$" % URL):
        issuer(emulator, issuer_url=URL, audience="x")
    assert emulator.operations(mark) == ["ListJWTIssuers"]


@pytest.mark.parametrize("given, message", [
    (dict(issuer_url="http://accounts.example.com"), "issuer_url must be an https URL"),
    (dict(issuer_url="https://"), "issuer_url must be an https URL"),
    (dict(issuer_url=URL, jwks_id=" "), "jwks_id must not be empty"),
    (dict(issuer_url=URL, claim=""), "claim must not be empty"),
    (dict(issuer_url=URL, identity_map=[{"token_identity": "", "cc_identity": "x"}]),
     "identity_map[0] needs a non-empty token_identity"),
    (dict(issuer_url=URL, identity_map=[{"token_identity": "a", "cc_identity": "b"},
                                        {"token_identity": "a", "cc_identity": "b"}]),
     "identity_map[1] repeats the mapping of 'a' to 'b'"),
    (dict(id=""), "id must not be empty"),
])
def test_jwt_issuer_input_checks_need_no_request(emulator, given, message):
    mark = emulator.mark()
    with pytest.raises(InvalidInput) as info:
        issuer(emulator, **given)
    assert message in str(info.value)
    assert emulator.since(mark) == []


# -- info ----------------------------------------------------------------------------------------

def info(emulator, function, module, **given):
    return function(emulator.context(task(emulator, module, **given)))


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


def test_role_grant_and_user_info(emulator):
    carol = person(emulator, "carol@example.com")
    grant(emulator, user="carol@example.com", role="CLUSTER_DEVELOPER")
    every = info(emulator, role_grant_info, cockroach_role_grant_info)["grants"]
    assert sorted(g["user_id"] for g in every) == sorted([carol["id"], emulator.admin.get(
        "%s/%s" % (KEYS, key_id_of(emulator.admin_key)))["service_account_id"]])
    hers = info(emulator, role_grant_info, cockroach_role_grant_info, user="carol@example.com")["grants"]
    assert hers == [{"user_id": carol["id"], "roles": [
        {"name": "CLUSTER_DEVELOPER", "resource": {"type": "ORGANIZATION", "id": org_id(emulator)}}]}]
    assert info(emulator, role_grant_info, cockroach_role_grant_info, user="nobody@example.com")["grants"] == []
    assert info(emulator, role_grant_info, cockroach_role_grant_info, service_account="nobody")["grants"] == []
    people = info(emulator, user_info, cockroach_user_info, email="Carol@Example.com", include_roles=True)["users"]
    assert people == [dict(carol, roles=hers[0]["roles"])]
    assert info(emulator, user_info, cockroach_user_info, email="nobody@example.com")["users"] == []
    with pytest.raises(InvalidInput, match="^email 'carol' is not an email address"):
        info(emulator, user_info, cockroach_user_info, email="carol")


def test_jwt_issuer_info(emulator):
    made = emulator.admin.post(ISSUERS, {"issuer_url": URL, "jwks_id": "k"})
    assert info(emulator, jwt_issuer_info, cockroach_jwt_issuer_info)["jwt_issuers"] == [made]
    assert info(emulator, jwt_issuer_info, cockroach_jwt_issuer_info, issuer_url=URL + "/")["jwt_issuers"] == []
    assert info(emulator, jwt_issuer_info, cockroach_jwt_issuer_info, id=made["id"])["jwt_issuers"] == [made]
