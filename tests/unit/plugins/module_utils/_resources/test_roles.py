# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""roles on the in-process emulator: role grants one at a time (RoleGrant) and as a user's
whole set (UserRoles: one PUT, purge keeps ORG_MEMBER), people by email, and what
cockroach_user_info and cockroach_role_grant_info read."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json

import pytest

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import ApiError, NotFound
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import InvalidInput
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources._service_account_lookup import key_id_of
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.roles import (
    RoleGrant,
    UserRoles,
    person_users,
    role_grant_info,
    user_info,
)
from ansible_collections.cockroachdb.cloud.plugins.modules import (
    cockroach_role_grant,
    cockroach_role_grant_info,
    cockroach_user_info,
    cockroach_user_roles,
)
from ansible_collections.cockroachdb.cloud.tests.unit.plugins.module_utils._resources.access_helpers import (
    ACCOUNTS,
    KEYS,
    UNKNOWN_ID,
    info,
    run,
)


def grant(emulator, check_mode=False, **given):
    return run(emulator, RoleGrant, cockroach_role_grant, check_mode, **given)


def roles(emulator, check_mode=False, **given):
    return run(emulator, UserRoles, cockroach_user_roles, check_mode, **given)


def person(emulator, email):
    return emulator.admin.get("/api/v1/users/persons-by-email", params={"email": email})["users"][0]


def org_id(emulator):
    return emulator.admin.get("/api/v1/organization")["id"]


def held(emulator, user_id):
    """A user's grants as (role, type, id) tuples, sorted."""
    return sorted((g["name"], g["resource"]["type"], g["resource"]["id"])
                  for g in emulator.admin.get("/api/v1/roles/%s" % user_id)["roles"])


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


# -- the live wire format ------------------------------------------------------------------------
# Grants on the organization show without its id there (and are sent without it); persons by
# email answer `user`.

def live_person(live, email):
    return live.admin.get("/api/v1/users/persons-by-email", params={"email": email})["user"]


def live_account(live, name="ci-deployer"):
    return live.admin.post(ACCOUNTS, {"name": name, "description": "", "roles": []})


def test_role_grant_by_email_cycle_live(live):
    bob = live_person(live, "bob@example.com")
    org = org_id(live)
    mark = live.mark()
    predicted = grant(live, check_mode=True, user="BOB@example.com", role="ORG_ADMIN")
    assert live.mutations(mark) == []
    mark = live.mark()
    added = grant(live, user="bob@example.com", role="ORG_ADMIN")
    path = "/api/v1/roles/%s/ORGANIZATION/%s/ORG_ADMIN" % (bob["id"], org)
    assert live.sent(mark) == [("AddUserToRole", path, None)]
    assert added["user_id"] == bob["id"]
    assert added["added"] == predicted["added"] == ["ORG_ADMIN on ORGANIZATION %s" % org]
    assert added["diff"] == predicted["diff"] == {
        "before": {"roles": []},
        "after": {"roles": [{"role": "ORG_ADMIN", "resource_type": "ORGANIZATION", "resource": "organization"}]}}
    assert added["roles"] == [{"grant": "ORG_ADMIN on ORGANIZATION %s" % org, "role": "ORG_ADMIN",
                               "resource_type": "ORGANIZATION", "resource_id": org, "resource": "organization"}]
    # The grant read back has no id: it is the organization's, so nothing changes.
    mark = live.mark()
    again = grant(live, user="bob@example.com", role="ORG_ADMIN")
    assert again["changed"] is False and again["roles"] == added["roles"]
    assert live.operations(mark) == ["GetPersonUsersByEmail", "GetAllRolesForUser", "GetOrganizationInfo"]
    mark = live.mark()
    revoked = grant(live, user="bob@example.com", role="ORG_ADMIN", state="absent")
    assert live.sent(mark) == [("RemoveUserFromRole", path, None)]
    assert revoked["removed"] == added["added"] and revoked["roles"] == []
    mark = live.mark()
    assert grant(live, user="bob@example.com", role="ORG_ADMIN", state="absent")["changed"] is False
    assert live.mutations(mark) == []


def test_user_roles_live_send_organization_grants_without_the_id(live):
    ci = live_account(live)
    cluster = live.cluster("web-app")
    org = org_id(live)
    live.admin.put("/api/v1/roles/%s" % ci["id"], {"roles": [
        {"name": "ORG_MEMBER", "resource": {"type": "ORGANIZATION"}},
        {"name": "BILLING_COORDINATOR", "resource": {"type": "ORGANIZATION"}}]})
    wanted = [{"role": "CLUSTER_ADMIN", "resource": "web-app"}, {"role": "FOLDER_MOVER"}]
    predicted = roles(live, check_mode=True, service_account="ci-deployer", roles=wanted, purge=True)
    mark = live.mark()
    result = roles(live, service_account="ci-deployer", roles=wanted, purge=True)
    assert live.sent(mark) == [("SetRolesForUser", "/api/v1/roles/%s" % ci["id"], {"roles": [
        {"name": "CLUSTER_ADMIN", "resource": {"type": "CLUSTER", "id": cluster["id"]}},
        {"name": "FOLDER_MOVER", "resource": {"type": "ORGANIZATION"}},
        {"name": "ORG_MEMBER", "resource": {"type": "ORGANIZATION"}}]})]
    assert result["added"] == ["CLUSTER_ADMIN on CLUSTER %s" % cluster["id"],
                               "FOLDER_MOVER on ORGANIZATION %s" % org]
    assert result["removed"] == ["BILLING_COORDINATOR on ORGANIZATION %s" % org]
    assert result["diff"] == predicted["diff"]
    mark = live.mark()
    assert roles(live, service_account="ci-deployer", roles=wanted, purge=True)["changed"] is False
    assert live.mutations(mark) == []
    gone = roles(live, service_account="ci-deployer", roles=[{"role": "ORG_MEMBER"}], state="absent")
    assert gone["removed"] == ["ORG_MEMBER on ORGANIZATION %s" % org]
    assert sorted((g["name"], g["resource"]["type"], g["resource"].get("id"))
                  for g in live.admin.get("/api/v1/roles/%s" % ci["id"])["roles"]) == [
        ("CLUSTER_ADMIN", "CLUSTER", cluster["id"]), ("FOLDER_MOVER", "ORGANIZATION", None)]


def test_role_results_are_the_same_in_both_formats(emulator, live):
    results = []
    for server in (emulator, live):
        cluster = server.cluster("web-app")
        server.admin.post("/api/v1/service-accounts", {"name": "ci", "description": "", "roles": []})
        first = roles(server, service_account="ci", roles=[{"role": "ORG_MEMBER"},
                                                           {"role": "CLUSTER_ADMIN", "resource": "web-app"}])
        second = grant(server, service_account="ci", role="FOLDER_MOVER")
        third = grant(server, service_account="ci", role="ORG_MEMBER", state="absent")
        fourth = grant(server, service_account="ci", role="ORG_MEMBER", state="absent")
        shown = json.dumps([[r[k] for k in ("changed", "diff", "added", "removed", "roles")]
                            for r in (first, second, third, fourth)])
        results.append(shown.replace(cluster["id"], "<cluster>").replace(org_id(server), "<org>"))
    assert results[0] == results[1]


def test_role_grant_and_user_info_live(live):
    carol = live_person(live, "carol@example.com")
    grant(live, user="carol@example.com", role="CLUSTER_DEVELOPER")
    hers = info(live, role_grant_info, cockroach_role_grant_info, user="carol@example.com")["grants"]
    # The API objects as the server sent them.
    assert hers == [{"user_id": carol["id"], "roles": [
        {"name": "CLUSTER_DEVELOPER", "resource": {"type": "ORGANIZATION"}}]}]
    people = info(live, user_info, cockroach_user_info, email="Carol@Example.com", include_roles=True)["users"]
    assert people == [dict(carol, roles=hers[0]["roles"])]
    assert info(live, user_info, cockroach_user_info, email="nobody@example.com")["users"] == []
    with pytest.raises(NotFound, match="^no person with email dave@example.com in the organization"):
        grant(live, user="dave@example.com", role="ORG_MEMBER")


@pytest.mark.parametrize("answer, found", [
    ({"users": [{"id": "a", "email": "x@example.com"}]}, [{"id": "a", "email": "x@example.com"}]),
    ({"user": {"id": "a", "email": "x@example.com"}}, [{"id": "a", "email": "x@example.com"}]),
    ({"users": {"id": "a"}}, [{"id": "a"}]),  # the live document's other spelling
    ({"user": {}}, []),
    ({}, []),
])
def test_persons_by_email_read_in_both_spellings(answer, found):
    class Client(object):
        def get(self, path, params=None):
            return answer

    assert person_users(Client(), "x@example.com") == found


def test_persons_by_email_not_found_is_none_other_failures_raise():
    class Client(object):
        def __init__(self, status):
            self.status = status

        def get(self, path, params=None):
            raise ApiError("no such person", status=self.status, method="GET", path=path)

    assert person_users(Client(404), "x@example.com") == []
    with pytest.raises(ApiError):
        person_users(Client(403), "x@example.com")
