#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: cockroach_private_endpoint_connection_info
short_description: List the private endpoint connections of a dedicated CockroachDB Cloud cluster
version_added: 0.2.0
description:
  - Lists the private endpoint connections of a cluster, or only the one of O(endpoint_id).
  - A serverless cluster has no private endpoints, so the list is empty, as the API answers.
author:
  - CockroachDB Cloud collection maintainers (@cockroachdb)
extends_documentation_fragment:
  - cockroachdb.cloud.cockroach
  - cockroachdb.cloud.cockroach.CLUSTER_INFO
  - cockroachdb.cloud.cockroach.ACTIONGROUP
  - cockroachdb.cloud.cockroach.INFO
options:
  endpoint_id:
    description:
      - Only return the connection of this endpoint (compared exactly; an empty list when
        there is none).
    type: str
notes:
  - One read of the connections (the listing is not paginated), plus one listing of the
    clusters when O(cluster) is a name. It sends only GET requests.
seealso:
  - module: cockroachdb.cloud.cockroach_private_endpoint_connection
"""

EXAMPLES = r"""
- name: List the private endpoint connections of a cluster
  cockroachdb.cloud.cockroach_private_endpoint_connection_info:
    cluster: orders-prod
  register: connections

- name: Fail when one is not accepted
  ansible.builtin.assert:
    that: connections.connections | rejectattr('status', 'equalto', 'STATUS_AVAILABLE') | list | length == 0
    fail_msg: "{{ connections.connections | rejectattr('status', 'equalto', 'STATUS_AVAILABLE') | list }}"
"""

RETURN = r"""
connections:
  description:
    - The connections as the API lists them (see
      RV(cockroachdb.cloud.cockroach_private_endpoint_connection#module:private_endpoint_connection)),
      in the API's order.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a
      endpoint_id: vpce-0123456789abcdef0
      region_name: us-east-1
      cloud_provider: AWS
      status: STATUS_AVAILABLE
"""

from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.info import listing_info
from ansible_collections.cockroachdb.cloud.plugins.module_utils._module import ModuleTask, cluster_info_argument_spec
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.private_endpoints import (
    PrivateEndpointConnections,
)

ARGUMENT_SPEC = cluster_info_argument_spec(endpoint_id=dict(type="str"))


TASK = ModuleTask(ARGUMENT_SPEC, lambda ctx: listing_info(ctx, PrivateEndpointConnections, "connections",
                                                          key_option="endpoint_id"))


def main():
    TASK.main()


if __name__ == "__main__":
    main()
