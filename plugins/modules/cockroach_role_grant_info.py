#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: cockroach_role_grant_info
short_description: Show the CockroachDB Cloud role grants of the organization or of one user
version_added: 0.2.0
description:
  - Shows the role grants of every user of the organization that holds one (one listing,
    pages of 500), or of one person (O(user)) or service account (O(service_account)).
  - A user that does not exist is not an error; the module returns an empty list.
author:
  - CockroachDB Cloud collection maintainers (@cockroachdb)
extends_documentation_fragment:
  - cockroachdb.cloud.cockroach
  - cockroachdb.cloud.cockroach.ACTIONGROUP
  - cockroachdb.cloud.cockroach.INFO
options:
  user:
    description:
      - Only the grants of this person, by email (one more request) or by user id (a UUID).
        A value that is neither an email address nor a UUID is refused before any request.
      - Mutually exclusive with O(service_account).
    type: str
  service_account:
    description:
      - Only the grants of this service account, by name (one more listing) or by id.
    type: str
seealso:
  - module: cockroachdb.cloud.cockroach_role_grant
  - module: cockroachdb.cloud.cockroach_user_roles
  - module: cockroachdb.cloud.cockroach_user_info
"""

EXAMPLES = r"""
- name: Who holds which roles
  cockroachdb.cloud.cockroach_role_grant_info:
  register: grants

- name: Print the users and their roles
  ansible.builtin.debug:
    msg: "{{ item.user_id }}: {{ item.roles | map(attribute='name') | list }}"
  loop: "{{ grants.grants }}"
  loop_control:
    label: "{{ item.user_id }}"

- name: The roles of carol@example.com
  cockroachdb.cloud.cockroach_role_grant_info:
    user: carol@example.com
  register: carol
"""

RETURN = r"""
grants:
  description: One entry per user that holds a role (or the one user asked for), as the API returns them.
  returned: always
  type: list
  elements: dict
  contains:
    user_id:
      description: Id of the person or service account.
      type: str
    roles:
      description: The user's grants, C({name, resource{type, id}}) each.
      type: list
      elements: dict
  sample:
    - user_id: 5f1e2d3c-4b5a-4968-8776-655443322110
      roles:
        - {name: CLUSTER_ADMIN, resource: {type: FOLDER, id: 9b0c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d}}
"""

from ansible_collections.cockroachdb.cloud.plugins.module_utils._module import ModuleTask
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.roles import role_grant_info

ARGUMENT_SPEC = dict(
    user=dict(type="str"),
    service_account=dict(type="str"),
)


TASK = ModuleTask(ARGUMENT_SPEC, role_grant_info, mutually_exclusive=[["user", "service_account"]])


def main():
    TASK.main()


if __name__ == "__main__":
    main()
