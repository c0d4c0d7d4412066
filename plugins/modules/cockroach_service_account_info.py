#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: cockroach_service_account_info
short_description: Show CockroachDB Cloud service accounts
version_added: 0.2.0
description:
  - Shows every service account of the organization (one listing, pages of 500), the ones
    named O(name), or the one with O(id) (one read).
  - A service account that does not exist is not an error; the module returns an empty list.
author:
  - CockroachDB Cloud collection maintainers (@cockroachdb)
extends_documentation_fragment:
  - cockroachdb.cloud.cockroach
  - cockroachdb.cloud.cockroach.ACTIONGROUP
  - cockroachdb.cloud.cockroach.INFO
options:
  name:
    description:
      - Only show the accounts with this name (the service does not keep names unique, so
        there may be more than one).
    type: str
  id:
    description:
      - Only show the account with this id.
    type: str
seealso:
  - module: cockroachdb.cloud.cockroach_service_account
  - module: cockroachdb.cloud.cockroach_api_key_info
"""

EXAMPLES = r"""
- name: Every service account
  cockroachdb.cloud.cockroach_service_account_info:
  register: accounts

- name: The id of ci-deployer
  cockroachdb.cloud.cockroach_service_account_info:
    name: ci-deployer
  register: ci

- name: Print it
  ansible.builtin.debug:
    msg: "{{ ci.service_accounts | map(attribute='id') | list }}"
"""

RETURN = r"""
service_accounts:
  description: The service accounts as the API returns them.
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: Id of the service account (a user id, for role grants).
      type: str
    name:
      description: Name of the service account.
      type: str
    description:
      description: What the account is for.
      type: str
    creator_id:
      description: Id of the user that created it (the project's API contract).
      type: str
    creator_name:
      description: Name of the user that created it (the live service).
      type: str
    created_at:
      description: When it was created.
      type: str
    roles:
      description:
        - The account's role grants, when the service shows them.
        - The live service shows a grant on the organization without the organization's id.
      type: list
      elements: dict
    group_roles:
      description: The roles the account holds through groups (the live service).
      type: list
      elements: dict
  sample:
    - id: 5f1e2d3c-4b5a-4968-8776-655443322110
      name: ci-deployer
      description: Deploys the clusters of the platform team
      creator_id: 0a1b2c3d-4e5f-4061-8293-a4b5c6d7e8f9
      created_at: "2026-11-28T10:00:00.000000Z"
"""

from ansible_collections.cockroachdb.cloud.plugins.module_utils._module import ModuleTask
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.service_accounts import service_account_info

ARGUMENT_SPEC = dict(
    name=dict(type="str"),
    id=dict(type="str"),
)


TASK = ModuleTask(ARGUMENT_SPEC, service_account_info)


def main():
    TASK.main()


if __name__ == "__main__":
    main()
