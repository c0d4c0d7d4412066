#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: cockroach_restore
short_description: Restore a CockroachDB Cloud cluster from one of its managed backups
version_added: 0.2.0
description:
  - Starts a restore of a managed backup into the cluster it was taken of (the whole
    cluster, some databases or some tables, see O(target)), and waits until it ends
    (C(PENDING), then C(SUCCESS)). A restore that ends C(FAILED) makes the task fail.
  - A re-run of the same task never starts a second restore. Before it starts one, the
    module lists the cluster's restores and takes as "this task's restore" the newest one
    that restores the same O(backup_id) into the same O(target) and that is still running,
    or was started at or after O(ignore_restores_before) (at any time without it). It then
    follows that one (waits for it) and reports no change; one that ended C(FAILED) makes the
    task fail and is not started again.
  - The contract does not promise that a listed restore names its backup. One that does not is
    recognised by the time of its backup (C(backup_end_time), one more listing of the backups);
    one that says neither its backup nor its type counts as this task's (never twice).
  - To restore the same backup again later, set O(ignore_restores_before) to a time after the
    earlier restore. Give a fixed time that has passed; a time computed at each run, such as
    now, starts a restore at every run.
  - Before it starts a restore, the module checks that the backup is listed for the cluster
    (one listing of the backups) and that no other restore is running (the service runs one
    at a time); both fail before any change, in check mode too.
author:
  - CockroachDB Cloud collection maintainers (@cockroachdb)
extends_documentation_fragment:
  - cockroachdb.cloud.cockroach
  - cockroachdb.cloud.cockroach.CLUSTER
  - cockroachdb.cloud.cockroach.WAIT
  - cockroachdb.cloud.cockroach.ACTIONGROUP
  - cockroachdb.cloud.cockroach.CHECK_MODE_DIFF
options:
  backup_id:
    description:
      - Id of the backup to restore, as M(cockroachdb.cloud.cockroach_backup_info) lists it.
    type: str
    required: true
  target:
    description:
      - What to restore. By default the whole cluster (V(CLUSTER)).
      - The same option for both wire formats (O(api_format)). The contract's API takes it as
        C(target) {C(type), C(objects)}; the live service takes C(type) (always sent, V(CLUSTER)
        without O(target)) and C(objects) at the top of the request, with C(source_cluster_id)
        the id of the cluster (the one whose backup is restored), and lists its restores so too;
        either way a restore counts as this task's when its type and objects are the task's.
    type: dict
    suboptions:
      type:
        description:
          - V(CLUSTER) restores the whole cluster, V(DATABASE) the databases of O(target.objects),
            V(TABLE) the tables of O(target.objects).
        type: str
        choices: [CLUSTER, DATABASE, TABLE]
        default: CLUSTER
      objects:
        description:
          - The databases (V(DATABASE)) or tables (V(TABLE)) to restore; required with those
            types, refused with V(CLUSTER). Compared without regard to order.
        type: list
        elements: dict
        suboptions:
          database:
            description: The database (of a table, for V(TABLE)).
            type: str
            required: true
          schema:
            description: The schema of the table (for V(TABLE)); the service's default is C(public).
            type: str
          table:
            description: The table (for V(TABLE), where it is required).
            type: str
  ignore_restores_before:
    description:
      - A time in RFC 3339 (V(2026-11-28T10:00:00Z)) that has passed. Restores of the same backup
        and target started before it (their C(created_at)) do not count as this task's, so a task
        with a time after the last such restore restores the backup again, once. A restore that
        is still running always counts.
      - It does not schedule anything. The restore starts when the task runs.
      - A time later than the controller's clock is refused, since until then every run would
        start another restore. Checked before any request, in check mode too.
      - C(not_before) is a deprecated alias of this option, to be removed in version 1.0.0.
    type: str
    aliases: [not_before]
  wait_timeout:
    description:
      - Seconds to wait for the cluster before the restore, and for the restore to end.
    type: int
    default: 3600
notes:
  - The module restores a backup into the cluster it was taken of. The contract's API has no
    restore into another cluster; the live service can restore another cluster's backup (its
    C(source_cluster_id)), which this module does not do (it sends the cluster's own id).
  - A no-op (the restore found) costs one listing of the restores (plus one listing of the
    clusters when O(cluster) is a name). Starting one adds a listing of the backups, the
    request that starts it and the reads of the wait.
  - In check mode the task predicts the restore (C(SUCCESS)) without starting it.
  - When the answer to the request that starts the restore is lost (a 502-504 or a dropped
    connection), the module lists the restores and finds it as a re-run would before it
    sends the request again. One restore is started, and the task reports C(changed=true)
    (also when it then fails).
seealso:
  - module: cockroachdb.cloud.cockroach_backup_info
  - module: cockroachdb.cloud.cockroach_restore_info
  - name: Managed backups
    description: The service's guide to restoring managed backups.
    link: https://www.cockroachlabs.com/docs/cockroachcloud/managed-backups
"""

EXAMPLES = r"""
- name: Find the newest backup of the cluster
  cockroachdb.cloud.cockroach_backup_info:
    cluster: orders-prod
  register: backups

- name: Restore the whole cluster from it (once, a re-run follows the same restore)
  cockroachdb.cloud.cockroach_restore:
    cluster: orders-prod
    backup_id: "{{ (backups.backups | last).id }}"
  register: restored

- name: Restore two tables of the same backup again, once, ignoring its restores before noon
  cockroachdb.cloud.cockroach_restore:
    cluster: orders-prod
    backup_id: "{{ (backups.backups | last).id }}"
    target:
      type: TABLE
      objects:
        - {database: orders, table: line_items}
        - {database: orders, schema: public, table: invoices}
    ignore_restores_before: "2026-11-28T12:00:00Z"
"""

RETURN = r"""
restore:
  description:
    - The restore as the API returns it (the one started, or the earlier one that counts as
      this task's, then C(changed=false)), after the wait; in check mode, the predicted one.
  returned: always
  type: dict
  contains:
    id:
      description: Id of the restore.
      type: str
    cluster_id:
      description: Id of the cluster restored into (the contract's format).
      type: str
      returned: with the contract's format (O(api_format))
    destination_cluster_name:
      description: Name of the cluster restored into (the live format).
      type: str
      returned: with the live format (O(api_format))
    source_cluster_name:
      description: Name of the cluster whose backup is restored (the live format).
      type: str
      returned: with the live format (O(api_format))
    objects:
      description: The databases or tables restored (the live format; the contract's has them in C(target)).
      type: list
      elements: dict
      returned: with the live format (O(api_format)), for V(DATABASE) and V(TABLE) restores
    backup_id:
      description: Id of the backup restored.
      type: str
    status:
      description: C(PENDING), then C(SUCCESS) or C(FAILED).
      type: str
    type:
      description: C(CLUSTER), C(DATABASE) or C(TABLE).
      type: str
    created_at:
      description: When the restore was started.
      type: str
  sample:
    id: 3c1f6a0e-2b7d-4e9a-8f15-6d4c2b1a0e9f
    cluster_id: 0b8d9c3a-8f2e-4d1b-a9e4-5c6f7a8b9c0d
    backup_id: 7d2c9a51-0b6e-5f0e-8c41-2a8e1d3b4c5f
    status: SUCCESS
    type: CLUSTER
    completion_percent: 1.0
    backup_end_time: "2026-11-28T10:00:00.000000Z"
    created_at: "2026-11-28T10:20:00.000000Z"
"""

from ansible_collections.cockroachdb.cloud.plugins.module_utils._module import ModuleTask, cluster_argument_spec
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.restores import RESTORE_TYPES, Restores

ARGUMENT_SPEC = cluster_argument_spec(
    3600,
    backup_id=dict(type="str", required=True),
    target=dict(type="dict", options=dict(
        type=dict(type="str", default="CLUSTER", choices=list(RESTORE_TYPES)),
        objects=dict(type="list", elements="dict", options=dict(
            database=dict(type="str", required=True),
            schema=dict(type="str"),
            table=dict(type="str"),
        )),
    )),
    ignore_restores_before=dict(type="str", aliases=["not_before"], deprecated_aliases=[
        dict(name="not_before", version="1.0.0", collection_name="cockroachdb.cloud")]),
)


TASK = ModuleTask(ARGUMENT_SPEC, Restores.task)


def main():
    TASK.main()


if __name__ == "__main__":
    main()
