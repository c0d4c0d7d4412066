#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: cockroach_folder_info
short_description: Show CockroachDB Cloud folders, the folder tree and a folder's contents
version_added: 0.2.0
description:
  - Shows every folder of the organization with its path (the whole tree, sorted by path),
    or one folder by O(path) or O(id); with O(contents), what that folder holds (folders and
    clusters).
  - A folder that does not exist is not an error; the module returns empty lists.
author:
  - CockroachDB Cloud collection maintainers (@cockroachdb)
extends_documentation_fragment:
  - cockroachdb.cloud.cockroach
  - cockroachdb.cloud.cockroach.ACTIONGROUP
  - cockroachdb.cloud.cockroach.INFO
options:
  path:
    description:
      - Path of the folder to show (V(/team/prod)), found in one listing of the folders.
        V(/) is the top of the tree; every folder is shown, and O(contents) lists what sits at
        the top.
      - Mutually exclusive with O(id).
    type: str
  id:
    description:
      - Id of the folder to show (one read).
    type: str
  contents:
    description:
      - Whether to list what the folder holds, as RV(contents) (one more listing). Clusters
        that the API key cannot read are left out by the service.
      - Needs O(path) or O(id).
    type: bool
    default: false
seealso:
  - module: cockroachdb.cloud.cockroach_folder
"""

EXAMPLES = r"""
- name: The whole folder tree
  cockroachdb.cloud.cockroach_folder_info:
  register: tree

- name: Print the paths
  ansible.builtin.debug:
    msg: "{{ tree.folders | map(attribute='full_path') | list }}"

- name: What /team holds
  cockroachdb.cloud.cockroach_folder_info:
    path: /team
    contents: true
  register: team

- name: The clusters at the top of the tree
  cockroachdb.cloud.cockroach_folder_info:
    path: /
    contents: true
  register: top

- name: Print them
  ansible.builtin.debug:
    msg: "{{ top.contents | selectattr('type', 'equalto', 'CLUSTER') | map(attribute='name') | list }}"
"""

RETURN = r"""
folders:
  description:
    - The folders, as the API returns them, sorted by path, each with its C(full_path); only the one
      asked for with O(path) (but V(/)) or O(id), none when it does not exist.
  returned: always
  type: list
  elements: dict
  contains:
    resource_id:
      description: Id of the folder.
      type: str
    name:
      description: Name of the folder.
      type: str
    parent_id:
      description: Id of the folder above it, C(root) at the top of the tree.
      type: str
    path:
      description:
        - Path of the folder, C(/team/prod), from a server of the project's contract.
        - The live service answers the folders above it instead, from the top, C([{id, name}])
          (the folder itself is its C(name)); O(path) takes the C(/team/prod) form from both.
      type: raw
    full_path:
      description:
        - Path of the folder, C(/team/prod), from either wire format (added by the module, from the
          C(path) of the contract, or the live service's list of the folders above it with the
          folder's name).
      type: str
    resource_type:
      description: C(FOLDER) (the live service only).
      type: str
    labels:
      description: The folder's labels (the live service only).
      type: dict
  sample:
    - {resource_id: 1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d, name: team, parent_id: root, path: /team, full_path: /team}
    - {resource_id: 9b0c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d, name: prod, parent_id: 1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d,
       path: /team/prod, full_path: /team/prod}
contents:
  description:
    - What the folder holds, as the API returns it; folders get their C(path) where the API gives none.
    - The project's contract names the kind C(type) and the id C(id); the live service names them
      C(resource_type) and C(resource_id), and gives every member its C(path) (the folders above it,
      C([{id, name}])), C(parent_id) and C(labels).
  returned: when O(contents=true)
  type: list
  elements: dict
  contains:
    type:
      description: C(FOLDER) or C(CLUSTER) (C(resource_type) on the live service).
      type: str
    id:
      description: Id of the folder or cluster (C(resource_id) on the live service).
      type: str
    name:
      description: Its name.
      type: str
    path:
      description: The path of a folder (C(/team/prod)); on the live service the folders above the member.
      type: raw
  sample:
    - {type: FOLDER, id: 9b0c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d, name: prod, path: /team/prod}
    - {type: CLUSTER, id: 0b8d9c3a-8f2e-4d1b-a9e4-5c6f7a8b9c0d, name: web-app}
"""

from ansible_collections.cockroachdb.cloud.plugins.module_utils._module import ModuleTask
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.folders import folder_info

ARGUMENT_SPEC = dict(
    path=dict(type="str"),
    id=dict(type="str"),
    contents=dict(type="bool", default=False),
)


TASK = ModuleTask(ARGUMENT_SPEC, folder_info, mutually_exclusive=[["path", "id"]])


def main():
    TASK.main()


if __name__ == "__main__":
    main()
