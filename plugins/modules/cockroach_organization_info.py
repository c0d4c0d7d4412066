#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: cockroach_organization_info
short_description: Show the CockroachDB Cloud organization of the API key
version_added: 0.2.0
description:
  - Shows the organization that the API key belongs to (its id, name and label), with one
    request. Useful to check a key, or to find the organization's id.
author:
  - CockroachDB Cloud collection maintainers (@cockroachdb)
extends_documentation_fragment:
  - cockroachdb.cloud.cockroach
  - cockroachdb.cloud.cockroach.ACTIONGROUP
  - cockroachdb.cloud.cockroach.INFO
options: {}
seealso:
  - module: cockroachdb.cloud.cockroach_invoice_info
"""

EXAMPLES = r"""
- name: Which organization does the key belong to
  cockroachdb.cloud.cockroach_organization_info:
  register: org

- name: Print it
  ansible.builtin.debug:
    msg: "{{ org.organization.name }} ({{ org.organization.id }})"
"""

RETURN = r"""
organization:
  description: The organization as the API returns it.
  returned: always
  type: dict
  contains:
    id:
      description: Id of the organization.
      type: str
    name:
      description: Name of the organization.
      type: str
    label:
      description: Short label of the organization.
      type: str
    created_at:
      description: When it was created.
      type: str
  sample:
    id: c7e65baa-1f2e-4d3c-8b4a-59687a6b5c4d
    name: Example Inc.
    label: example-inc
    created_at: "2024-01-10T09:00:00.000000Z"
"""

from ansible_collections.cockroachdb.cloud.plugins.module_utils._module import ModuleTask
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.organization import organization_info

ARGUMENT_SPEC = dict()


TASK = ModuleTask(ARGUMENT_SPEC, organization_info)


def main():
    TASK.main()


if __name__ == "__main__":
    main()
