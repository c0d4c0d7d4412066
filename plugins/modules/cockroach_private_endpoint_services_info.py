#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: cockroach_private_endpoint_services_info
short_description: List the private endpoint services of a dedicated CockroachDB Cloud cluster
version_added: 0.2.0
description:
  - Lists the private endpoint services of a cluster, one per region once they are created,
    with the names and ids to create the endpoints against on the cloud side.
  - A cluster without services, and a serverless cluster, give an empty list, as the API
    answers.
author:
  - CockroachDB Cloud collection maintainers (@cockroachdb)
extends_documentation_fragment:
  - cockroachdb.cloud.cockroach
  - cockroachdb.cloud.cockroach.CLUSTER_INFO
  - cockroachdb.cloud.cockroach.ACTIONGROUP
  - cockroachdb.cloud.cockroach.INFO
notes:
  - One read of the services (the listing is not paginated), plus one listing of the clusters
    when O(cluster) is a name. It sends only GET requests.
seealso:
  - module: cockroachdb.cloud.cockroach_private_endpoint_services
"""

EXAMPLES = r"""
- name: Read the private endpoint services of a cluster
  cockroachdb.cloud.cockroach_private_endpoint_services_info:
    cluster: orders-prod
  register: private

- name: Keep the service name of each region
  ansible.builtin.set_fact:
    service_names: "{{ private.services | items2dict(key_name='region_name', value_name='aws') }}"
"""

RETURN = r"""
services:
  description:
    - The services as the API returns them (see
      RV(cockroachdb.cloud.cockroach_private_endpoint_services#module:services)); empty when
      there is none.
  returned: always
  type: list
  elements: dict
  sample:
    - region_name: us-central1
      cloud_provider: GCP
      status: AVAILABLE
      aws:
        service_name: projects/crl-prod-0a1b2c/regions/us-central1/serviceAttachments/sa-0123456789abcdef
        service_id: sa-0123456789abcdef
        availability_zone_ids: []
"""

from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.info import listing_info
from ansible_collections.cockroachdb.cloud.plugins.module_utils._module import ModuleTask, cluster_info_argument_spec
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.private_endpoints import (
    PrivateEndpointServices,
)

ARGUMENT_SPEC = cluster_info_argument_spec()


TASK = ModuleTask(ARGUMENT_SPEC, lambda ctx: listing_info(ctx, PrivateEndpointServices, "services", key_option=None))


def main():
    TASK.main()


if __name__ == "__main__":
    main()
