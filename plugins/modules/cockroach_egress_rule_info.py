#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: cockroach_egress_rule_info
short_description: List the egress rules of a dedicated CockroachDB Cloud cluster
version_added: 0.2.0
description:
  - Lists every egress rule of a cluster (following every page of the listing, 500 rules per
    page), or only the one named O(name).
  - A serverless cluster has no egress rules, so the list is empty, as the API answers.
author:
  - CockroachDB Cloud collection maintainers (@cockroachdb)
extends_documentation_fragment:
  - cockroachdb.cloud.cockroach
  - cockroachdb.cloud.cockroach.CLUSTER_INFO
  - cockroachdb.cloud.cockroach.ACTIONGROUP
  - cockroachdb.cloud.cockroach.INFO
options:
  name:
    description:
      - Only return the rule with this name (compared exactly; an empty list when there is
        none).
    type: str
notes:
  - The module reads the rules in pages of 500 and, with a cluster given by name, lists the
    clusters first. It sends only GET requests.
seealso:
  - module: cockroachdb.cloud.cockroach_egress_rule
"""

EXAMPLES = r"""
- name: List the egress rules of a cluster
  cockroachdb.cloud.cockroach_egress_rule_info:
    cluster: orders-prod
  register: egress

- name: Show where the cluster may connect to
  ansible.builtin.debug:
    msg: "{{ item.name }}: {{ item.destination }} ports {{ item.ports | join(',') or 'all' }} ({{ item.state }})"
  loop: "{{ egress.egress_rules }}"
  loop_control:
    label: "{{ item.name }}"
"""

RETURN = r"""
egress_rules:
  description:
    - The rules of the cluster as the API returns them (see
      RV(cockroachdb.cloud.cockroach_egress_rule#module:egress_rule)), in the API's order, each
      with its C(ports) sorted.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b
      name: backups
      destination: s3.us-east-1.amazonaws.com
      type: FQDN
      ports: [443]
      description: Backups to S3
      state: ACTIVE
      created_at: "2026-11-28T10:00:00.000000Z"
"""

from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.info import listing_info
from ansible_collections.cockroachdb.cloud.plugins.module_utils._module import ModuleTask, cluster_info_argument_spec
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.egress_rules import EgressRules, rule_info

ARGUMENT_SPEC = cluster_info_argument_spec(name=dict(type="str"))


TASK = ModuleTask(ARGUMENT_SPEC, lambda ctx: listing_info(ctx, EgressRules, "egress_rules", present=rule_info))


def main():
    TASK.main()


if __name__ == "__main__":
    main()
