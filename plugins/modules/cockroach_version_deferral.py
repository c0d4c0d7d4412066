#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: cockroach_version_deferral
short_description: Defer the automatic version upgrades of a CockroachDB Cloud cluster
version_added: 0.2.0
description:
  - Sets the version deferral policy of a cluster, which says whether the service applies
    automatic CockroachDB upgrades at once or delays them.
  - Every cluster has a policy (C(NOT_DEFERRED) on a new one); it cannot be removed, only
    changed. In check mode on a cluster that does not exist yet, the change is predicted
    against a new cluster's policy.
  - Any cluster plan may set it.
author:
  - CockroachDB Cloud collection maintainers (@cockroachdb)
extends_documentation_fragment:
  - cockroachdb.cloud.cockroach
  - cockroachdb.cloud.cockroach.CLUSTER
  - cockroachdb.cloud.cockroach.WAIT
  - cockroachdb.cloud.cockroach.ACTIONGROUP
  - cockroachdb.cloud.cockroach.CHECK_MODE_DIFF
options:
  deferral_policy:
    description:
      - V(NOT_DEFERRED) lets upgrades proceed at once, V(FIXED_DEFERRAL) delays them (by 60 days).
      - V(DEFERRAL_30_DAYS), V(DEFERRAL_60_DAYS) and V(DEFERRAL_90_DAYS) are the CockroachDB Cloud
        service's words for a delay of 30, 60 or 90 days. V(DEFERRAL_60_DAYS) and V(FIXED_DEFERRAL)
        are the same policy (the service's deprecated name for it); either one is sent to the
        service as C(DEFERRAL_60_DAYS), compared as one, and shown as V(FIXED_DEFERRAL) in the diff.
      - An API that speaks the project's contract (the emulator in its default format) takes only
        V(NOT_DEFERRED) and V(FIXED_DEFERRAL) (or V(DEFERRAL_60_DAYS)); the 30 and 90 days are refused
        there before any change.
    type: str
    required: true
    choices: [NOT_DEFERRED, FIXED_DEFERRAL, DEFERRAL_30_DAYS, DEFERRAL_60_DAYS, DEFERRAL_90_DAYS]
  wait_timeout:
    description:
      - Seconds to wait for a cluster that is being created or changed before the change.
    type: int
    default: 600
notes:
  - A no-op costs one read of the policy (plus one listing of the clusters when O(cluster)
    is a name).
  - M(cockroachdb.cloud.cockroach_cluster_info) shows the policy with
    O(cockroachdb.cloud.cockroach_cluster_info#module:details=[version_deferral]).
seealso:
  - module: cockroachdb.cloud.cockroach_maintenance_window
  - module: cockroachdb.cloud.cockroach_cluster_info
"""

EXAMPLES = r"""
- name: Delay the automatic upgrades of a production cluster
  cockroachdb.cloud.cockroach_version_deferral:
    cluster: orders-prod
    deferral_policy: FIXED_DEFERRAL

- name: Let a test cluster take them at once
  cockroachdb.cloud.cockroach_version_deferral:
    cluster: orders-test
    deferral_policy: NOT_DEFERRED
"""

RETURN = r"""
version_deferral:
  description:
    - The policy as the API returns it, after the change; in check mode, the predicted one.
  returned: always
  type: dict
  contains:
    deferral_policy:
      description: C(NOT_DEFERRED), C(FIXED_DEFERRAL), or (from the CockroachDB Cloud service)
        C(DEFERRAL_30_DAYS), C(DEFERRAL_60_DAYS) or C(DEFERRAL_90_DAYS).
      type: str
  sample:
    deferral_policy: FIXED_DEFERRAL
"""

from ansible_collections.cockroachdb.cloud.plugins.module_utils._module import ModuleTask, cluster_argument_spec
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.maintenance import (
    DEFERRAL_POLICIES,
    VersionDeferral,
)

ARGUMENT_SPEC = cluster_argument_spec(
    600,
    deferral_policy=dict(type="str", required=True, choices=list(DEFERRAL_POLICIES)),
)


TASK = ModuleTask(ARGUMENT_SPEC, VersionDeferral.task)


def main():
    TASK.main()


if __name__ == "__main__":
    main()
