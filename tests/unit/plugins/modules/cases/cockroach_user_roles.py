# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""cockroach_user_roles's cases for the unit tests that go over every module (see _load.py)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.tests.unit.plugins.modules.cases._shared import NEITHER_EMAIL_NOR_ID, NO_CLUSTER, bad

#: test_bad_input.py: input the module refuses, each with the text of its message.
BAD_INPUT = [
    bad("grant-twice", "roles[0] and roles[1] both grant ORG_ADMIN on the organization; list each grant once",
        user="alice@example.com", roles=[{"role": "ORG_ADMIN"}, {"role": "ORG_ADMIN"}]),
    bad("same-cluster-spelled-twice", "roles[0] and roles[1] both grant CLUSTER_ADMIN on web-app",
        user="alice@example.com", roles=[{"role": "CLUSTER_ADMIN", "resource": "web-app"},
                                         {"role": "CLUSTER_ADMIN", "resource": "web-app", "resource_type": "CLUSTER"}]),
    bad("role-unknown", ("value of role must be one of", "got: GOD found in roles"), user="alice@example.com",
        roles=[{"role": "GOD"}]),
    bad("role-missing", ("missing required arguments: role", "roles"), user="alice@example.com",
        roles=[{"resource": "organization"}]),
    bad("org-role-on-a-cluster", "roles[0]: role ORG_ADMIN can only be granted on organization",
        user="alice@example.com", roles=[{"role": "ORG_ADMIN", "resource": "web-app"}]),
    bad("purge-with-absent", "purge applies to state=present only", user="alice@example.com",
        roles=[{"role": "ORG_ADMIN"}], purge=True, state="absent"),
    bad("roles-missing", "missing required arguments: roles", user="alice@example.com"),
    bad("user-neither-email-nor-id", NEITHER_EMAIL_NOR_ID, user="carol.example.com", roles=[{"role": "ORG_MEMBER"}]),
    bad("user-id-not-a-uuid", "user 'carol' is not an email address (name@example.com), nor a user id (a UUID",
        user="carol", roles=[{"role": "ORG_MEMBER"}]),
    bad("nobody", "one of the following is required: user, service_account", roles=[{"role": "ORG_MEMBER"}]),
    bad("roles-not-dicts", "dictionary requested", user="alice@example.com", roles=["ORG_ADMIN"]),
    bad("cluster-unknown", NO_CLUSTER, ["GetPersonUsersByEmail", "GetAllRolesForUser", "ListClusters"],
        user="alice@example.com", roles=[{"role": "CLUSTER_ADMIN", "resource": "nope-db"}]),
]

#: test_bad_input.py: input the module accepts, which the connection options' cases complete.
VALID_INPUT = dict(user="alice@example.com", roles=[{"role": "ORG_MEMBER"}])
