#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: cockroach_log_export_info
short_description: Show the log export of a dedicated CockroachDB Cloud cluster
version_added: 0.2.0
description:
  - Shows the log export configuration and status of a dedicated cluster, or nothing when
    the cluster exports no logs.
  - A serverless cluster has no log export; asking for it fails.
author:
  - CockroachDB Cloud collection maintainers (@cockroachdb)
extends_documentation_fragment:
  - cockroachdb.cloud.cockroach
  - cockroachdb.cloud.cockroach.CLUSTER_INFO
  - cockroachdb.cloud.cockroach.ACTIONGROUP
  - cockroachdb.cloud.cockroach.INFO
seealso:
  - module: cockroachdb.cloud.cockroach_log_export
"""

EXAMPLES = r"""
- name: Read the log export of a cluster
  cockroachdb.cloud.cockroach_log_export_info:
    cluster: orders-prod
  register: logs

- name: Warn when it is not working
  ansible.builtin.debug:
    msg: "Log export of orders-prod is {{ logs.log_export.status | default('not configured') }}"
  when: logs.log_export.status | default('') != 'ENABLED'
"""

RETURN = r"""
log_export:
  description:
    - The log export as the API returns it (see M(cockroachdb.cloud.cockroach_log_export));
      empty when the cluster exports no logs.
  returned: always
  type: dict
  sample:
    cluster_id: 0b8d9c3a-8f2e-4d1b-a9e4-5c6f7a8b9c0d
    status: ENABLED
    spec:
      type: GCP_CLOUD_LOGGING
      log_name: cockroachdb
      auth_principal: platform-logging-prod
      redact: false
      omitted_channels: []
      groups: []
"""

from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.info import singleton_info
from ansible_collections.cockroachdb.cloud.plugins.module_utils._module import ModuleTask, cluster_info_argument_spec
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.log_export import LogExport

ARGUMENT_SPEC = cluster_info_argument_spec()


TASK = ModuleTask(ARGUMENT_SPEC, lambda ctx: singleton_info(ctx, LogExport, "log_export"))


def main():
    TASK.main()


if __name__ == "__main__":
    main()
