#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: cockroach_user_roles
short_description: Manage the set of CockroachDB Cloud roles of a person or a service account
version_added: 0.2.0
description:
  - Manages several role grants of one person (O(user), by email or id) or service account
    (O(service_account), by name or id) in one task. With O(purge=true), the listed grants
    become the user's whole set of roles.
  - Reads the user's roles once and sends every change in one request that sets the whole
    set (so the user never holds a half-changed set). A re-run that changes nothing sends
    nothing.
  - C(ORG_MEMBER), the membership of the organization, is kept by O(purge) unless the task
    lists it with O(state=absent).
  - The live service shows and takes a grant on the organization without the organization's
    id (see O(api_format)); the module compares it as the organization's, and the results
    (RV(roles), RV(added), RV(removed), the diff) are the same in both formats.
author:
  - CockroachDB Cloud collection maintainers (@cockroachdb)
extends_documentation_fragment:
  - cockroachdb.cloud.cockroach
  - cockroachdb.cloud.cockroach.GRANTEE
  - cockroachdb.cloud.cockroach.ACTIONGROUP
  - cockroachdb.cloud.cockroach.CHECK_MODE_DIFF
options:
  roles:
    description:
      - The grants. Each one is checked before any request (a role on a resource type that
        does not take it, a grant listed twice).
      - With O(state=present) the listed grants are added; with O(state=absent) they are
        removed.
      - An empty list with O(purge=true) removes every role but C(ORG_MEMBER).
    type: list
    elements: dict
    required: true
    suboptions:
      role:
        description:
          - The role. C(ORG_ADMIN), C(ORG_MEMBER) and C(BILLING_COORDINATOR) are granted on
            the organization only; C(FOLDER_ADMIN) and C(FOLDER_MOVER) on the organization or
            a folder; the C(CLUSTER_) roles on the organization, a folder or a cluster.
        type: str
        required: true
        choices: [ORG_ADMIN, ORG_MEMBER, BILLING_COORDINATOR, FOLDER_ADMIN, FOLDER_MOVER, CLUSTER_ADMIN,
                  CLUSTER_OPERATOR_WRITER, CLUSTER_DEVELOPER]
      resource:
        description:
          - Where the role applies. V(organization) (the default), a folder path (starting
            with V(/)) or a cluster name. With O(roles[].resource_type), an id is accepted too.
          - All the folder paths of the task cost one listing of the folders, all the cluster
            names one listing of the clusters, the organization one read of it unless the user
            already holds a role on it (against the live service, which shows a grant on the
            organization without its id, one read of it when the user holds a role on it, or
            the task names it).
          - In check mode, a folder or cluster that does not exist yet is predicted with a
            warning; a real run fails on it.
        type: str
        default: organization
      resource_type:
        description:
          - The kind of O(roles[].resource); by default it follows from it (V(organization), a
            path, else a cluster). Set it to give a folder or cluster by id.
        type: str
        choices: [ORGANIZATION, FOLDER, CLUSTER]
  purge:
    description:
      - With O(state=present), whether to remove the user's grants that O(roles) does not list
        (but C(ORG_MEMBER)).
    type: bool
    default: false
  state:
    description:
      - V(present) adds the listed grants, V(absent) removes them.
      - V(absent) for a service account that does not exist does nothing.
    type: str
    choices: [present, absent]
    default: present
notes:
  - A re-run that changes nothing costs one read of the user's roles, plus the reads that name
    the user and the resources (see O(user), O(service_account) and O(roles[].resource)).
  - The service refuses a change that would leave the organization without an C(ORG_ADMIN);
    the whole change is then refused, nothing is changed.
  - Managing roles needs C(ORG_ADMIN).
seealso:
  - module: cockroachdb.cloud.cockroach_role_grant
  - module: cockroachdb.cloud.cockroach_role_grant_info
  - module: cockroachdb.cloud.cockroach_user_info
"""

EXAMPLES = r"""
- name: Carol administers the clusters of /team/prod and develops on the whole organization
  cockroachdb.cloud.cockroach_user_roles:
    user: carol@example.com
    roles:
      - role: CLUSTER_ADMIN
        resource: /team/prod
      - role: CLUSTER_DEVELOPER

- name: The pipeline's service account holds exactly these roles (its ORG_MEMBER stays)
  cockroachdb.cloud.cockroach_user_roles:
    service_account: ci-deployer
    roles:
      - role: CLUSTER_ADMIN
        resource: /team/prod
      - role: FOLDER_MOVER
        resource: /team
    purge: true
  register: ci_roles

- name: Show what changed
  ansible.builtin.debug:
    msg: "added {{ ci_roles.added }}, removed {{ ci_roles.removed }}"

- name: Take carol's developer role away
  cockroachdb.cloud.cockroach_user_roles:
    user: carol@example.com
    roles:
      - role: CLUSTER_DEVELOPER
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
    - grant: CLUSTER_DEVELOPER on ORGANIZATION 0b8d9c3a-8f2e-4d1b-a9e4-5c6f7a8b9c0d
      role: CLUSTER_DEVELOPER
      resource_type: ORGANIZATION
      resource_id: 0b8d9c3a-8f2e-4d1b-a9e4-5c6f7a8b9c0d
      resource: organization
user_id:
  description: Id of the user (null in check mode for a service account not created yet).
  returned: always
  type: str
  sample: 5f1e2d3c-4b5a-4968-8776-655443322110
added:
  description: The grants the task added (C(grant) of RV(roles)).
  returned: always
  type: list
  elements: str
  sample: ["CLUSTER_DEVELOPER on ORGANIZATION 0b8d9c3a-8f2e-4d1b-a9e4-5c6f7a8b9c0d"]
updated:
  description: Always empty (a grant has nothing to update).
  returned: always
  type: list
  elements: str
  sample: []
removed:
  description: The grants the task removed.
  returned: always
  type: list
  elements: str
  sample: []
"""

from ansible_collections.cockroachdb.cloud.plugins.module_utils._module import ModuleTask
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.roles import (
    RESOURCE_TYPES,
    ROLE_NAMES,
    UserRoles,
)

ARGUMENT_SPEC = dict(
    user=dict(type="str"),
    service_account=dict(type="str"),
    roles=dict(type="list", elements="dict", required=True, options=dict(
        role=dict(type="str", required=True, choices=list(ROLE_NAMES)),
        resource=dict(type="str", default="organization"),
        resource_type=dict(type="str", choices=list(RESOURCE_TYPES)),
    )),
    purge=dict(type="bool", default=False),
    state=dict(type="str", default="present", choices=["present", "absent"]),
)


TASK = ModuleTask(ARGUMENT_SPEC, UserRoles.task, required_one_of=[["user", "service_account"]],
                  mutually_exclusive=[["user", "service_account"]])


def main():
    TASK.main()


if __name__ == "__main__":
    main()
