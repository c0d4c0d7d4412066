# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""cockroach_backup_info's cases for the unit tests that go over every module (see _load.py)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.tests.unit.plugins.modules.cases._shared import EARLIER, EMPTY_CLUSTER, NO_CLUSTER, WHEN, bad, unsupported

#: test_bad_input.py: input the module refuses, each with the text of its message.
BAD_INPUT = [
    bad("start-time-not-a-time", "start_time must be an RFC 3339 time such as 2026-11-28T10:00:00Z, got 'now'",
        cluster="web-app", start_time="now"),
    bad("start-time-february-30", "start_time must be an RFC 3339 time", cluster="web-app",
        start_time="2026-02-30T10:00:00Z"),
    bad("end-time-empty", "end_time must be an RFC 3339 time", cluster="web-app", end_time=""),
    bad("end-before-start", "end_time 2026-11-27T10:00:00Z is before start_time 2026-11-28T10:00:00Z",
        cluster="web-app", start_time=WHEN, end_time=EARLIER),
    bad("cluster-empty", EMPTY_CLUSTER, cluster=""),
    bad("unknown-option", unsupported("cockroach_backup_info", "id"), cluster="web-app", id="b"),
    bad("cluster-unknown", NO_CLUSTER, ["ListClusters"], cluster="nope-db"),
]

#: test_bad_input.py: input the module accepts, which the connection options' cases complete.
VALID_INPUT = dict(cluster="web-app")
