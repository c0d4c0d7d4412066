#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: cockroach_database
short_description: Create, rename and delete databases of a CockroachDB Cloud cluster
version_added: 0.1.0
description:
  - Creates a database on a cluster, renames it or deletes it.
  - Finds the database by O(name) in one listing of the cluster's databases (pages of 500).
  - A rename is idempotent. When O(name) no longer exists but O(new_name) does, the database
    was renamed already and nothing is done. When both exist, the module fails before any
    change. When neither exists, it fails too; it does not create O(new_name), so that a
    typo in O(name) cannot go unnoticed.
author:
  - CockroachDB Cloud collection maintainers (@cockroachdb)
extends_documentation_fragment:
  - cockroachdb.cloud.cockroach
  - cockroachdb.cloud.cockroach.CLUSTER
  - cockroachdb.cloud.cockroach.WAIT
  - cockroachdb.cloud.cockroach.ACTIONGROUP
  - cockroachdb.cloud.cockroach.CHECK_MODE_DIFF
options:
  name:
    description:
      - Name of the database, 1 to 63 letters, digits, V(_) or V(-). Names are compared
        exactly (case matters).
      - With O(new_name), the current name of the database to rename.
    type: str
    required: true
  new_name:
    description:
      - Rename the database O(name) to this name (same rules as O(name)).
      - Only with O(state=present).
    type: str
  state:
    description:
      - V(present) creates the database (or renames it, with O(new_name)), V(absent) deletes it.
      - With V(absent), a cluster that does not exist holds no database, so nothing is done.
    type: str
    choices: [present, absent]
    default: present
  wait_timeout:
    description:
      - Seconds to wait for a busy cluster before the first change.
    type: int
    default: 600
notes:
  - A re-run that changes nothing reads the listing of the cluster's databases, and with a
    cluster given by name, the listing of the clusters first. It never waits for a busy
    cluster; neither does check mode. Only a change waits (and reads a cluster given by ID).
  - Deleting a database deletes its tables and their data.
seealso:
  - module: cockroachdb.cloud.cockroach_database_info
  - module: cockroachdb.cloud.cockroach_sql_user
  - module: cockroachdb.cloud.cockroach_cluster
"""

EXAMPLES = r"""
- name: Create the application's database
  cockroachdb.cloud.cockroach_database:
    cluster: web-app
    name: orders

- name: Rename it (nothing to do once it is renamed)
  cockroachdb.cloud.cockroach_database:
    cluster: web-app
    name: orders
    new_name: orders_v2

- name: Drop the default database, on a cluster given by id
  cockroachdb.cloud.cockroach_database:
    cluster: 3b1f0a7e-6a89-4c1e-9f61-2f4a8f3c0d2a
    name: defaultdb
    state: absent
"""

RETURN = r"""
database:
  description:
    - The database as the API returns it, after the change. In check mode, the predicted
      database.
    - Empty when O(state=absent).
  returned: always
  type: dict
  contains:
    name:
      description: Name of the database.
      type: str
      returned: success
      sample: orders
    table_count:
      description: Number of tables in the database.
      type: int
      returned: success
      sample: 12
  sample:
    name: orders
    table_count: 12
"""

from ansible_collections.cockroachdb.cloud.plugins.module_utils._module import ModuleTask, cluster_argument_spec
from ansible_collections.cockroachdb.cloud.plugins.module_utils._sql import Databases

ARGUMENT_SPEC = cluster_argument_spec(
    name=dict(type="str", required=True),
    new_name=dict(type="str"),
    state=dict(type="str", default="present", choices=["present", "absent"]),
)


TASK = ModuleTask(ARGUMENT_SPEC, Databases.task)


def main():
    TASK.main()


if __name__ == "__main__":
    main()
