#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: cockroach_user_info
short_description: Look up the people of a CockroachDB Cloud organization by email
version_added: 0.2.0
description:
  - Finds the people (person users) of the organization with an email address, compared
    without regard to case, with one request; optionally with each one's roles.
  - Nobody with that email is not an error; the module returns an empty list.
  - The project's API contract answers a list of people (C(users)), the live service one
    person (C(user)); the module returns a list in both (see O(api_format)).
author:
  - CockroachDB Cloud collection maintainers (@cockroachdb)
extends_documentation_fragment:
  - cockroachdb.cloud.cockroach
  - cockroachdb.cloud.cockroach.ACTIONGROUP
  - cockroachdb.cloud.cockroach.INFO
options:
  email:
    description:
      - The email address (name@example.com), checked before any request.
    type: str
    required: true
  include_roles:
    description:
      - Whether to add each person's role grants as RV(users[].roles) (one more request per
        person).
    type: bool
    default: false
notes:
  - Looking people up needs C(ORG_ADMIN).
seealso:
  - module: cockroachdb.cloud.cockroach_role_grant
  - module: cockroachdb.cloud.cockroach_role_grant_info
"""

EXAMPLES = r"""
- name: Find Carol and her roles
  cockroachdb.cloud.cockroach_user_info:
    email: carol@example.com
    include_roles: true
  register: carol

- name: Print her id
  ansible.builtin.debug:
    msg: "{{ carol.users | map(attribute='id') | list }}"
"""

RETURN = r"""
users:
  description: The people with that email, as the API returns them.
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: User id of the person.
      type: str
    email:
      description: The person's email address.
      type: str
    name:
      description: The person's name (the project's API contract; the live service shows none).
      type: str
    roles:
      description:
        - The person's grants, C({name, resource{type, id}}) each.
        - The live service shows a grant on the organization without the organization's id.
      type: list
      elements: dict
      returned: when O(include_roles=true)
  sample:
    - id: 2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f
      email: carol@example.com
      name: Carol Operator
"""

from ansible_collections.cockroachdb.cloud.plugins.module_utils._module import ModuleTask
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.roles import user_info

ARGUMENT_SPEC = dict(
    email=dict(type="str", required=True),
    include_roles=dict(type="bool", default=False),
)


TASK = ModuleTask(ARGUMENT_SPEC, user_info)


def main():
    TASK.main()


if __name__ == "__main__":
    main()
