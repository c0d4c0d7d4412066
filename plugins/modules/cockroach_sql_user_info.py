#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: cockroach_sql_user_info
short_description: List the SQL users of a CockroachDB Cloud cluster
version_added: 0.1.0
description:
  - Lists every SQL user of a cluster (following every page of the listing, 500 users per
    page), or only the one named O(name).
  - Passwords are write-only in the API, so they are never returned.
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
      - Only return the SQL user with this name (an empty list when there is none).
    type: str
notes:
  - The module reads the users in pages of 500 (one read for up to 500 users) and, with a
    cluster given by name, lists the clusters first. It sends only GET requests.
seealso:
  - module: cockroachdb.cloud.cockroach_sql_user
"""

EXAMPLES = r"""
- name: List the SQL users of a cluster
  cockroachdb.cloud.cockroach_sql_user_info:
    cluster: web-app
  register: users

- name: Show their names
  ansible.builtin.debug:
    msg: "{{ users.sql_users | map(attribute='name') | list }}"

- name: Check whether the user app exists
  cockroachdb.cloud.cockroach_sql_user_info:
    cluster: web-app
    name: app
  register: app_user

- name: Fail without it
  ansible.builtin.assert:
    that: app_user.sql_users | length == 1
"""

RETURN = r"""
sql_users:
  description: The SQL users of the cluster, in the API's order.
  returned: always
  type: list
  elements: dict
  contains:
    name:
      description: Name of the SQL user.
      type: str
      returned: always
      sample: app
  sample:
    - name: app
    - name: reporting
"""

from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.info import listing_info
from ansible_collections.cockroachdb.cloud.plugins.module_utils._module import ModuleTask, cluster_info_argument_spec
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.sql import SqlUsers

ARGUMENT_SPEC = cluster_info_argument_spec(name=dict(type="str"))


TASK = ModuleTask(ARGUMENT_SPEC, lambda ctx: listing_info(ctx, SqlUsers, "sql_users"))


def main():
    TASK.main()


if __name__ == "__main__":
    main()
