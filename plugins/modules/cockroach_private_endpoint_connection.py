#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: cockroach_private_endpoint_connection
short_description: Connect private endpoints to a dedicated CockroachDB Cloud cluster
version_added: 0.2.0
description:
  - Adds and removes the private endpoint connections of a dedicated cluster, that is the
    endpoints made on the cloud side (an AWS VPC endpoint, a GCP Private Service Connect endpoint, an
    Azure private endpoint) against one of the cluster's private endpoint services, each given
    by its id. One per task (O(endpoint_id)), or several in one task (O(connections)) with
    O(purge) to make them the whole set.
  - After adding, the module waits until the service accepted the connection
    (C(STATUS_AVAILABLE), see O(wait)). A connection that ends C(STATUS_REJECTED),
    C(STATUS_FAILED) or C(STATUS_EXPIRED) makes the task fail with what to do; so does a re-run
    that finds it so. One the service lists as C(STATUS_DELETED) counts as absent.
  - Adding needs the cluster's service in the connection's region (see
    M(cockroachdb.cloud.cockroach_private_endpoint_services)). One read of the services
    before the first addition refuses a region without one, and a service still C(CREATING)
    is waited for.
  - A connection cannot change; one in another region than the task's is refused.
  - Serverless clusters have no private endpoints; asking for one fails before any change.
author:
  - CockroachDB Cloud collection maintainers (@cockroachdb)
extends_documentation_fragment:
  - cockroachdb.cloud.cockroach
  - cockroachdb.cloud.cockroach.CLUSTER
  - cockroachdb.cloud.cockroach.WAIT
  - cockroachdb.cloud.cockroach.ACTIONGROUP
  - cockroachdb.cloud.cockroach.CHECK_MODE_DIFF
options:
  endpoint_id:
    description:
      - Id of the endpoint on the cloud side, such as V(vpce-0123456789abcdef0) on AWS
        (checked before any request; on AWS clusters it must be a VPC endpoint id).
      - Exactly one of O(endpoint_id) and O(connections) is required.
    type: str
  region:
    description:
      - The cluster region whose service the endpoint was made against. By default the
        cluster's first region. Sent as C(region_name), a field beyond the contract's request,
        only when given.
      - The live service takes no region when adding; it connects the endpoint to the service
        it was made against. There O(region) is not sent; it is still checked before the add
        (a region of the cluster, with a service) and compared with the region of an existing
        connection, and a warning says so when the new connection joined another region.
    type: str
  connections:
    description:
      - Several connections in one task, each C({endpoint_id, region}) as O(endpoint_id) and
        O(region). Two entries with the same endpoint id are an error.
      - With O(state=present), the listed endpoints that are not connected are added. With
        O(state=absent), the listed connections are removed.
    type: list
    elements: dict
    suboptions:
      endpoint_id:
        description: Id of the endpoint on the cloud side.
        type: str
        required: true
      region:
        description: The cluster region of the endpoint, as O(region).
        type: str
  purge:
    description:
      - With O(connections) and O(state=present), whether to remove the connections that
        O(connections) does not name. An empty O(connections) with O(purge=true) removes every
        connection.
    type: bool
    default: false
  state:
    description:
      - V(present) adds the connection (or the listed ones), V(absent) removes it.
      - With V(absent), O(region) is not used, and a warning says so. (With O(connections),
        their regions are ignored.)
    type: str
    choices: [present, absent]
    default: present
  wait_timeout:
    description:
      - Seconds to wait for the cluster, a service still C(CREATING), and the connection to be
        accepted.
    type: int
    default: 600
notes:
  - A task that changes nothing reads the connections once (the listing is not paginated),
    plus one listing of the clusters when O(cluster) is a name, or one read of the cluster when
    it is an id (to refuse serverless clusters). Adding reads the services once more.
  - The API has no read of one connection, so waits read the listing, one request per poll for all
    the connections the task lists.
seealso:
  - module: cockroachdb.cloud.cockroach_private_endpoint_connection_info
  - module: cockroachdb.cloud.cockroach_private_endpoint_services
"""

EXAMPLES = r"""
- name: Make sure the cluster has its private endpoint services
  cockroachdb.cloud.cockroach_private_endpoint_services:
    cluster: orders-prod
  register: private

# ... create the VPC endpoint against private.services[0].aws.service_name on the cloud side ...

- name: Connect the VPC endpoint and wait until it is accepted
  cockroachdb.cloud.cockroach_private_endpoint_connection:
    cluster: orders-prod
    endpoint_id: vpce-0123456789abcdef0

- name: Make the cluster's connections exactly these two
  cockroachdb.cloud.cockroach_private_endpoint_connection:
    cluster: orders-prod
    connections:
      - endpoint_id: vpce-0123456789abcdef0
        region: us-east-1
      - endpoint_id: vpce-0fedcba9876543210
        region: us-east-1
    purge: true

- name: Disconnect an endpoint
  cockroachdb.cloud.cockroach_private_endpoint_connection:
    cluster: orders-prod
    endpoint_id: vpce-0fedcba9876543210
    state: absent
"""

RETURN = r"""
private_endpoint_connection:
  description:
    - With O(endpoint_id), the connection as the API lists it after the change and the wait;
      in check mode, the predicted one. Empty when O(state=absent).
    - The live service answers no C(id), but the C(endpoint_service_id) and C(service_name) of
      the connection's service (and on AWS C(external_owner_id), the account of the endpoint).
  returned: with O(endpoint_id)
  type: dict
  contains:
    id:
      description: Id of the connection (not with the live service).
      type: str
    endpoint_id:
      description: Id of the endpoint on the cloud side.
      type: str
    region_name:
      description: The cluster region of the endpoint.
      type: str
    endpoint_service_id:
      description: The id of the connection's service (with the live service).
      type: str
    service_name:
      description: The name of the connection's service (with the live service).
      type: str
    cloud_provider:
      description: C(AWS), C(GCP) or C(AZURE).
      type: str
    status:
      description:
        - C(STATUS_AVAILABLE) once accepted; C(STATUS_PENDING) before (with O(wait=false));
          C(STATUS_REJECTED) or C(STATUS_FAILED). The live service also says
          C(STATUS_PENDING_ACCEPTANCE) (waited on as C(STATUS_PENDING)) and C(STATUS_EXPIRED)
          (a failure).
      type: str
  sample:
    id: 1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a
    endpoint_id: vpce-0123456789abcdef0
    region_name: us-east-1
    cloud_provider: AWS
    status: STATUS_AVAILABLE
private_endpoint_connections:
  description:
    - With O(connections), every connection of the cluster after the task, sorted by endpoint
      id, each as in RV(private_endpoint_connection). In check mode, the predicted ones.
  returned: with O(connections)
  type: list
  elements: dict
  sample:
    - {id: 1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a, endpoint_id: vpce-0123456789abcdef0, region_name: us-east-1,
       cloud_provider: AWS, status: STATUS_AVAILABLE}
added:
  description: With O(connections), the endpoint ids added (or that would be, in check mode), sorted.
  returned: with O(connections)
  type: list
  elements: str
  sample: [vpce-0fedcba9876543210]
updated:
  description: With O(connections), always empty (a connection cannot change).
  returned: with O(connections)
  type: list
  elements: str
  sample: []
removed:
  description: With O(connections), the endpoint ids removed (or that would be), sorted.
  returned: with O(connections)
  type: list
  elements: str
  sample: []
cluster_id:
  description: With O(connections), the id of the cluster.
  returned: with O(connections)
  type: str
  sample: 3b1f0a7e-6a89-4c1e-9f61-2f4a8f3c0d2a
"""

from ansible_collections.cockroachdb.cloud.plugins.module_utils._module import ModuleTask, cluster_argument_spec
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.private_endpoints import connection_task

ARGUMENT_SPEC = cluster_argument_spec(
    endpoint_id=dict(type="str"),
    region=dict(type="str"),
    connections=dict(type="list", elements="dict", options=dict(
        endpoint_id=dict(type="str", required=True),
        region=dict(type="str"),
    )),
    purge=dict(type="bool", default=False),
    state=dict(type="str", default="present", choices=["present", "absent"]),
)


TASK = ModuleTask(ARGUMENT_SPEC, connection_task, required_one_of=[["endpoint_id", "connections"]],
                  mutually_exclusive=[["endpoint_id", "connections"], ["connections", "region"],
                                      ["endpoint_id", "purge"]])


def main():
    TASK.main()


if __name__ == "__main__":
    main()
