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
  - cockroachdb.cloud.cockroach.WAIT
  - cockroachdb.cloud.cockroach.ACTIONGROUP
  - cockroachdb.cloud.cockroach.CHECK_MODE_DIFF
options:
  cluster:
    description:
      - Name or ID of the cluster that holds the database.
      - A cluster that is being created or changed (C(CREATING), C(LOCKED)) refuses changes;
        the module waits for it first (see O(wait) and O(wait_timeout)).
      - In check mode, a cluster that does not exist yet counts as a new, empty one (an earlier
        task of the playbook would create it), so the task predicts its change and warns. A real
        run fails on a cluster that does not exist.
    type: str
    required: true
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
  wait:
    description:
      - Whether to wait, before a change, for a cluster in state C(CREATING) or C(LOCKED)
        (the API refuses changes then).
      - With V(false), a refused change is retried a few times within two minutes, then the
        module fails.
    type: bool
    default: true
  wait_timeout:
    description:
      - Seconds to wait for a cluster in state C(CREATING) or C(LOCKED) before the database
        can be changed.
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

import re

from ansible_collections.cockroachdb.cloud.plugins.module_utils._cluster_children import ClusterChildResource
from ansible_collections.cockroachdb.cloud.plugins.module_utils._module import CockroachModule, wait_argument_spec
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resource import InvalidInput, reconcile

NAME_RE = re.compile(r"^[A-Za-z0-9_-]{1,63}$")

ARGUMENT_SPEC = dict(
    cluster=dict(type="str", required=True),
    name=dict(type="str", required=True),
    new_name=dict(type="str"),
    state=dict(type="str", default="present", choices=["present", "absent"]),
)
ARGUMENT_SPEC.update(wait_argument_spec(600))


def check_name(name, option="name"):
    """Reject a database name the service would refuse (before any request)."""
    if not name:
        raise InvalidInput("%s must not be empty: give the database's name" % option)
    if not NAME_RE.match(name):
        raise InvalidInput("invalid database %s %r: use 1 to 63 letters, digits, '_' or '-'" % (option, name))


class DatabaseResource(ClusterChildResource):
    """``/api/v1/clusters/{id}/databases``: identity ``name``; rename is PATCH ``{new_name}``."""

    kind = "database"
    segment = "databases"
    items_key = "databases"

    def check_input(self):
        params = self.params
        check_name(params.get("name"))
        if params.get("new_name") is not None:
            check_name(params["new_name"], "new_name")
            if params.get("state") == "absent":
                raise InvalidInput("new_name only applies with state=present: to delete the database, "
                                   "leave new_name out")
        super(DatabaseResource, self).check_input()

    def find_child(self):
        name, new_name = self.params["name"], self.params.get("new_name")
        current = self.children.find(name)
        if new_name is None or new_name == name:
            return current
        renamed = self.children.find(new_name)
        if current is not None and renamed is not None:
            raise InvalidInput("databases %s and %s both exist on cluster %s: %s cannot be renamed to %s; "
                               "delete one of them or leave new_name out"
                               % (name, new_name, self.params["cluster"], name, new_name))
        if current is None and renamed is None:
            raise InvalidInput("database %s does not exist on cluster %s, so it cannot be renamed to %s; "
                               "create it first, or manage %s with name: %s"
                               % (name, self.params["cluster"], new_name, new_name, new_name))
        return current if current is not None else renamed

    def view(self, resource):
        return {"name": resource.get("name")}

    def changes(self, current):
        new_name = self.params.get("new_name")
        if new_name is not None and new_name != current.get("name"):
            return {"new_name": new_name}
        return {}

    def predict_create(self):
        return {"name": self.params["name"], "table_count": 0}

    def predict_update(self, current, changes):
        current["name"] = changes["new_name"]
        return current

    def create(self):
        return self.create_child({"name": self.params["name"]}, self.params["name"])

    def update(self, current, changes):
        self.children.ready_for_change()
        return self.client.patch(self.children.item_path(current["name"]), {"new_name": changes["new_name"]})

    def delete(self, current):
        self.delete_child(current["name"])


def main():
    module = CockroachModule(argument_spec=ARGUMENT_SPEC)
    module.run(lambda: reconcile(DatabaseResource(module.context())))


if __name__ == "__main__":
    main()
