#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: cockroach_allowlist_info
short_description: List the IP allowlist entries of a CockroachDB Cloud cluster
version_added: 0.1.0
description:
  - Lists every IP allowlist entry of a cluster (all pages, 500 entries each), sorted by
    network, with a C(cidr) field added for convenience.
  - A cluster that does not exist is an error.
author:
  - CockroachDB Cloud collection maintainers (@cockroachdb)
extends_documentation_fragment:
  - cockroachdb.cloud.cockroach
  - cockroachdb.cloud.cockroach.CLUSTER_INFO
  - cockroachdb.cloud.cockroach.ACTIONGROUP
  - cockroachdb.cloud.cockroach.INFO
seealso:
  - module: cockroachdb.cloud.cockroach_allowlist
"""

EXAMPLES = r"""
- name: Read the allowlist of a cluster
  cockroachdb.cloud.cockroach_allowlist_info:
    cluster: orders-prod
  register: result

- name: Show the networks that may open the DB Console
  ansible.builtin.debug:
    msg: "{{ result.allowlist | selectattr('ui') | map(attribute='cidr') | list }}"
"""

RETURN = r"""
allowlist:
  description:
    - The cluster's allowlist entries with the API's field names (C(cidr_ip), C(cidr_mask),
      C(name), C(sql), C(ui), as RV(cockroachdb.cloud.cockroach_allowlist#module:allowlist)
      describes them), sorted by network (address, then mask), each with C(cidr) added (the
      network as C(address/mask), host bits cleared).
  returned: always
  type: list
  elements: dict
  sample:
    - {cidr: 10.0.0.0/24, cidr_ip: 10.0.0.0, cidr_mask: 24, name: office, sql: true, ui: false}
    - {cidr: 203.0.113.7/32, cidr_ip: 203.0.113.7, cidr_mask: 32, name: ci-runner, sql: true, ui: true}
"""

from ansible_collections.cockroachdb.cloud.plugins.module_utils._module import ModuleTask, cluster_info_argument_spec
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.allowlist import allowlist_info

ARGUMENT_SPEC = cluster_info_argument_spec()


TASK = ModuleTask(ARGUMENT_SPEC, allowlist_info)


def main():
    TASK.main()


if __name__ == "__main__":
    main()
