#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: cockroach_api_key_info
short_description: Show the API keys of CockroachDB Cloud service accounts, never their secrets
version_added: 0.2.0
description:
  - Shows the API keys of the organization, of one service account (O(service_account)),
    with a name (O(name)), or the one with O(id).
  - Never shows a secret. The service shows a key's secret only when it creates the key (see
    M(cockroachdb.cloud.cockroach_api_key)).
  - A key or service account that does not exist is not an error; the module returns an empty
    list.
author:
  - CockroachDB Cloud collection maintainers (@cockroachdb)
extends_documentation_fragment:
  - cockroachdb.cloud.cockroach
  - cockroachdb.cloud.cockroach.ACTIONGROUP
  - cockroachdb.cloud.cockroach.INFO
options:
  service_account:
    description:
      - Only show the keys of this service account, by name (one more listing, of the service
        accounts) or by id.
    type: str
  name:
    description:
      - Only show the keys with this name.
    type: str
  id:
    description:
      - Only show the key with this id (C(CCDB1_...)), read with one request.
      - The other options filter it too (an empty list when it has another name or belongs to
        another service account).
    type: str
seealso:
  - module: cockroachdb.cloud.cockroach_api_key
  - module: cockroachdb.cloud.cockroach_service_account_info
"""

EXAMPLES = r"""
- name: The keys of ci-deployer
  cockroachdb.cloud.cockroach_api_key_info:
    service_account: ci-deployer
  register: keys

- name: Print their names and ages
  ansible.builtin.debug:
    msg: "{{ keys.api_keys | map(attribute='name') | zip(keys.api_keys | map(attribute='created_at')) | list }}"
"""

RETURN = r"""
api_keys:
  description: The keys as the API returns them (without secrets).
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: Id of the key, the public C(CCDB1_...) part of its secret.
      type: str
    name:
      description: Name of the key.
      type: str
    service_account_id:
      description: Id of the service account the key belongs to.
      type: str
    created_at:
      description: When the key was created.
      type: str
  sample:
    - id: CCDB1_Gl0mn52kjrY9Bs8AUAVSpo
      name: ci-deployer-2026
      service_account_id: 5f1e2d3c-4b5a-4968-8776-655443322110
      created_at: "2026-11-28T10:00:00.000000Z"
"""

from ansible_collections.cockroachdb.cloud.plugins.module_utils._module import ModuleTask
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.api_keys import api_key_info

ARGUMENT_SPEC = dict(
    service_account=dict(type="str"),
    name=dict(type="str"),
    id=dict(type="str"),
)


TASK = ModuleTask(ARGUMENT_SPEC, api_key_info)


def main():
    TASK.main()


if __name__ == "__main__":
    main()
