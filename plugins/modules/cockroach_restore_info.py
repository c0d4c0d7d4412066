#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: cockroach_restore_info
short_description: Show the restores of a CockroachDB Cloud cluster
version_added: 0.2.0
description:
  - Lists the restores of a cluster, oldest first, every page of them, optionally between
    two times; or shows one restore by its O(id).
author:
  - CockroachDB Cloud collection maintainers (@cockroachdb)
extends_documentation_fragment:
  - cockroachdb.cloud.cockroach
  - cockroachdb.cloud.cockroach.CLUSTER_INFO
  - cockroachdb.cloud.cockroach.ACTIONGROUP
  - cockroachdb.cloud.cockroach.INFO
options:
  id:
    description:
      - Id of one restore; RV(restores) then holds it, or nothing when the cluster has no
        restore with this id. One request.
    type: str
  start_time:
    description:
      - Only restores started at or after this time, in RFC 3339 (V(2026-11-28T10:00:00Z)).
        Checked before any request. Not with O(id).
    type: str
  end_time:
    description:
      - Only restores started before this time (RFC 3339). It must not be before
        O(start_time). Not with O(id).
    type: str
seealso:
  - module: cockroachdb.cloud.cockroach_restore
  - module: cockroachdb.cloud.cockroach_backup_info
"""

EXAMPLES = r"""
- name: List the restores of a cluster
  cockroachdb.cloud.cockroach_restore_info:
    cluster: orders-prod
  register: restores

- name: Fail when one of them failed
  ansible.builtin.assert:
    that: restores.restores | selectattr('status', 'equalto', 'FAILED') | list | length == 0
    fail_msg: a restore of orders-prod failed

- name: Restores started since the start of November
  cockroachdb.cloud.cockroach_restore_info:
    cluster: orders-prod
    start_time: "2026-11-01T00:00:00Z"
"""

RETURN = r"""
restores:
  description:
    - The restores as the API lists them, oldest first (see
      M(cockroachdb.cloud.cockroach_restore)); with O(id), the one restore or nothing.
    - The live service (O(api_format)) lists them with C(objects) at their top level (the
      contract's format has C(target)), the names of the clusters instead of C(cluster_id).
  returned: always
  type: list
  elements: dict
  sample:
    - id: 3c1f6a0e-2b7d-4e9a-8f15-6d4c2b1a0e9f
      cluster_id: 0b8d9c3a-8f2e-4d1b-a9e4-5c6f7a8b9c0d
      backup_id: 7d2c9a51-0b6e-5f0e-8c41-2a8e1d3b4c5f
      status: SUCCESS
      type: CLUSTER
      completion_percent: 1.0
      backup_end_time: "2026-11-28T10:00:00.000000Z"
      created_at: "2026-11-28T10:20:00.000000Z"
"""

from ansible_collections.cockroachdb.cloud.plugins.module_utils._module import ModuleTask, cluster_info_argument_spec
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.restores import restore_info

ARGUMENT_SPEC = cluster_info_argument_spec(
    id=dict(type="str"),
    start_time=dict(type="str"),
    end_time=dict(type="str"),
)


TASK = ModuleTask(ARGUMENT_SPEC, restore_info, mutually_exclusive=[("id", "start_time"), ("id", "end_time")])


def main():
    TASK.main()


if __name__ == "__main__":
    main()
