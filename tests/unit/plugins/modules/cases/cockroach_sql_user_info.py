# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""cockroach_sql_user_info's cases for the unit tests that go over every module (see _load.py)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.tests.unit.plugins.modules.cases._shared import (
    EMPTY_CLUSTER,
    NO_CLUSTER,
    NO_CLUSTER_ID,
    UNKNOWN_ID,
    bad,
    unsupported,
)

#: test_bad_input.py: input the module refuses, each with the text of its message.
BAD_INPUT = [
    bad("name-empty", "name must not be empty: leave it out to list every one", cluster="web-app", name=" "),
    bad("cluster-empty", EMPTY_CLUSTER, cluster=""),
    bad("unknown-option", unsupported("cockroach_sql_user_info", "password"), cluster="web-app", password="x"),
    bad("cluster-missing", "missing required arguments: cluster"),
    bad("cluster-unknown", NO_CLUSTER, ["ListClusters"], cluster="nope-db"),
    bad("cluster-id-unknown", NO_CLUSTER_ID, ["ListSQLUsers"], cluster=UNKNOWN_ID),
]

#: test_bad_input.py: input the module accepts, which the connection options' cases complete.
VALID_INPUT = dict(cluster="web-app")
