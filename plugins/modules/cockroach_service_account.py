#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: cockroach_service_account
short_description: Create, rename and delete CockroachDB Cloud service accounts
version_added: 0.2.0
description:
  - Creates a service account (a machine user that owns API keys and holds roles), changes
    its description, renames it or deletes it.
  - Finds the account by O(name) in one listing of the organization's service accounts
    (pages of 500), or by O(id) with one read.
  - The service does not keep names unique. When two accounts have the name O(name), the
    module fails before any change and lists their ids; give O(id) then.
  - Deleting an account revokes its API keys at once and drops its role grants.
  - A new account holds no role; grant roles with M(cockroachdb.cloud.cockroach_user_roles) or
    M(cockroachdb.cloud.cockroach_role_grant). The live service requires a description and a
    list of roles in the create request; the module sends O(description) (empty when not
    set) and an empty list of roles, as against the project's API contract (see
    O(api_format)).
author:
  - CockroachDB Cloud collection maintainers (@cockroachdb)
extends_documentation_fragment:
  - cockroachdb.cloud.cockroach
  - cockroachdb.cloud.cockroach.ACTIONGROUP
  - cockroachdb.cloud.cockroach.CHECK_MODE_DIFF
options:
  name:
    description:
      - Name of the service account, 1 to 255 characters (checked before any request).
      - With O(id), the name the account should have (a rename).
      - At least one of O(name) and O(id) is required.
    type: str
  id:
    description:
      - Id of the service account. An id only names an existing account; it never creates
        one.
    type: str
  new_name:
    description:
      - Rename the account O(name) to this name. When O(name) no longer exists but O(new_name)
        does, it was renamed already and nothing is done; when both exist, or neither, the
        module fails before any change.
      - Only with O(state=present). Mutually exclusive with O(id) (with O(id), O(name) renames).
    type: str
  description:
    description:
      - What the account is for, at most 1024 characters. Not managed when not set.
    type: str
  state:
    description:
      - V(present) creates or changes the account, V(absent) deletes it.
      - With V(absent), O(description) is not used, and a warning says so; O(new_name) fails
        before any request.
    type: str
    choices: [present, absent]
    default: present
notes:
  - A re-run that changes nothing costs one listing of the service accounts (O(name)), or one
    read (O(id)).
  - The module refuses to delete the account that owns the API key the task authenticates
    with (that would revoke it); a delete reads that key first.
  - Creating, changing and deleting service accounts needs C(ORG_ADMIN).
seealso:
  - module: cockroachdb.cloud.cockroach_service_account_info
  - module: cockroachdb.cloud.cockroach_api_key
  - module: cockroachdb.cloud.cockroach_user_roles
"""

EXAMPLES = r"""
- name: A service account for the deployment pipeline
  cockroachdb.cloud.cockroach_service_account:
    name: ci-deployer
    description: Deploys the clusters of the platform team
  register: account

- name: Rename it (nothing to do once it is renamed)
  cockroachdb.cloud.cockroach_service_account:
    name: ci-deployer
    new_name: platform-deployer

- name: Rename it by id
  cockroachdb.cloud.cockroach_service_account:
    id: "{{ account.service_account.id }}"
    name: ci-deployer

- name: Delete it (and revoke its API keys)
  cockroachdb.cloud.cockroach_service_account:
    name: ci-deployer
    state: absent
"""

RETURN = r"""
service_account:
  description:
    - The service account as the API returns it, after the change. In check mode, the
      predicted account (without C(id) when it is new).
    - Empty when O(state=absent).
  returned: always
  type: dict
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
    id: 5f1e2d3c-4b5a-4968-8776-655443322110
    name: ci-deployer
    description: Deploys the clusters of the platform team
    creator_id: 0a1b2c3d-4e5f-4061-8293-a4b5c6d7e8f9
    created_at: "2026-11-28T10:00:00.000000Z"
    roles: []
"""

from ansible_collections.cockroachdb.cloud.plugins.module_utils._module import ModuleTask
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.service_accounts import ServiceAccount

ARGUMENT_SPEC = dict(
    name=dict(type="str"),
    id=dict(type="str"),
    new_name=dict(type="str"),
    description=dict(type="str"),
    state=dict(type="str", default="present", choices=["present", "absent"]),
)


TASK = ModuleTask(ARGUMENT_SPEC, ServiceAccount.task, required_one_of=[["name", "id"]],
                  mutually_exclusive=[["new_name", "id"]])


def main():
    TASK.main()


if __name__ == "__main__":
    main()
