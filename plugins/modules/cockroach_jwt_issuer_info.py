#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: cockroach_jwt_issuer_info
short_description: Show the JWT issuers of a CockroachDB Cloud organization
version_added: 0.2.0
description:
  - Shows every JWT issuer of the organization (one listing, pages of 500), the one with
    O(issuer_url), or the one with O(id) (one read).
  - An issuer that does not exist is not an error; the module returns an empty list.
author:
  - CockroachDB Cloud collection maintainers (@cockroachdb)
extends_documentation_fragment:
  - cockroachdb.cloud.cockroach
  - cockroachdb.cloud.cockroach.ACTIONGROUP
  - cockroachdb.cloud.cockroach.INFO
options:
  issuer_url:
    description:
      - Only show the issuer with this URL (compared exactly).
    type: str
  id:
    description:
      - Only show the issuer with this id.
    type: str
notes:
  - Reading JWT issuers needs C(ORG_ADMIN).
seealso:
  - module: cockroachdb.cloud.cockroach_jwt_issuer
"""

EXAMPLES = r"""
- name: Every JWT issuer
  cockroachdb.cloud.cockroach_jwt_issuer_info:
  register: issuers

- name: Print their URLs
  ansible.builtin.debug:
    msg: "{{ issuers.jwt_issuers | map(attribute='issuer_url') | list }}"
"""

RETURN = r"""
jwt_issuers:
  description: The issuers as the API returns them (see M(cockroachdb.cloud.cockroach_jwt_issuer)).
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: Id of the issuer.
      type: str
    issuer_url:
      description: URL of the issuer.
      type: str
    jwks_id:
      description: Identifier of its JSON Web Key Set (the project's contract).
      type: str
    jwks:
      description: Its JSON Web Key Set, as JSON text (the live service, when set).
      type: str
    audience:
      description: The audience the tokens must be for.
      type: str
  sample:
    - id: 7d6c5b4a-3928-4716-a5b4-c3d2e1f0a9b8
      issuer_url: https://accounts.example.com
      jwks_id: example-jwks
      audience: cockroach-clusters
      claim: email
      created_at: "2026-11-28T10:00:00.000000Z"
      updated_at: "2026-11-28T10:00:00.000000Z"
"""

from ansible_collections.cockroachdb.cloud.plugins.module_utils._module import ModuleTask
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.jwt_issuers import jwt_issuer_info

ARGUMENT_SPEC = dict(
    issuer_url=dict(type="str"),
    id=dict(type="str"),
)


TASK = ModuleTask(ARGUMENT_SPEC, jwt_issuer_info)


def main():
    TASK.main()


if __name__ == "__main__":
    main()
