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
  - Creates a SQL user with a password on a cluster, deletes it, or sets its password
    (O(name)); or manages several users in one task (O(users)).
  - Finds the user by O(name) in one listing of the cluster's SQL users (pages of 500).
  - With O(users), the module reads the cluster's SQL users once, then creates the listed
    users that do not exist and sets the passwords that O(update_password) asks for, one
    request each, and with O(purge=true) deletes the users the list does not name.
  - B(Passwords are write-only.) The API never returns them, so the module cannot tell
    whether a password differs from the one set. With O(update_password=on_create) (the
    default) the password is only sent when the user is created, and a changed
    O(password) is B(not detected). With O(update_password=always) the password is set on
    every run, which then always reports C(changed). The same holds for every user of O(users).
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
      - Exactly one of O(name) and O(users) is required.
    type: str
  users:
    description:
      - Several SQL users in one task. A name listed twice is an error.
      - With O(state=present), the users that do not exist are created (each needs a
        password; a new user without one fails the task before any change), and with
        O(update_password=always) every listed user that exists gets its password set
        again, one request per user (every listed user then needs a password).
      - With O(state=absent), the listed users that exist are deleted; their passwords are
        ignored.
      - An empty list with O(purge=true) deletes every user.
      - Mutually exclusive with O(name) and O(password).
    type: list
    elements: dict
    suboptions:
      name:
        description:
          - Name of the SQL user (same rules as O(name)).
        type: str
        required: true
      password:
        description:
          - Password of the user, at least 8 characters. Required to create the user, and
            with O(update_password=always).
          - Never shown in the output, in the diff (C(********) there) or in error messages.
        type: str
  purge:
    description:
      - With O(users) and O(state=present), whether to delete the users that O(users) does
        not name.
      - Never deletes the cluster's built-in roles (V(root), V(admin), V(public), V(node)),
        should the listing show them.
      - Not with O(name).
    type: bool
    default: false
  state:
    description:
      - V(present) creates the user (and sets its password as O(update_password) says),
        V(absent) deletes it.
      - With O(users), V(present) creates the listed users and V(absent) deletes them.
      - With V(absent), a cluster that does not exist holds no user, so nothing is done.
      - With V(absent) and O(name), O(password) and O(update_password) (set to V(always)) are
        not used, and a warning says so. (With O(users), their passwords are ignored.)
    type: str
    choices: [present, absent]
    default: present
  password:
    description:
      - Password of the user, at least 8 characters. Required to create a user.
      - Never shown in the output or in the diff (C(********) there).
      - With O(users), give each user's password in O(users[].password) instead.
    type: str
  update_password:
    description:
      - V(on_create) sends the password only when the user is created. A different
        O(password) for an existing user is not detected, because the API never returns
        passwords.
      - V(always) sets the password on every run (and reports C(changed) every time).
      - With O(users), this applies to every listed user.
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
  - With O(users), an API error in the middle of several changes stops the task; the
    message says how many users were added, updated (password set) and removed before it.
    A re-run carries out the rest.
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

- name: Create the application's users (one listing, one request per new user)
  cockroachdb.cloud.cockroach_sql_user:
    cluster: web-app
    users:
      - name: app
        password: "{{ vault_app_db_password }}"
      - name: reporting
        password: "{{ vault_reporting_db_password }}"
      - name: migrations
        password: "{{ vault_migrations_db_password }}"

- name: Make the cluster's users exactly these, and set every password again
  cockroachdb.cloud.cockroach_sql_user:
    cluster: web-app
    users:
      - name: app
        password: "{{ vault_app_db_password }}"
      - name: reporting
        password: "{{ vault_reporting_db_password }}"
    update_password: always
    purge: true
  register: users

- name: Show what changed
  ansible.builtin.debug:
    msg: "added {{ users.added }}, passwords set {{ users.updated }}, removed {{ users.removed }}"

- name: Delete two users (passwords are not needed)
  cockroachdb.cloud.cockroach_sql_user:
    cluster: web-app
    users:
      - name: reporting
      - name: migrations
    state: absent
"""

RETURN = r"""
sql_user:
  description:
    - The SQL user as the API returns it (the password never is). In check mode, the
      predicted user.
    - Empty when O(state=absent).
  returned: when O(name) is given
  type: dict
  contains:
    name:
      description: Name of the SQL user.
      type: str
      returned: success
      sample: app
  sample:
    name: app
sql_users:
  description:
    - Every SQL user of the cluster after the task (not only the listed ones), as the API
      returns them (never a password), sorted by name. In check mode, the predicted users.
    - Empty when O(state=absent) and the cluster does not exist.
  returned: when O(users) is given
  type: list
  elements: dict
  contains:
    name:
      description: Name of the SQL user.
      type: str
      sample: app
  sample:
    - {name: app}
    - {name: migrations}
    - {name: reporting}
added:
  description: The users created (or that would be, in check mode), sorted.
  returned: when O(users) is given
  type: list
  elements: str
  sample: [migrations]
updated:
  description:
    - The existing users whose password was set (or would be, in check mode), sorted.
    - Every listed user that existed, with O(update_password=always); else empty.
  returned: when O(users) is given
  type: list
  elements: str
  sample: [app, reporting]
removed:
  description: The users deleted (or that would be, in check mode), sorted.
  returned: when O(users) is given
  type: list
  elements: str
  sample: [legacy_reporting]
cluster_id:
  description: Id of the cluster; null when O(state=absent) and the cluster does not exist.
  returned: when O(users) is given
  type: str
  sample: 3b1f0a7e-6a89-4c1e-9f61-2f4a8f3c0d2a
diff:
  description:
    - With O(users), the cluster's users before and after the task, under C(users) as
      C({name}) sorted by name; on the after side, a user whose password the task sets
      shows C(password) as C(********). A user that stays is on both sides, so the unified
      diff of C(--diff) shows the additions, the password changes and the removals.
    - With O(name), the user before and after, with C(password) as C(********) on the after
      side when the task sets it.
  returned: success
  type: dict
  sample:
    before:
      users:
        - {name: app}
        - {name: legacy_reporting}
        - {name: reporting}
    after:
      users:
        - {name: app, password: "********"}
        - {name: migrations, password: "********"}
        - {name: reporting, password: "********"}
"""

from ansible_collections.cockroachdb.cloud.plugins.module_utils._module import ModuleTask, cluster_argument_spec
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.sql import sql_user_task

ARGUMENT_SPEC = cluster_argument_spec(
    name=dict(type="str"),
    users=dict(type="list", elements="dict", options=dict(
        name=dict(type="str", required=True),
        password=dict(type="str", no_log=True),
    )),
    purge=dict(type="bool", default=False),
    state=dict(type="str", default="present", choices=["present", "absent"]),
    password=dict(type="str", no_log=True),
    update_password=dict(type="str", default="on_create", choices=["on_create", "always"], no_log=False),
)


TASK = ModuleTask(ARGUMENT_SPEC, sql_user_task, required_one_of=[["name", "users"]],
                  mutually_exclusive=[["name", "users"], ["password", "users"], ["name", "purge"]])


def main():
    TASK.main()


if __name__ == "__main__":
    main()
