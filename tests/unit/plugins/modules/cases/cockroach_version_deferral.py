# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""cockroach_version_deferral's cases for the unit tests that go over every module (see _load.py)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.tests.unit.plugins.modules.cases._shared import EMPTY_CLUSTER, NO_CLUSTER, bad, unsupported

#: test_bad_input.py: input the module refuses, each with the text of its message.
BAD_INPUT = [
    bad("policy-not-a-choice", "value of deferral_policy must be one of: NOT_DEFERRED, FIXED_DEFERRAL, DEFERRAL_30_DAYS, "
        "DEFERRAL_60_DAYS, DEFERRAL_90_DAYS, got: NEVER", cluster="web-app", deferral_policy="NEVER"),
    bad("policy-lowercase", "got: fixed_deferral", cluster="web-app", deferral_policy="fixed_deferral"),
    bad("policy-missing", "missing required arguments: deferral_policy", cluster="web-app"),
    bad("state-not-an-option", unsupported("cockroach_version_deferral", "state"), cluster="web-app",
        deferral_policy="FIXED_DEFERRAL", state="absent"),
    bad("cluster-empty", EMPTY_CLUSTER, cluster=" ", deferral_policy="FIXED_DEFERRAL"),
    bad("cluster-unknown", NO_CLUSTER, ["ListClusters"], cluster="nope-db", deferral_policy="FIXED_DEFERRAL"),
]

#: test_bad_input.py: input the module accepts, which the connection options' cases complete.
VALID_INPUT = dict(cluster="web-app", deferral_policy="NOT_DEFERRED")
