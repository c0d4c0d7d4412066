#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: cockroach_role_grant
short_description: Grant or revoke one CockroachDB Cloud role of a person or a service account
version_added: 0.2.0
description:
  - Grants one role (O(role)) on one resource (O(resource), the organization, a folder or a
    cluster) to a person (O(user), by email or id) or a service account
    (O(service_account), by name or id), or revokes it. The user's other roles are left alone;
    to manage the whole set of a user's roles, use M(cockroachdb.cloud.cockroach_user_roles).
  - Reads the user's roles once; a grant that is there already (or a revoked one that is not)
    sends nothing.
author:
  - CockroachDB Cloud collection maintainers (@cockroachdb)
extends_documentation_fragment:
  - cockroachdb.cloud.cockroach
  - cockroachdb.cloud.cockroach.GRANTEE
  - cockroachdb.cloud.cockroach.ACTIONGROUP
  - cockroachdb.cloud.cockroach.CHECK_MODE_DIFF
options:
  role:
    description:
      - The role. C(ORG_ADMIN), C(ORG_MEMBER) and C(BILLING_COORDINATOR) are granted on the
        organization only; C(FOLDER_ADMIN) and C(FOLDER_MOVER) on the organization or a folder;
        the C(CLUSTER_) roles on the organization, a folder or a cluster. Another combination
        fails before any request.
    type: str
    required: true
    choices: [ORG_ADMIN, ORG_MEMBER, BILLING_COORDINATOR, FOLDER_ADMIN, FOLDER_MOVER, CLUSTER_ADMIN,
              CLUSTER_OPERATOR_WRITER, CLUSTER_DEVELOPER]
  resource:
    description:
      - Where the role applies. V(organization) (the default), a folder path (starting with
        V(/), such as V(/team/prod)) or a cluster name. With O(resource_type), an id is
        accepted too.
      - A folder path costs one listing of the folders, a cluster name one listing of the
        clusters, the organization one read of it unless the user already holds a role on it
        (against the live service, which shows a grant on the organization without its id,
        one read of it when the user holds a role on it, or the task names it).
      - In check mode, a folder or cluster that does not exist yet (an earlier task would
        create it) is predicted with a warning; a real run fails on it.
    type: str
    default: organization
  resource_type:
    description:
      - The kind of O(resource). By default it follows from O(resource) (V(organization), a
        path, else a cluster). Set it to give a folder or cluster by id.
    type: str
    choices: [ORGANIZATION, FOLDER, CLUSTER]
  state:
    description:
      - V(present) grants the role, V(absent) revokes it.
      - V(absent) for a service account, folder or cluster that does not exist does nothing.
    type: str
    choices: [present, absent]
    default: present
notes:
  - A re-run that changes nothing costs one read of the user's roles, plus the reads that name
    the user and the resource (see O(user), O(service_account) and O(resource)).
  - The service refuses a change that would leave the organization without an C(ORG_ADMIN).
  - Managing roles needs C(ORG_ADMIN).
seealso:
  - module: cockroachdb.cloud.cockroach_user_roles
  - module: cockroachdb.cloud.cockroach_role_grant_info
  - module: cockroachdb.cloud.cockroach_user_info
"""

EXAMPLES = r"""
- name: Make bob@example.com an organization admin
  cockroachdb.cloud.cockroach_role_grant:
    user: bob@example.com
    role: ORG_ADMIN

- name: Let the pipeline's service account manage the clusters of /team/prod
  cockroachdb.cloud.cockroach_role_grant:
    service_account: ci-deployer
    role: CLUSTER_ADMIN
    resource: /team/prod

- name: Let carol read one cluster, given by id
  cockroachdb.cloud.cockroach_role_grant:
    user: carol@example.com
    role: CLUSTER_DEVELOPER
    resource_type: CLUSTER
    resource: 3b1f0a7e-6a89-4c1e-9f61-2f4a8f3c0d2a

- name: Revoke bob's admin role
  cockroachdb.cloud.cockroach_role_grant:
    user: bob@example.com
    role: ORG_ADMIN
    state: absent
"""

RETURN = r"""
roles:
  description:
    - Every role grant of the user after the change (in check mode, as predicted), sorted.
  returned: always
  type: list
  elements: dict
  contains:
    grant:
      description: The grant in words, C(<role> on <resource type> <resource id>).
      type: str
    role:
      description: The role.
      type: str
    resource_type:
      description: C(ORGANIZATION), C(FOLDER) or C(CLUSTER).
      type: str
    resource_id:
      description: Id of the organization, folder or cluster (null in check mode for one not created yet).
      type: str
    resource:
      description: The resource as the task named it (V(organization), a path, a cluster name), else its id.
      type: str
  sample:
    - grant: CLUSTER_ADMIN on FOLDER 9b0c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d
      role: CLUSTER_ADMIN
      resource_type: FOLDER
      resource_id: 9b0c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d
      resource: /team/prod
user_id:
  description: Id of the user (null in check mode for a service account not created yet).
  returned: always
  type: str
  sample: 5f1e2d3c-4b5a-4968-8776-655443322110
added:
  description: The grant, when the task added it (C(grant) of RV(roles)).
  returned: always
  type: list
  elements: str
  sample: ["CLUSTER_ADMIN on FOLDER 9b0c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d"]
updated:
  description: Always empty (a grant has nothing to update).
  returned: always
  type: list
  elements: str
  sample: []
removed:
  description: The grant, when the task revoked it.
  returned: always
  type: list
  elements: str
  sample: []
"""

from ansible_collections.cockroachdb.cloud.plugins.module_utils._module import ModuleTask
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.roles import (
    RESOURCE_TYPES,
    ROLE_NAMES,
    RoleGrant,
)

ARGUMENT_SPEC = dict(
    user=dict(type="str"),
    service_account=dict(type="str"),
    role=dict(type="str", required=True, choices=list(ROLE_NAMES)),
    resource=dict(type="str", default="organization"),
    resource_type=dict(type="str", choices=list(RESOURCE_TYPES)),
    state=dict(type="str", default="present", choices=["present", "absent"]),
)


TASK = ModuleTask(ARGUMENT_SPEC, RoleGrant.task, required_one_of=[["user", "service_account"]],
                  mutually_exclusive=[["user", "service_account"]])


def main():
    TASK.main()


if __name__ == "__main__":
    main()
