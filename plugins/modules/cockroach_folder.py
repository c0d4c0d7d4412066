#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: cockroach_folder
short_description: Create, rename, move and delete CockroachDB Cloud folders by path
version_added: 0.2.0
description:
  - Creates a folder at a path such as V(/team/prod), optionally with the missing folders
    above it (O(parents)); renames or moves it (O(new_path), or O(name) and O(parent)); or
    deletes it when it is empty.
  - Finds the folder by O(path) in one listing of the organization's folders (pages of 500),
    the same path resolution as the O(cockroachdb.cloud.cockroach_cluster#module:folder) option
    of M(cockroachdb.cloud.cockroach_cluster) and the inventory plugin; or by O(id) with one
    read.
  - A move is idempotent. When O(path) no longer exists but the destination does, the folder
    was moved already and nothing is done. When both exist, the module fails before any
    change; when neither does, it fails too (it does not create the destination, so that a
    typo in O(path) cannot go unnoticed).
  - A folder is deleted only when it is empty. The module reads its contents first, and a
    folder that holds folders or clusters fails before any change, with a message that names
    them (also in check mode).
author:
  - CockroachDB Cloud collection maintainers (@cockroachdb)
extends_documentation_fragment:
  - cockroachdb.cloud.cockroach
  - cockroachdb.cloud.cockroach.ACTIONGROUP
  - cockroachdb.cloud.cockroach.CHECK_MODE_DIFF
options:
  path:
    description:
      - Path of the folder, its names from the top separated by V(/), such as V(/team/prod).
        A missing leading V(/) and repeated or trailing V(/) are forgiven (V(team//prod/) is
        V(/team/prod)). The root (V(/)) is not a folder and cannot be managed.
      - Each name is 1 to 32 letters, digits, V(-), V(_) or inner spaces, checked before any
        request (the rule the service enforces; names are unique among the folders of one
        parent).
      - With O(new_path), O(name) or O(parent), where the folder is now.
      - Exactly one of O(path) and O(id) is required.
    type: str
  id:
    description:
      - Id of the folder, instead of O(path). An id only names an existing folder; it never
        creates one.
    type: str
  new_path:
    description:
      - Move and rename the folder to this path (same rules as O(path)), in one request. The
        folder above it must exist, or O(parents=true) creates it.
      - A folder cannot move inside itself.
      - Mutually exclusive with O(name) and O(parent).
      - Only with O(state=present), as O(name), O(parent) and O(parents); with
        O(state=absent) they fail before any request.
    type: str
  name:
    description:
      - Rename the folder to this name (same rules as a name of O(path)); with O(parent), it
        moves too.
      - Only with O(state=present).
    type: str
  parent:
    description:
      - Move the folder into this folder, given by path (V(/) for the top of the tree) or by
        id; with O(name), it is renamed too.
      - Only with O(state=present).
    type: str
  parents:
    description:
      - Whether to create the folders above O(path) (or above O(new_path)) that do not exist,
        one request each from the top, as C(mkdir -p) does. Without it, a missing parent
        fails before any change.
      - RV(created_parents) lists the folders it created.
      - Only with O(state=present).
    type: bool
    default: false
  state:
    description:
      - V(present) creates (or moves) the folder, V(absent) deletes it.
      - V(absent) on a folder that does not exist does nothing.
    type: str
    choices: [present, absent]
    default: present
notes:
  - A re-run that changes nothing costs one listing of the folders (O(path)), or one read
    (O(id)). A delete adds one read of the folder's contents.
  - To move a folder, the API key needs C(FOLDER_ADMIN) or C(FOLDER_MOVER) on the folder and
    on its destination; to create or delete one, C(FOLDER_ADMIN).
seealso:
  - module: cockroachdb.cloud.cockroach_folder_info
  - module: cockroachdb.cloud.cockroach_cluster
  - name: Organize clusters in folders
    description: The service's guide to folders.
    link: https://www.cockroachlabs.com/docs/cockroachcloud/folders
"""

EXAMPLES = r"""
- name: Create /team/prod and the folders above it that do not exist
  cockroachdb.cloud.cockroach_folder:
    path: /team/prod
    parents: true
  register: prod

- name: Show what was created
  ansible.builtin.debug:
    msg: "folder {{ prod.folder.path }} ({{ prod.folder.resource_id }}), parents created: {{ prod.created_parents }}"

- name: Rename it (nothing to do once it is renamed)
  cockroachdb.cloud.cockroach_folder:
    path: /team/prod
    name: production

- name: Move it to the top of the tree
  cockroachdb.cloud.cockroach_folder:
    path: /team/production
    parent: /

- name: Move and rename in one request, creating the new parent
  cockroachdb.cloud.cockroach_folder:
    path: /production
    new_path: /platform/prod
    parents: true

- name: Delete the folders (each must be empty)
  cockroachdb.cloud.cockroach_folder:
    path: "{{ item }}"
    state: absent
  loop: [/platform/prod, /platform, /team]
"""

RETURN = r"""
folder:
  description:
    - The folder as the API returns it, after the change. In check mode, the predicted folder
      (without C(resource_id) when it is new).
    - Empty when O(state=absent).
  returned: always
  type: dict
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
          (the folder itself is its C(name)); O(path), O(new_path) and the diff use the
          C(/team/prod) form with both.
      type: raw
  sample:
    resource_id: 9b0c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d
    name: prod
    parent_id: 1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d
    path: /team/prod
created_parents:
  description: Paths of the folders above the folder that O(parents=true) created (or would create, in check mode), from the top.
  returned: always
  type: list
  elements: str
  sample: [/team]
"""

from ansible_collections.cockroachdb.cloud.plugins.module_utils._module import ModuleTask
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.folders import Folder

ARGUMENT_SPEC = dict(
    path=dict(type="str"),
    id=dict(type="str"),
    new_path=dict(type="str"),
    name=dict(type="str"),
    parent=dict(type="str"),
    parents=dict(type="bool", default=False),
    state=dict(type="str", default="present", choices=["present", "absent"]),
)


TASK = ModuleTask(ARGUMENT_SPEC, Folder.task, required_one_of=[["path", "id"]],
                  mutually_exclusive=[["path", "id"], ["new_path", "name"], ["new_path", "parent"]])


def main():
    TASK.main()


if __name__ == "__main__":
    main()
