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
  - cockroachdb.cloud.cockroach.CLUSTER
  - cockroachdb.cloud.cockroach.WAIT
  - cockroachdb.cloud.cockroach.ACTIONGROUP
  - cockroachdb.cloud.cockroach.CHECK_MODE_DIFF
options:
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
  wait_timeout:
    description:
      - Seconds to wait for a busy cluster before the first change.
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

from ansible_collections.cockroachdb.cloud.plugins.module_utils._module import ModuleTask, cluster_argument_spec
from ansible_collections.cockroachdb.cloud.plugins.module_utils._sql import SqlUsers

ARGUMENT_SPEC = cluster_argument_spec(
    name=dict(type="str", required=True),
    state=dict(type="str", default="present", choices=["present", "absent"]),
    password=dict(type="str", no_log=True),
    update_password=dict(type="str", default="on_create", choices=["on_create", "always"], no_log=False),
)


TASK = ModuleTask(ARGUMENT_SPEC, SqlUsers.task)


def main():
    TASK.main()


if __name__ == "__main__":
    main()
