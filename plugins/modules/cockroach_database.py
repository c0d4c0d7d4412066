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
  - Creates a database on a cluster, renames it or deletes it (O(name)); or manages several
    databases in one task (O(databases)).
  - Finds the database by O(name) in one listing of the cluster's databases (pages of 500).
  - A rename is idempotent. When O(name) no longer exists but O(new_name) does, the database
    was renamed already and nothing is done. When both exist, the module fails before any
    change. When neither exists, it fails too; it does not create O(new_name), so that a
    typo in O(name) cannot go unnoticed.
  - With O(databases), the module reads the cluster's databases once, then creates the
    listed databases that do not exist, one request each, and with O(purge=true) removes
    the ones the list does not name. A re-run with the same list sends no change.
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
      - Exactly one of O(name) and O(databases) is required.
    type: str
  new_name:
    description:
      - Rename the database O(name) to this name (same rules as O(name)).
      - Only with O(state=present). Mutually exclusive with O(databases).
    type: str
  databases:
    description:
      - Several databases in one task, each given by its name (same rules as O(name)) or as a
        dictionary with the key C(name) only. A name listed twice is an error.
      - With O(state=present), the databases that do not exist are created. With
        O(state=absent), the listed databases that exist are deleted (also V(defaultdb) or
        V(postgres), when listed).
      - An empty list with O(purge=true) deletes every database but the built-in ones.
      - Mutually exclusive with O(name) and O(new_name).
    type: list
    elements: raw
  purge:
    description:
      - With O(databases) and O(state=present), whether to delete the databases that
        O(databases) does not name.
      - Never deletes the databases the service makes with every cluster, V(defaultdb) and
        V(postgres) (nor V(system), should the listing show it). To delete one of them, list
        it with O(state=absent).
      - Not with O(name).
    type: bool
    default: false
  state:
    description:
      - V(present) creates the database (or renames it, with O(new_name)), V(absent) deletes it.
      - With O(databases), V(present) creates the listed databases and V(absent) deletes them.
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
  - Deleting a database deletes its tables and their data. So does O(purge=true) for every
    database that O(databases) does not name.
  - With O(databases), an API error in the middle of several changes stops the task; the
    message says how many databases were added and removed before it. A re-run carries out
    the rest.
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

- name: Create the three databases of the application (one listing, one request per new database)
  cockroachdb.cloud.cockroach_database:
    cluster: web-app
    databases:
      - orders
      - billing
      - name: audit

- name: Make the cluster's databases exactly these (deletes every other one but defaultdb and postgres)
  cockroachdb.cloud.cockroach_database:
    cluster: web-app
    databases: [orders, billing]
    purge: true
  register: dbs

- name: Show what changed
  ansible.builtin.debug:
    msg: "added {{ dbs.added }}, removed {{ dbs.removed }}; now {{ dbs.databases | map(attribute='name') }}"

- name: Delete two databases
  cockroachdb.cloud.cockroach_database:
    cluster: web-app
    databases: [audit, billing]
    state: absent
"""

RETURN = r"""
database:
  description:
    - The database as the API returns it, after the change. In check mode, the predicted
      database.
    - Empty when O(state=absent).
  returned: when O(name) is given
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
databases:
  description:
    - Every database of the cluster after the task (not only the listed ones), as the API
      returns them, sorted by name. In check mode, the predicted databases.
    - Empty when O(state=absent) and the cluster does not exist.
  returned: when O(databases) is given
  type: list
  elements: dict
  contains:
    name:
      description: Name of the database.
      type: str
      sample: orders
    table_count:
      description: Number of tables in the database (V(0) for a new one).
      type: int
      sample: 12
  sample:
    - {name: billing, table_count: 0}
    - {name: defaultdb, table_count: 0}
    - {name: orders, table_count: 12}
    - {name: postgres, table_count: 0}
added:
  description: The databases created (or that would be, in check mode), sorted.
  returned: when O(databases) is given
  type: list
  elements: str
  sample: [billing]
updated:
  description: Always empty; a database of O(databases) is only created or deleted (see O(new_name)).
  returned: when O(databases) is given
  type: list
  elements: str
  sample: []
removed:
  description: The databases deleted (or that would be, in check mode), sorted.
  returned: when O(databases) is given
  type: list
  elements: str
  sample: [legacy]
cluster_id:
  description: Id of the cluster; null when O(state=absent) and the cluster does not exist.
  returned: when O(databases) is given
  type: str
  sample: 3b1f0a7e-6a89-4c1e-9f61-2f4a8f3c0d2a
diff:
  description:
    - With O(databases), the cluster's databases before and after the task, under
      C(databases) as C({name}) sorted by name. A database that stays is on both sides, so
      the unified diff of C(--diff) shows only the additions and removals. A task that changes
      nothing has the same list on both sides.
    - With O(name), the database before and after, as C({name}).
  returned: success
  type: dict
  sample:
    before:
      databases:
        - {name: defaultdb}
        - {name: legacy}
        - {name: orders}
        - {name: postgres}
    after:
      databases:
        - {name: billing}
        - {name: defaultdb}
        - {name: orders}
        - {name: postgres}
"""

from ansible_collections.cockroachdb.cloud.plugins.module_utils._module import ModuleTask, cluster_argument_spec
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.sql import database_task

ARGUMENT_SPEC = cluster_argument_spec(
    name=dict(type="str"),
    new_name=dict(type="str"),
    # Each a name or {name}: checked by the description, which names the item.
    databases=dict(type="list", elements="raw"),
    purge=dict(type="bool", default=False),
    state=dict(type="str", default="present", choices=["present", "absent"]),
)


TASK = ModuleTask(ARGUMENT_SPEC, database_task, required_one_of=[["name", "databases"]],
                  mutually_exclusive=[["name", "databases"], ["new_name", "databases"], ["name", "purge"]])


def main():
    TASK.main()


if __name__ == "__main__":
    main()
