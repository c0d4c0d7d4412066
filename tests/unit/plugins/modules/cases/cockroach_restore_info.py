# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""cockroach_restore_info's cases for the unit tests that go over every module (see _load.py)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.tests.unit.plugins.modules.cases._shared import (
    EARLIER,
    EMPTY_CLUSTER,
    NO_CLUSTER,
    NO_CLUSTER_ID,
    UNKNOWN_ID,
    WHEN,
    bad,
)

#: test_bad_input.py: input the module refuses, each with the text of its message.
BAD_INPUT = [
    bad("id-empty", "id must not be empty: leave it out to list every restore", cluster="web-app", id=" "),
    bad("id-and-start-time", "parameters are mutually exclusive: id|start_time", cluster="web-app", id="r",
        start_time=WHEN),
    bad("start-time-not-a-time", "start_time must be an RFC 3339 time", cluster="web-app", start_time="bad"),
    bad("end-before-start", "end_time 2026-11-27T10:00:00Z is before start_time", cluster="web-app", start_time=WHEN,
        end_time=EARLIER),
    bad("cluster-empty", EMPTY_CLUSTER, cluster="", id="r"),
    bad("cluster-unknown", NO_CLUSTER, ["ListClusters"], cluster="nope-db"),
    bad("cluster-id-unknown", NO_CLUSTER_ID, ["GetRestore", "GetCluster"], cluster=UNKNOWN_ID, id="r"),
]

#: test_bad_input.py: input the module accepts, which the connection options' cases complete.
VALID_INPUT = dict(cluster="web-app")
