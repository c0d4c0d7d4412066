# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""cockroach_sql_user's cases for the unit tests that go over every module (see _load.py)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.tests.unit.plugins.modules.cases._shared import NO_CLUSTER, bad

#: test_bad_input.py: input the module refuses, each with the text of its message.
BAD_INPUT = [
    bad("name-uppercase", "invalid SQL user name 'Admin'", cluster="web-app", name="Admin", password="Long-enough-1"),
    bad("name-reserved", "SQL user name 'root' is reserved", cluster="web-app", name="root", password="Long-enough-1"),
    bad("name-empty", "name must not be empty", cluster="web-app", name="", password="Long-enough-1"),
    bad("password-too-short", "password is too short: a SQL user password needs at least 8 characters",
        cluster="web-app", name="app", password="x"),
    bad("always-without-password", "update_password=always needs a password", cluster="web-app", name="app",
        update_password="always"),
    bad("update-password-not-a-choice", "value of update_password must be one of: on_create, always, got: sometimes",
        cluster="web-app", name="app", password="Long-enough-1", update_password="sometimes"),
    bad("name-and-users", "parameters are mutually exclusive: name|users", cluster="web-app", name="app",
        users=[{"name": "b", "password": "Long-enough-1"}]),
    bad("password-and-users", "parameters are mutually exclusive: password|users", cluster="web-app",
        password="Long-enough-1", users=[{"name": "app"}]),
    bad("user-twice", "users[0] and users[1] both name the SQL user app", cluster="web-app",
        users=[{"name": "app", "password": "Long-enough-1"}, {"name": "app", "password": "Long-enough-2"}]),
    bad("user-name-starts-with-digit", "users[0]: invalid SQL user name '1app'", cluster="web-app",
        users=[{"name": "1app", "password": "Long-enough-1"}]),
    bad("user-password-too-short", "users[0] (SQL user app): password is too short", cluster="web-app",
        users=[{"name": "app", "password": "x"}]),
    bad("user-without-name", ("missing required arguments: name", "users"), cluster="web-app",
        users=[{"password": "Long-enough-1"}]),
    bad("purge-with-absent", "purge applies to state=present only", cluster="web-app", users=[{"name": "app"}],
        purge=True, state="absent"),
    bad("create-without-password", "SQL user app does not exist on cluster web-app: give a password to create it",
        ["ListClusters", "ListSQLUsers"], cluster="web-app", name="app"),
    bad("cluster-unknown", NO_CLUSTER, ["ListClusters"], cluster="nope-db", name="app", password="Long-enough-1"),
]

#: test_bad_input.py: input the module accepts, which the connection options' cases complete.
VALID_INPUT = dict(cluster="web-app", name="app")

#: test_options_used.py: where the module's ``only_with`` rules are declared (by name: a
#: description class of module_utils, or a name of the module itself).
RULES_FROM = ("SqlUsers",)
