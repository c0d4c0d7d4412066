#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: cockroach_private_endpoint_services
short_description: Make sure a dedicated CockroachDB Cloud cluster has its private endpoint services
version_added: 0.2.0
description:
  - Makes sure that a dedicated cluster has a private endpoint service in each of its
    regions (AWS PrivateLink, GCP Private Service Connect, Azure Private Link), and returns
    the service names and ids to create the endpoints against on the cloud side.
  - The API creates the services of every region in one request and has no request to change
    or remove them, so the module only ever creates. When the cluster gained a region since,
    the same request adds that region's service.
  - After creating, the module waits until every service is C(AVAILABLE) (see O(wait)); a
    re-run also waits for services still C(CREATING).
  - Serverless clusters have no private endpoint services; asking for them fails before any
    change.
  - Add the endpoints made on the cloud side with
    M(cockroachdb.cloud.cockroach_private_endpoint_connection).
author:
  - CockroachDB Cloud collection maintainers (@cockroachdb)
extends_documentation_fragment:
  - cockroachdb.cloud.cockroach
  - cockroachdb.cloud.cockroach.CLUSTER
  - cockroachdb.cloud.cockroach.WAIT
  - cockroachdb.cloud.cockroach.ACTIONGROUP
  - cockroachdb.cloud.cockroach.CHECK_MODE_DIFF
options:
  wait_timeout:
    description:
      - Seconds to wait for the cluster, and for the services to be C(AVAILABLE).
    type: int
    default: 1200
notes:
  - A task that changes nothing reads the services once, plus one listing of the clusters when
    O(cluster) is a name, or one read of the cluster when it is an id (for its regions).
  - In check mode the services are predicted C(AVAILABLE), without their names and ids, which
    only the service knows once it made them.
seealso:
  - module: cockroachdb.cloud.cockroach_private_endpoint_services_info
  - module: cockroachdb.cloud.cockroach_private_endpoint_connection
  - name: Network authorization for CockroachDB Cloud clusters
    description: The service's guide to private connectivity.
    link: https://www.cockroachlabs.com/docs/cockroachcloud/network-authorization
"""

EXAMPLES = r"""
- name: Make sure the cluster has its private endpoint services
  cockroachdb.cloud.cockroach_private_endpoint_services:
    cluster: orders-prod
  register: private

- name: Show the service to create the VPC endpoint of each region against
  ansible.builtin.debug:
    msg: "{{ item.region_name }}: {{ item.aws.service_name }}"
  loop: "{{ private.services }}"
  loop_control:
    label: "{{ item.region_name }}"
"""

RETURN = r"""
services:
  description:
    - The cluster's private endpoint services, one per region, as the API returns them after
      the change and the wait. In check mode, the predicted ones (without names and ids).
    - The live service names a service at its top level (C(name), C(endpoint_service_id),
      C(availability_zone_ids)) and gives the C(aws) object on AWS clusters only; the
      contract's API gives the C(aws) object for every cloud provider.
  returned: always
  type: list
  elements: dict
  contains:
    region_name:
      description: The region of the service.
      type: str
    cloud_provider:
      description: C(AWS), C(GCP) or C(AZURE).
      type: str
    status:
      description:
        - C(AVAILABLE) once ready; C(CREATING) when O(wait=false). C(CREATE_FAILED) (live
          service) makes the task fail.
      type: str
    name:
      description: The name of the service (live service), as C(aws.service_name).
      type: str
    endpoint_service_id:
      description: The id of the service (live service), as C(aws.service_id).
      type: str
    availability_zone_ids:
      description: The availability zones of the service (live service; AWS only).
      type: list
      elements: str
    aws:
      description:
        - What to create the endpoint against. The contract's API names this object C(aws)
          for every cloud provider; the live service gives it on AWS clusters only.
      type: dict
      contains:
        service_name:
          description: The name of the service (on AWS, the VPC endpoint service name).
          type: str
        service_id:
          description: The id of the service.
          type: str
        availability_zone_ids:
          description: The availability zones of the service (AWS only).
          type: list
          elements: str
  sample:
    - region_name: us-east-1
      cloud_provider: AWS
      status: AVAILABLE
      aws:
        service_name: com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0
        service_id: vpce-svc-0123456789abcdef0
        availability_zone_ids: [use1-az1, use1-az2, use1-az3]
"""

from ansible_collections.cockroachdb.cloud.plugins.module_utils._module import ModuleTask, cluster_argument_spec
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.private_endpoints import (
    PrivateEndpointServices,
)

ARGUMENT_SPEC = cluster_argument_spec(1200)


TASK = ModuleTask(ARGUMENT_SPEC, PrivateEndpointServices.task)


def main():
    TASK.main()


if __name__ == "__main__":
    main()
