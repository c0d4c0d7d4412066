#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: cockroach_database_info
short_description: List the databases of a CockroachDB Cloud cluster
version_added: 0.1.0
description:
  - Lists every database of a cluster (following every page of the listing, 500 databases
    per page), or only the one named O(name).
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
      - Only return the database with this name (compared exactly; an empty list when
        there is none).
    type: str
notes:
  - The module reads the databases in pages of 500 (one read for up to 500 databases) and, with a
    cluster given by name, lists the clusters first. It sends only GET requests.
seealso:
  - module: cockroachdb.cloud.cockroach_database
"""

EXAMPLES = r"""
- name: List the databases of a cluster
  cockroachdb.cloud.cockroach_database_info:
    cluster: web-app
  register: dbs

- name: Show their names and table counts
  ansible.builtin.debug:
    msg: "{{ item.name }}: {{ item.table_count }} tables"
  loop: "{{ dbs.databases }}"
  loop_control:
    label: "{{ item.name }}"
"""

RETURN = r"""
databases:
  description: The databases of the cluster, in the API's order.
  returned: always
  type: list
  elements: dict
  contains:
    name:
      description: Name of the database.
      type: str
      returned: always
      sample: orders
    table_count:
      description: Number of tables in the database.
      type: int
      returned: always
      sample: 12
  sample:
    - name: defaultdb
      table_count: 0
    - name: orders
      table_count: 12
"""

from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.info import listing_info
from ansible_collections.cockroachdb.cloud.plugins.module_utils._module import ModuleTask, cluster_info_argument_spec
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.sql import Databases

ARGUMENT_SPEC = cluster_info_argument_spec(name=dict(type="str"))


TASK = ModuleTask(ARGUMENT_SPEC, lambda ctx: listing_info(ctx, Databases, "databases"))


def main():
    TASK.main()


if __name__ == "__main__":
    main()
