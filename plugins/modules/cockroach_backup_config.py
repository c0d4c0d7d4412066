#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: cockroach_backup_config
short_description: Configure the managed backups of a CockroachDB Cloud cluster
version_added: 0.2.0
description:
  - Sets whether Cockroach Labs takes managed backups of a cluster, how often and how long
    it keeps them.
  - Every cluster has a backup configuration (on a new Standard or Advanced cluster, backups
    every 60 minutes kept for 30 days); it cannot be removed, only changed. An option that is
    not set is not managed; one change is one request with the options that differ.
  - In check mode on a cluster that does not exist yet, the change is predicted against the
    configuration of a new cluster.
author:
  - CockroachDB Cloud collection maintainers (@cockroachdb)
extends_documentation_fragment:
  - cockroachdb.cloud.cockroach
  - cockroachdb.cloud.cockroach.CLUSTER
  - cockroachdb.cloud.cockroach.WAIT
  - cockroachdb.cloud.cockroach.ACTIONGROUP
  - cockroachdb.cloud.cockroach.CHECK_MODE_DIFF
options:
  enabled:
    description:
      - Whether the service takes managed backups of the cluster. With V(false), it takes no
        backup after the change.
    type: bool
  frequency_minutes:
    description:
      - Minutes between two backups (the recovery point objective). The service accepts only
        these values; another one fails before any request.
    type: int
    choices: [5, 10, 15, 30, 60, 240, 1440]
  retention_days:
    description:
      - Days the service keeps each backup. The service accepts only these values; another
        one fails before any request.
      - The service lets the retention of a cluster change B(only once); the API refuses a later
        change, which needs Cockroach Labs support. Decide on it before you apply it.
      - The configuration does not say whether the retention was changed before, so the module
        cannot tell before it asks. In check mode a change of O(retention_days) of an existing
        cluster is predicted
        (C(changed)) with a warning that the API may refuse it. When the API refuses it, the
        task fails with the API's message (and this rule, if the message does not say it) and
        changes nothing, also not the other options of the task, which go in the same request.
    type: int
    choices: [2, 7, 30, 90, 365]
  wait_timeout:
    description:
      - Seconds to wait for a cluster that is being created or changed before the change.
    type: int
    default: 600
notes:
  - After a change of O(frequency_minutes) or O(retention_days) the service takes a full
    backup at once, which costs the cluster some CPU.
  - Basic clusters (serverless clusters without provisioned vCPUs) keep a fixed schedule, daily
    backups kept for 30 days, and the API refuses any change of it; the task then fails with
    the API's message.
  - At least one of O(enabled), O(frequency_minutes) and O(retention_days) is required.
  - A no-op costs one read of the configuration (plus one listing of the clusters when
    O(cluster) is a name).
seealso:
  - module: cockroachdb.cloud.cockroach_backup_info
  - module: cockroachdb.cloud.cockroach_restore
  - module: cockroachdb.cloud.cockroach_cluster_info
  - name: Managed backups
    description: The service's guide to backup frequency and retention.
    link: https://www.cockroachlabs.com/docs/cockroachcloud/managed-backups
"""

EXAMPLES = r"""
- name: Back up every 15 minutes and keep backups for 90 days
  cockroachdb.cloud.cockroach_backup_config:
    cluster: orders-prod
    frequency_minutes: 15
    retention_days: 90

- name: Plan a change of retention first (the service allows one; check mode warns)
  cockroachdb.cloud.cockroach_backup_config:
    cluster: orders-staging
    retention_days: 365
  check_mode: true

- name: Stop taking managed backups of a test cluster
  cockroachdb.cloud.cockroach_backup_config:
    cluster: orders-test
    enabled: false
"""

RETURN = r"""
backup_config:
  description:
    - The backup configuration as the API returns it, after the change; in check mode, the
      predicted one.
  returned: always
  type: dict
  contains:
    cluster_id:
      description: Id of the cluster (the contract's format; the live service does not answer it).
      type: str
      returned: with the contract's format (O(api_format))
    enabled:
      description: Whether managed backups are taken.
      type: bool
    frequency_minutes:
      description: Minutes between two backups.
      type: int
    retention_days:
      description: Days each backup is kept.
      type: int
  sample:
    cluster_id: 0b8d9c3a-8f2e-4d1b-a9e4-5c6f7a8b9c0d
    enabled: true
    frequency_minutes: 15
    retention_days: 90
"""

from ansible_collections.cockroachdb.cloud.plugins.module_utils._module import ModuleTask, cluster_argument_spec
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.backups import (
    FREQUENCIES,
    RETENTIONS,
    BackupConfig,
)

ARGUMENT_SPEC = cluster_argument_spec(
    600,
    enabled=dict(type="bool"),
    frequency_minutes=dict(type="int", choices=list(FREQUENCIES)),
    retention_days=dict(type="int", choices=list(RETENTIONS)),
)


TASK = ModuleTask(ARGUMENT_SPEC, BackupConfig.task,
                  required_one_of=[("enabled", "frequency_minutes", "retention_days")])


def main():
    TASK.main()


if __name__ == "__main__":
    main()
