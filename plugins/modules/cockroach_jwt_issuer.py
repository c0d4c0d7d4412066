#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: cockroach_jwt_issuer
short_description: Manage the JWT issuers whose tokens CockroachDB Cloud clusters accept
version_added: 0.2.0
description:
  - Registers an identity provider (a JWT issuer) with the organization, changes it or
    removes it.
  - Finds the issuer by O(issuer_url) (unique in the organization) in one listing of the
    issuers (pages of 500), or by O(id) with one read. A change sends only what changes.
  - The live service and the project's API contract name the issuer's keys differently
    (see O(api_format)). The live service takes the key set itself (O(jwks), optional) and
    needs O(audience) to create an issuer; the contract names the key set by its id
    (O(jwks_id), needed to create one) and has no O(jwks). An option the server's format has
    no field for fails after the one read, before any change, and the message names the
    option to use instead. O(issuer_url), O(audience), O(claim) and O(identity_map) mean the
    same in both.
author:
  - CockroachDB Cloud collection maintainers (@cockroachdb)
extends_documentation_fragment:
  - cockroachdb.cloud.cockroach
  - cockroachdb.cloud.cockroach.ACTIONGROUP
  - cockroachdb.cloud.cockroach.CHECK_MODE_DIFF
options:
  issuer_url:
    description:
      - URL of the issuer, as the C(iss) claim of its tokens says it (compared exactly, a
        trailing V(/) counts). An https URL with a host, checked before any request.
      - With O(id), the URL the issuer should have.
      - At least one of O(issuer_url) and O(id) is required.
    type: str
  id:
    description:
      - Id of the issuer. An id only names an existing issuer; it never creates one.
    type: str
  jwks_id:
    description:
      - Identifier of the issuer's JSON Web Key Set, in the project's API contract. Required
        to create an issuer there (checked after the one read, before any change); not
        managed when not set.
      - The live service names no key set by id; against it this option fails before any
        change. Give O(jwks) there, or leave both out.
    type: str
  jwks:
    description:
      - The issuer's JSON Web Key Set itself (the public keys that verify its tokens), a
        mapping with a list of C(keys) or its JSON text (checked before any request). The
        live service takes it as JSON text; it is compared as JSON, so the order of keys
        and spacing do not count. Not managed when not set.
      - Only with the live service (the live service's C(jwks)); the project's contract names
        the key set by O(jwks_id) instead, and against it this option fails before any
        change.
    type: raw
  audience:
    description:
      - The audience (C(aud)) the tokens must be for. Not managed when not set.
      - The live service needs it to create an issuer (checked after the one read, before
        any change).
      - Not in the API's contract; the service takes it as the official Terraform provider
        sends it.
    type: str
  claim:
    description:
      - The token claim that names the user (such as V(email) or V(sub)). Not managed when not
        set.
      - Not in the API's contract; the service takes it as the official Terraform provider
        sends it.
    type: str
  identity_map:
    description:
      - How token identities map to SQL users, the whole list, in order. Not managed when not
        set. An entry listed twice fails before any request.
      - Not in the API's contract; the service takes it as the official Terraform provider
        sends it.
    type: list
    elements: dict
    suboptions:
      token_identity:
        description: The identity in the token (a value of O(claim), or a regular expression such as V(/^(.*)@example.com$/)).
        type: str
        required: true
      cc_identity:
        description: The SQL user it maps to (V(\\1) for the first group of the expression).
        type: str
        required: true
  state:
    description:
      - V(present) registers or changes the issuer, V(absent) removes it.
      - With V(absent), O(jwks_id), O(jwks), O(audience), O(claim) and O(identity_map) are
        not used, and a warning says so.
    type: str
    choices: [present, absent]
    default: present
notes:
  - A re-run that changes nothing costs one listing of the issuers (O(issuer_url)), or one
    read (O(id)).
  - Managing JWT issuers needs C(ORG_ADMIN).
seealso:
  - module: cockroachdb.cloud.cockroach_jwt_issuer_info
  - name: Cluster SSO with JWT
    description: The service's guide to JWT authentication to clusters.
    link: https://www.cockroachlabs.com/docs/cockroachcloud/cloud-sso-sql
"""

EXAMPLES = r"""
- name: Accept the tokens of the company's identity provider (the project's API contract)
  cockroachdb.cloud.cockroach_jwt_issuer:
    issuer_url: https://accounts.example.com
    jwks_id: example-jwks
    audience: cockroach-clusters
    claim: email
    identity_map:
      - token_identity: "/^(.*)@example.com$/"
        cc_identity: "\\1"
  register: issuer

- name: The same against the live service, with its key set (or without it)
  cockroachdb.cloud.cockroach_jwt_issuer:
    issuer_url: https://accounts.example.com
    audience: cockroach-clusters
    jwks:
      keys:
        - kty: RSA
          alg: RS256
          use: sig
          kid: 9341dedeee2d1869b657fa930300082fe26b3d92
          e: AQAB
          n: tid8bJCI5FxtvMiVHq8pRZBGIPaG9mEa1akpIC9munzxA3mWoc
    claim: email

- name: Change its audience, by id
  cockroachdb.cloud.cockroach_jwt_issuer:
    id: "{{ issuer.jwt_issuer.id }}"
    audience: sql-clusters

- name: Remove it
  cockroachdb.cloud.cockroach_jwt_issuer:
    issuer_url: https://accounts.example.com
    state: absent
"""

RETURN = r"""
jwt_issuer:
  description:
    - The issuer as the API returns it, after the change. In check mode, the predicted issuer
      (without C(id) when it is new).
    - Empty when O(state=absent).
  returned: always
  type: dict
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
      description: The audience, when set.
      type: str
    claim:
      description: The claim that names the user, when set.
      type: str
    identity_map:
      description: The identity mapping, when set.
      type: list
      elements: dict
    created_at:
      description: When it was registered.
      type: str
    updated_at:
      description: When it last changed.
      type: str
  sample:
    id: 7d6c5b4a-3928-4716-a5b4-c3d2e1f0a9b8
    issuer_url: https://accounts.example.com
    jwks_id: example-jwks
    audience: cockroach-clusters
    claim: email
    identity_map:
      - token_identity: "/^(.*)@example.com$/"
        cc_identity: "\\1"
    created_at: "2026-11-28T10:00:00.000000Z"
    updated_at: "2026-11-28T10:00:00.000000Z"
"""

from ansible_collections.cockroachdb.cloud.plugins.module_utils._module import ModuleTask
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.jwt_issuers import JwtIssuer

ARGUMENT_SPEC = dict(
    issuer_url=dict(type="str"),
    id=dict(type="str"),
    jwks_id=dict(type="str"),
    jwks=dict(type="raw"),
    audience=dict(type="str"),
    claim=dict(type="str"),
    identity_map=dict(type="list", elements="dict", options=dict(
        token_identity=dict(type="str", required=True, no_log=False),
        cc_identity=dict(type="str", required=True),
    )),
    state=dict(type="str", default="present", choices=["present", "absent"]),
)


TASK = ModuleTask(ARGUMENT_SPEC, JwtIssuer.task, required_one_of=[["issuer_url", "id"]])


def main():
    TASK.main()


if __name__ == "__main__":
    main()
