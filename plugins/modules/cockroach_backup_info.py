#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: cockroach_backup_info
short_description: List the managed backups of a CockroachDB Cloud cluster
version_added: 0.2.0
description:
  - Lists the managed backups of a cluster that are still kept (within its retention),
    oldest first, every page of them, optionally between two times.
  - Each backup's id is what M(cockroachdb.cloud.cockroach_restore) restores.
author:
  - CockroachDB Cloud collection maintainers (@cockroachdb)
extends_documentation_fragment:
  - cockroachdb.cloud.cockroach
  - cockroachdb.cloud.cockroach.CLUSTER_INFO
  - cockroachdb.cloud.cockroach.ACTIONGROUP
  - cockroachdb.cloud.cockroach.INFO
options:
  start_time:
    description:
      - Only backups taken at or after this time, in RFC 3339 (V(2026-11-28T10:00:00Z), or with
        an offset such as V(2026-11-28T11:00:00+01:00)). Checked before any request.
    type: str
  end_time:
    description:
      - Only backups taken before this time (RFC 3339). It must not be before O(start_time).
    type: str
notes:
  - Pages of 500 backups; a listing costs one request per page (plus one listing of the
    clusters when O(cluster) is a name).
seealso:
  - module: cockroachdb.cloud.cockroach_backup_config
  - module: cockroachdb.cloud.cockroach_restore
"""

EXAMPLES = r"""
- name: List the backups of a cluster
  cockroachdb.cloud.cockroach_backup_info:
    cluster: orders-prod
  register: backups

- name: The backups of the last day
  cockroachdb.cloud.cockroach_backup_info:
    cluster: orders-prod
    start_time: "{{ '%Y-%m-%dT%H:%M:%SZ' | strftime(now().timestamp() | int - 86400, utc=true) }}"
  register: last_day

- name: Show the newest one
  ansible.builtin.debug:
    msg: "{{ (backups.backups | last).id }} at {{ (backups.backups | last).as_of_time }}"
  when: backups.backups | length > 0
"""

RETURN = r"""
backups:
  description:
    - The backups, oldest first, as the API lists them.
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: Id of the backup, for M(cockroachdb.cloud.cockroach_restore).
      type: str
    as_of_time:
      description: The time whose data the backup holds (RFC 3339).
      type: str
  sample:
    - id: 5f0ba3e1-4c1d-5c5e-9a37-0e2f4f7d8b10
      as_of_time: "2026-11-28T09:00:00.000000Z"
    - id: 7d2c9a51-0b6e-5f0e-8c41-2a8e1d3b4c5f
      as_of_time: "2026-11-28T10:00:00.000000Z"
"""

from ansible_collections.cockroachdb.cloud.plugins.module_utils._module import ModuleTask, cluster_info_argument_spec
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.backups import backup_info

ARGUMENT_SPEC = cluster_info_argument_spec(
    start_time=dict(type="str"),
    end_time=dict(type="str"),
)


TASK = ModuleTask(ARGUMENT_SPEC, backup_info)


def main():
    TASK.main()


if __name__ == "__main__":
    main()
