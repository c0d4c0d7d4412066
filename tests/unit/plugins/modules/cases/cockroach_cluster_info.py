# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""cockroach_cluster_info's cases for the unit tests that go over every module (see _load.py)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.tests.unit.plugins.modules.cases._shared import UNKNOWN_ID, bad, not_converted

#: test_bad_input.py: input the module refuses, each with the text of its message.
BAD_INPUT = [
    bad("id-not-a-uuid", "id must be a cluster id (a UUID", id="web-app"),
    bad("name-empty", "name must not be empty", name=" "),
    bad("name-and-id", "parameters are mutually exclusive: name|id", name="web-app", id=UNKNOWN_ID),
    bad("plan-unknown", "plan must be basic, standard or advanced (or serverless, dedicated), got 'premium'",
        plan="premium"),
    bad("os-not-a-choice", "value of os must be one of: MAC, LINUX, WINDOWS, got: BSD", os="BSD"),
    bad("detail-unknown", "value of details must be one or more of: backup_config, maintenance_window, "
                          "version_deferral. Got no match for: backups", details=["backups"]),
    bad("database-without-connection-string", "database only applies with include_connection_string=true",
        database="defaultdb"),
    bad("connection-options-without-it", "database, sql_user and os only apply with include_connection_string=true",
        database="defaultdb", sql_user="app", os="LINUX"),
    bad("state-empty", "state must not be empty", state=" "),
    bad("database-empty", "database must not be empty", include_connection_string=True, database=""),
    bad("sql-user-empty", "sql_user must not be empty", include_connection_string=True, sql_user=" "),
    bad("labels-not-a-dict", not_converted("labels", "dict"), labels=["team"]),
    bad("show-inactive-not-a-bool", not_converted("show_inactive", "bool"), show_inactive="all"),
]

#: test_options_used.py: where the module's ``only_with`` rules are declared (by name: a
#: description class of module_utils, or a name of the module itself).
RULES_FROM = ("INFO_RULES",)
