#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: cockroach_sql_user
short_description: Create and delete SQL users of a CockroachDB Cloud cluster, and set their passwords
version_added: 0.1.0
description:
  - Creates a SQL user with a password on a cluster, deletes it, or sets its password.
  - Finds the user by O(name) in one listing of the cluster's SQL users (pages of 500).
  - B(Passwords are write-only.) The API never returns them, so the module cannot tell
    whether a password differs from the one set. With O(update_password=on_create) (the
    default) the password is only sent when the user is created, and a changed
    O(password) is B(not detected). With O(update_password=always) the password is set on
    every run, which then always reports C(changed).
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
      - Name or ID of the cluster that holds the user.
      - A cluster that is being created or changed (C(CREATING), C(LOCKED)) refuses changes;
        the module waits for it first (see O(wait) and O(wait_timeout)).
      - In check mode, a cluster that does not exist yet counts as a new, empty one (an earlier
        task of the playbook would create it), so the task predicts its change and warns. A real
        run fails on a cluster that does not exist.
    type: str
    required: true
  name:
    description:
      - Name of the SQL user, 1 to 63 lowercase letters, digits, V(_), V(-) or V(.), not
        starting with a digit.
      - The cluster's built-in roles V(root), V(admin), V(public) and V(node) cannot be managed.
    type: str
    required: true
  state:
    description:
      - V(present) creates the user (and sets its password as O(update_password) says),
        V(absent) deletes it.
      - With V(absent), a cluster that does not exist holds no user, so nothing is done.
    type: str
    choices: [present, absent]
    default: present
  password:
    description:
      - Password of the user, at least 8 characters. Required to create a user.
      - Never shown in the output or in the diff (C(********) there).
    type: str
  update_password:
    description:
      - V(on_create) sends the password only when the user is created. A different
        O(password) for an existing user is not detected, because the API never returns
        passwords.
      - V(always) sets the password on every run (and reports C(changed) every time).
    type: str
    choices: [on_create, always]
    default: on_create
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
      - Seconds to wait for a cluster in state C(CREATING) or C(LOCKED) before the user can
        be changed.
    type: int
    default: 600
notes:
  - A re-run that changes nothing reads the listing of the cluster's SQL users, and with a
    cluster given by name, the listing of the clusters first. It never waits for a busy
    cluster; neither does check mode. Only a change waits (and reads a cluster given by ID).
seealso:
  - module: cockroachdb.cloud.cockroach_sql_user_info
  - module: cockroachdb.cloud.cockroach_database
  - module: cockroachdb.cloud.cockroach_cluster
"""

EXAMPLES = r"""
- name: Create the application's SQL user
  cockroachdb.cloud.cockroach_sql_user:
    cluster: web-app
    name: app
    password: "{{ vault_app_db_password }}"

- name: Rotate its password (sent on every run)
  cockroachdb.cloud.cockroach_sql_user:
    cluster: web-app
    name: app
    password: "{{ vault_app_db_password_new }}"
    update_password: always

- name: Delete a user, on a cluster given by id
  cockroachdb.cloud.cockroach_sql_user:
    cluster: 3b1f0a7e-6a89-4c1e-9f61-2f4a8f3c0d2a
    name: legacy_reporting
    state: absent
"""

RETURN = r"""
sql_user:
  description:
    - The SQL user as the API returns it (the password never is). In check mode, the
      predicted user.
    - Empty when O(state=absent).
  returned: always
  type: dict
  contains:
    name:
      description: Name of the SQL user.
      type: str
      returned: success
      sample: app
  sample:
    name: app
"""

import re

from ansible_collections.cockroachdb.cloud.plugins.module_utils._cluster_children import ClusterChildResource
from ansible_collections.cockroachdb.cloud.plugins.module_utils._module import CockroachModule, wait_argument_spec
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resource import MASK, InvalidInput, reconcile

NAME_RE = re.compile(r"^[a-z_.-][a-z0-9_.-]{0,62}$")
RESERVED_NAMES = frozenset(["root", "admin", "public", "node"])
MIN_PASSWORD_LENGTH = 8

ARGUMENT_SPEC = dict(
    cluster=dict(type="str", required=True),
    name=dict(type="str", required=True),
    state=dict(type="str", default="present", choices=["present", "absent"]),
    password=dict(type="str", no_log=True),
    update_password=dict(type="str", default="on_create", choices=["on_create", "always"], no_log=False),
)
ARGUMENT_SPEC.update(wait_argument_spec(600))


def check_name(name):
    """Reject a SQL user name the service would refuse (before any request)."""
    if not name:
        raise InvalidInput("name must not be empty: give the SQL user's name")
    if not NAME_RE.match(name):
        raise InvalidInput("invalid SQL user name %r: use 1 to 63 lowercase letters, digits, '_', '-' or '.', "
                           "not starting with a digit" % name)
    if name in RESERVED_NAMES:
        raise InvalidInput("SQL user name %r is reserved for the cluster's built-in role; choose another name"
                           % name)


def check_password(password):
    if len(password) < MIN_PASSWORD_LENGTH:
        # Never echo the password, not even its length.
        raise InvalidInput("password is too short: a SQL user password needs at least %d characters"
                           % MIN_PASSWORD_LENGTH)


class SqlUserResource(ClusterChildResource):
    """``/api/v1/clusters/{id}/sql-users``: identity ``name``; the password is write-only."""

    kind = "sql_user"
    segment = "sql-users"
    items_key = "users"
    secret_fields = ("password",)

    def __init__(self, ctx):
        super(SqlUserResource, self).__init__(ctx)
        self._password_sent = False  # whether this run sets (or would set) the password

    def check_input(self):
        params = self.params
        check_name(params.get("name"))
        super(SqlUserResource, self).check_input()
        if params.get("state") == "absent":
            return
        if params.get("password") is not None:
            check_password(params["password"])
        elif params.get("update_password") == "always":
            raise InvalidInput("update_password=always needs a password")

    def validate(self, current):
        if current is None and not self.params.get("password"):
            raise InvalidInput("SQL user %s does not exist on cluster %s: give a password to create it"
                               % (self.params["name"], self.params["cluster"]))

    def view(self, resource):
        view = {"name": resource.get("name")}
        if self._password_sent:
            view["password"] = MASK
        return view

    def changes(self, current):
        if self.params.get("update_password") == "always" and self.params.get("password") is not None:
            return {"password": True}
        return {}

    def predict_create(self):
        self._password_sent = True
        return {"name": self.params["name"]}

    def predict_update(self, current, changes):
        self._password_sent = True
        return current

    def create(self):
        self._password_sent = True
        body = {"name": self.params["name"], "password": self.params["password"]}
        return self.create_child(body, self.params["name"])

    def update(self, current, changes):
        self._password_sent = True
        self.children.ready_for_change()
        # Setting the same password twice is harmless: safe to retry.
        answer = self.client.put(self.children.item_path(current["name"], "password"),
                                 {"password": self.params["password"]}, idempotent=True)
        return answer or current

    def delete(self, current):
        self.delete_child(current["name"])


def main():
    module = CockroachModule(argument_spec=ARGUMENT_SPEC)
    module.run(lambda: reconcile(SqlUserResource(module.context())))


if __name__ == "__main__":
    main()
