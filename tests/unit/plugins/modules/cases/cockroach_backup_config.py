# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""cockroach_backup_config's cases for the unit tests that go over every module (see _load.py)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.tests.unit.plugins.modules.cases._shared import EMPTY_CLUSTER, NO_CLUSTER, bad, not_converted, unsupported

#: test_bad_input.py: input the module refuses, each with the text of its message.
BAD_INPUT = [
    bad("nothing-to-set", "one of the following is required: enabled, frequency_minutes, retention_days",
        cluster="web-app"),
    bad("frequency-not-a-choice", "value of frequency_minutes must be one of: 5, 10, 15, 30, 60, 240, 1440, got: 7",
        cluster="web-app", frequency_minutes=7),
    bad("retention-not-a-choice", "value of retention_days must be one of: 2, 7, 30, 90, 365, got: 3",
        cluster="web-app", retention_days=3),
    bad("enabled-not-a-bool", not_converted("enabled", "bool"), cluster="web-app", enabled="kinda"),
    bad("state-not-an-option", unsupported("cockroach_backup_config", "state"), cluster="web-app", enabled=False,
        state="absent"),
    bad("cluster-empty", EMPTY_CLUSTER, cluster="", enabled=True),
    bad("wait-timeout-not-a-number", not_converted("wait_timeout", "int"), cluster="web-app", enabled=True,
        wait_timeout="ten"),
    bad("wait-timeout-negative", "wait_timeout must be 0 or more seconds, got -10", cluster="web-app", enabled=True,
        wait_timeout=-10),
    bad("cluster-unknown", NO_CLUSTER, ["ListClusters"], cluster="nope-db", enabled=True),
]

#: test_bad_input.py: input the module accepts, which the connection options' cases complete.
VALID_INPUT = dict(cluster="web-app", enabled=True)
