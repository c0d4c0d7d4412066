# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""cockroach_role_grant's cases for the unit tests that go over every module (see _load.py)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.tests.unit.plugins.modules.cases._shared import NEITHER_EMAIL_NOR_ID, NO_CLUSTER, bad

#: test_bad_input.py: input the module refuses, each with the text of its message.
BAD_INPUT = [
    bad("role-unknown", "value of role must be one of: ORG_ADMIN", user="alice@example.com", role="GOD"),
    bad("role-lowercase", "got: org_admin", user="alice@example.com", role="org_admin"),
    bad("user-not-an-email", "user 'alice@' is not an email address (name@example.com), nor a user id",
        user="alice@", role="ORG_ADMIN"),
    bad("user-empty", "user must not be empty", user="", role="ORG_ADMIN"),
    bad("user-neither-email-nor-id", NEITHER_EMAIL_NOR_ID, user="carol.example.com", role="ORG_ADMIN"),
    bad("user-id-not-a-uuid", "user '12345' is not an email address (name@example.com), nor a user id (a UUID",
        user="12345", role="ORG_ADMIN"),
    bad("user-email-with-space", "user 'carol @example.com' is not an email address", user="carol @example.com",
        role="ORG_ADMIN"),
    bad("service-account-blank", "service_account must not be empty", service_account=" ", role="ORG_ADMIN"),
    bad("user-and-service-account", "parameters are mutually exclusive: user|service_account",
        user="alice@example.com", service_account="robot", role="ORG_ADMIN"),
    bad("nobody", "one of the following is required: user, service_account", role="ORG_ADMIN"),
    bad("org-role-on-a-cluster", "role ORG_ADMIN can only be granted on organization, not on cluster web-app",
        user="alice@example.com", role="ORG_ADMIN", resource="web-app"),
    bad("folder-path-as-cluster", "/team is a folder path, not a cluster", user="alice@example.com",
        role="CLUSTER_ADMIN", resource="/team", resource_type="CLUSTER"),
    bad("folder-without-resource", "resource_type FOLDER needs resource", user="alice@example.com",
        role="FOLDER_ADMIN", resource_type="FOLDER"),
    bad("folder-path-malformed", "resource /a*b: part 'a*b' is not a folder name", user="alice@example.com",
        role="FOLDER_ADMIN", resource="/a*b"),
    bad("resource-type-unknown", "value of resource_type must be one of: ORGANIZATION, FOLDER, CLUSTER, got: PROJECT",
        user="alice@example.com", role="ORG_ADMIN", resource_type="PROJECT"),
    bad("person-unknown", "no person with email nobody@example.com in the organization", ["GetPersonUsersByEmail"],
        user="nobody@example.com", role="ORG_ADMIN"),
    bad("service-account-unknown", "no service account named 'ghost' among 1 service account",
        ["ListServiceAccounts"], service_account="ghost", role="ORG_ADMIN"),
    bad("cluster-unknown", NO_CLUSTER, ["GetPersonUsersByEmail", "GetAllRolesForUser", "ListClusters"],
        user="alice@example.com", role="CLUSTER_ADMIN", resource="nope-db"),
    bad("folder-unknown", "folder /team does not exist", ["GetPersonUsersByEmail", "GetAllRolesForUser", "ListFolders"],
        user="alice@example.com", role="FOLDER_ADMIN", resource="/team"),
]

#: test_bad_input.py: input the module accepts, which the connection options' cases complete.
VALID_INPUT = dict(user="alice@example.com", role="ORG_MEMBER")
