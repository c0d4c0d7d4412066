# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""cockroach_private_endpoint_services's cases for the unit tests that go over every module (see _load.py)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.tests.unit.plugins.modules.cases._shared import (
    EMPTY_CLUSTER,
    NO_CLUSTER,
    NO_CLUSTER_ID,
    UNKNOWN_ID,
    bad,
    not_converted,
    unsupported,
)

#: test_bad_input.py: input the module refuses, each with the text of its message.
BAD_INPUT = [
    bad("cluster-empty", EMPTY_CLUSTER, cluster=""),
    bad("cluster-missing", "missing required arguments: cluster"),
    bad("state-not-an-option", unsupported("cockroach_private_endpoint_services", "state"), cluster="orders-db",
        state="absent"),
    bad("wait-not-a-bool", not_converted("wait", "bool"), cluster="orders-db", wait="perhaps"),
    bad("wait-timeout-negative", "wait_timeout must be 0 or more seconds, got -1", cluster="orders-db",
        wait_timeout=-1),
    bad("serverless-cluster", "private connectivity is only available on dedicated clusters; cluster web-app",
        ["ListClusters"], cluster="web-app"),
    bad("cluster-unknown", NO_CLUSTER, ["ListClusters"], cluster="nope-db"),
    bad("cluster-id-unknown", NO_CLUSTER_ID, ["GetCluster"], cluster=UNKNOWN_ID),
]

#: test_bad_input.py: input the module accepts, which the connection options' cases complete.
VALID_INPUT = dict(cluster="orders-db")
