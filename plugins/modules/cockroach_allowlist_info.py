#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: cockroach_allowlist_info
short_description: List the IP allowlist entries of a CockroachDB Cloud cluster
version_added: 0.1.0
description:
  - Lists every IP allowlist entry of a cluster (all pages, 500 entries each), sorted by
    network, with a C(cidr) field added for convenience.
  - A cluster that does not exist is an error.
author:
  - CockroachDB Cloud collection maintainers (@cockroachdb)
extends_documentation_fragment:
  - cockroachdb.cloud.cockroach
  - cockroachdb.cloud.cockroach.ACTIONGROUP
  - cockroachdb.cloud.cockroach.INFO
options:
  cluster:
    description:
      - Name or id (a UUID) of the cluster.
      - A name costs one listing of the clusters to find the cluster; an id costs no extra request.
    type: str
    required: true
seealso:
  - module: cockroachdb.cloud.cockroach_allowlist
"""

EXAMPLES = r"""
- name: Read the allowlist of a cluster
  cockroachdb.cloud.cockroach_allowlist_info:
    cluster: orders-prod
  register: result

- name: Show the networks that may open the DB Console
  ansible.builtin.debug:
    msg: "{{ result.allowlist | selectattr('ui') | map(attribute='cidr') | list }}"
"""

RETURN = r"""
allowlist:
  description:
    - The cluster's allowlist entries with the API's field names, sorted by network
      (address, then mask), each with RV(allowlist[].cidr) added.
  returned: always
  type: list
  elements: dict
  contains:
    cidr:
      description: The network as C(address/mask), host bits cleared.
      type: str
      sample: 10.0.0.0/24
    cidr_ip:
      description: The network's address.
      type: str
      sample: 10.0.0.0
    cidr_mask:
      description: The network's prefix length.
      type: int
      sample: 24
    name:
      description: The entry's label.
      type: str
      sample: office
    sql:
      description: Whether the network may open SQL connections.
      type: bool
      sample: true
    ui:
      description: Whether the network may open the DB Console.
      type: bool
      sample: false
  sample:
    - {cidr: 10.0.0.0/24, cidr_ip: 10.0.0.0, cidr_mask: 24, name: office, sql: true, ui: false}
"""

from ansible_collections.cockroachdb.cloud.plugins.module_utils._allowlist import info_entries
from ansible_collections.cockroachdb.cloud.plugins.module_utils._module import CockroachModule

ARGUMENT_SPEC = dict(
    cluster=dict(type="str", required=True),
)


def main():
    module = CockroachModule(argument_spec=ARGUMENT_SPEC)
    module.run(lambda: {"changed": False, "allowlist": info_entries(module.client, module.params["cluster"])})


if __name__ == "__main__":
    main()
