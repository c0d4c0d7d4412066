#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: cockroach_region_info
short_description: List the cloud regions where CockroachDB Cloud clusters can run
version_added: 0.1.0
description:
  - Lists the regions of each cloud provider that new clusters can use, and whether each
    region offers serverless clusters.
author:
  - CockroachDB Cloud collection maintainers (@cockroachdb)
options:
  cloud_provider:
    description:
      - Only list the regions of this cloud provider.
    type: str
    choices: [AWS, GCP, AZURE]
  serverless:
    description:
      - Whether to list only the regions that offer serverless clusters.
      - With V(false), regions are listed whether they offer serverless clusters or not.
    type: bool
    default: false
notes:
  - The module reads every page of the list (pages of 500 regions); it only sends GET requests.
seealso:
  - module: cockroachdb.cloud.cockroach_cluster
  - module: cockroachdb.cloud.cockroach_cluster_info
extends_documentation_fragment:
  - cockroachdb.cloud.cockroach
  - cockroachdb.cloud.cockroach.ACTIONGROUP
  - cockroachdb.cloud.cockroach.INFO
"""

EXAMPLES = r"""
- name: AWS regions that offer serverless clusters
  cockroachdb.cloud.cockroach_region_info:
    cloud_provider: AWS
    serverless: true
  register: aws

- name: Print their names
  ansible.builtin.debug:
    msg: "{{ aws.regions | map(attribute='name') | list }}"

- name: Check that a region is available before creating a cluster there
  cockroachdb.cloud.cockroach_region_info:
    cloud_provider: GCP
  register: gcp

- name: Fail early when it is not
  ansible.builtin.assert:
    that: "'us-east1' in gcp.regions | map(attribute='name')"
    fail_msg: GCP region us-east1 is not offered
"""

RETURN = r"""
regions:
  description: The regions, in the order the API lists them.
  returned: always
  type: list
  elements: dict
  contains:
    name:
      description: Name of the region, as the cloud provider spells it.
      type: str
      sample: us-east-1
    provider:
      description: Cloud provider of the region.
      type: str
      sample: AWS
    serverless:
      description: Whether the region offers serverless clusters.
      type: bool
      sample: true
  sample:
    - {name: us-east-1, provider: AWS, serverless: true}
    - {name: us-east-2, provider: AWS, serverless: false}
    - {name: us-west-2, provider: AWS, serverless: true}
"""

from ansible_collections.cockroachdb.cloud.plugins.module_utils._module import ModuleTask
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.regions import region_info

ARGUMENT_SPEC = dict(
    cloud_provider=dict(type="str", choices=["AWS", "GCP", "AZURE"]),
    serverless=dict(type="bool", default=False),
)


TASK = ModuleTask(ARGUMENT_SPEC, region_info)


def main():
    TASK.main()


if __name__ == "__main__":
    main()
