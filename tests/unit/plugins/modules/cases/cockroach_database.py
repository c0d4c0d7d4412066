# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""cockroach_database's cases for the unit tests that go over every module (see _load.py)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.tests.unit.plugins.modules.cases._shared import EMPTY_CLUSTER, NO_CLUSTER, bad

#: test_bad_input.py: input the module refuses, each with the text of its message.
BAD_INPUT = [
    bad("name-malformed", "invalid database name 'my.db'", cluster="web-app", name="my.db"),
    bad("name-too-long", "invalid database name", cluster="web-app", name="d" * 64),
    bad("name-empty", "name must not be empty", cluster="web-app", name=""),
    bad("new-name-malformed", "invalid database new_name 'bad/name'", cluster="web-app", name="orders",
        new_name="bad/name"),
    bad("new-name-with-absent", "new_name only applies with state=present", cluster="web-app", name="orders",
        new_name="sales", state="absent"),
    bad("name-and-databases", "parameters are mutually exclusive: name|databases", cluster="web-app", name="a",
        databases=["b"]),
    bad("name-and-purge", "parameters are mutually exclusive: name|purge", cluster="web-app", name="a", purge=True),
    bad("nothing-named", "one of the following is required: name, databases", cluster="web-app"),
    bad("database-twice", "databases[0] and databases[1] both name the database orders", cluster="web-app",
        databases=["orders", {"name": "orders"}]),
    bad("database-unknown-key", "databases[0]: unknown key owner", cluster="web-app",
        databases=[{"name": "orders", "owner": "app"}]),
    bad("database-a-number", "databases[0]: 5 is not a database name (a int); quote it in YAML", cluster="web-app",
        databases=[5]),
    bad("database-without-name", "databases[1]: name must not be empty", cluster="web-app", databases=["orders", {}]),
    bad("purge-with-absent", "purge applies to state=present only", cluster="web-app", databases=["orders"],
        purge=True, state="absent"),
    bad("cluster-empty", EMPTY_CLUSTER, cluster=" ", name="orders"),
    bad("rename-of-nothing", "database orders does not exist on cluster web-app, so it cannot be renamed to sales",
        ["ListClusters", "ListDatabases"], cluster="web-app", name="orders", new_name="sales"),
    bad("cluster-unknown", NO_CLUSTER, ["ListClusters"], cluster="nope-db", name="orders"),
]

#: test_bad_input.py: input the module accepts, which the connection options' cases complete.
VALID_INPUT = dict(cluster="web-app", name="orders")

#: test_options_used.py: where the module's ``only_with`` rules are declared (by name: a
#: description class of module_utils, or a name of the module itself).
RULES_FROM = ("Databases",)
