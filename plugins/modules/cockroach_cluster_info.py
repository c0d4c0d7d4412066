#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: cockroach_cluster_info
short_description: Show CockroachDB Cloud clusters
version_added: 0.1.0
description:
  - Shows one cluster (by O(name) or O(id)) or every cluster of the organization that the API
    key can read, optionally filtered by plan, cloud provider, state and labels.
  - Can add each cluster's nodes and SQL connection string.
  - A cluster that does not exist is not an error; the module returns an empty list.
author:
  - CockroachDB Cloud collection maintainers (@cockroachdb)
options:
  name:
    description:
      - Name of the cluster to show.
      - The lookup costs one listing of the clusters.
      - A value that is a cluster id (a UUID) is looked up as O(id) is.
      - Mutually exclusive with O(id).
    type: str
  id:
    description:
      - Id (a UUID) of the cluster to show. The lookup costs one request.
      - Mutually exclusive with O(name).
    type: str
  show_inactive:
    description:
      - Whether to also show clusters in state C(DELETED).
      - The API keeps deleted clusters (with C(deleted_at)) and a name can be used again after
        a deletion, so with O(name) and O(show_inactive=true) several clusters may be returned,
        the one that is not deleted first.
      - O(state=DELETED) implies O(show_inactive=true).
    type: bool
    default: false
  plan:
    description:
      - Only show clusters of this plan, in either vocabulary (any case), V(BASIC), V(STANDARD),
        V(ADVANCED) (the live service's tiers), or V(SERVERLESS) (BASIC and STANDARD clusters)
        and V(DEDICATED) (ADVANCED clusters). A tier also matches a cluster of its kind on a
        server that speaks the contract (which names only the kind).
      - Like the other filters, it also applies to the cluster found by O(name) or O(id); a
        cluster that does not match is not returned.
    type: str
  cloud_provider:
    description:
      - Only show clusters hosted by this cloud provider.
    type: str
    choices: [AWS, GCP, AZURE]
  state:
    description:
      - Only show clusters in this state, for example V(CREATED), V(CREATING), V(LOCKED),
        V(CREATION_FAILED) or V(DELETED). Compared without regard to case.
    type: str
  labels:
    description:
      - Only show clusters that carry every one of these labels with the given value.
      - A label given without a value (V(null)) matches any value of that label.
      - Values are compared as strings (V(true) as C(true), V(3) as C(3)).
    type: dict
  include_nodes:
    description:
      - Whether to add the cluster's nodes (every page of them) to each cluster returned, as
        RV(clusters[].nodes).
      - Costs one request per dedicated cluster (more past 500 nodes). Serverless and deleted
        clusters have no nodes; their list is empty and costs no request.
    type: bool
    default: false
  include_connection_string:
    description:
      - Whether to add the SQL connection string to each cluster returned, as
        RV(clusters[].connection_string). Costs one request per cluster.
      - Deleted clusters have none.
    type: bool
    default: false
  database:
    description:
      - Database named in the connection string; the API uses C(defaultdb) when not set.
      - Only with O(include_connection_string=true).
    type: str
  sql_user:
    description:
      - SQL user named in the connection string. The password is never part of it.
      - Only with O(include_connection_string=true).
    type: str
  os:
    description:
      - Operating system the connection string is formatted for.
      - Only with O(include_connection_string=true).
    type: str
    choices: [MAC, LINUX, WINDOWS]
  details:
    description:
      - Settings to add to each cluster returned, each under its own name, V(backup_config) (RV(clusters[].backup_config), as
        M(cockroachdb.cloud.cockroach_backup_config) returns it), V(maintenance_window)
        (RV(clusters[].maintenance_window), empty when none is set, see
        M(cockroachdb.cloud.cockroach_maintenance_window)) and V(version_deferral)
        (RV(clusters[].version_deferral), see M(cockroachdb.cloud.cockroach_version_deferral)).
      - Costs one request per cluster and detail. Deleted clusters have none (empty, no request).
    type: list
    elements: str
    choices: [backup_config, maintenance_window, version_deferral]
    version_added: 0.2.0
notes:
  - Listing the clusters asks for pages of 500 clusters and follows every page.
  - The module only sends GET requests.
seealso:
  - module: cockroachdb.cloud.cockroach_cluster
  - module: cockroachdb.cloud.cockroach_region_info
extends_documentation_fragment:
  - cockroachdb.cloud.cockroach
  - cockroachdb.cloud.cockroach.ACTIONGROUP
  - cockroachdb.cloud.cockroach.INFO
"""

EXAMPLES = r"""
- name: Show one cluster by name
  cockroachdb.cloud.cockroach_cluster_info:
    name: orders-prod
  register: result

- name: Fail when it does not exist
  ansible.builtin.assert:
    that: result.clusters | length == 1
    fail_msg: cluster orders-prod does not exist

- name: Print its state and version
  ansible.builtin.debug:
    msg: "{{ result.clusters[0].state }} {{ result.clusters[0].cockroach_version }}"

- name: All dedicated clusters labelled env=prod, with their nodes
  cockroachdb.cloud.cockroach_cluster_info:
    plan: DEDICATED
    labels:
      env: prod
    include_nodes: true
  register: prod

- name: Print their names and node counts
  ansible.builtin.debug:
    msg: "{{ item.name }}: {{ item.nodes | length }} nodes"
  loop: "{{ prod.clusters }}"
  loop_control:
    label: "{{ item.name }}"

- name: Connection string of a cluster for the SQL user app
  cockroachdb.cloud.cockroach_cluster_info:
    name: orders-prod
    include_connection_string: true
    sql_user: app
    database: orders
    os: LINUX
  register: conn

- name: Print it
  ansible.builtin.debug:
    msg: "{{ conn.clusters[0].connection_string }}"

- name: The maintenance window and version deferral policy of a cluster
  cockroachdb.cloud.cockroach_cluster_info:
    name: orders-prod
    details: [maintenance_window, version_deferral]
  register: upkeep

- name: Print them
  ansible.builtin.debug:
    msg: "{{ upkeep.clusters[0].maintenance_window }} {{ upkeep.clusters[0].version_deferral.deferral_policy }}"

- name: A cluster by id, deleted or not, with the API key and URL set explicitly
  cockroachdb.cloud.cockroach_cluster_info:
    id: 2b7a1d38-62c5-4d43-92b5-6a4bd9f0a9a1
    show_inactive: true
    api_key: "{{ lookup('ansible.builtin.env', 'COCKROACH_API_KEY') }}"
    api_url: https://cockroachlabs.cloud
  register: by_id
"""

RETURN = r"""
clusters:
  description:
    - The clusters found, with the API's field names, in the API's order (oldest first).
    - One element when O(name) or O(id) is given and the cluster exists (more only with
      O(show_inactive=true), see there); an empty list when nothing matches.
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: Id of the cluster (a UUID).
      type: str
      sample: 5d56c004-1ae9-4f72-9fc8-ed1a0cda3957
    name:
      description: Name of the cluster.
      type: str
      sample: orders-prod
    cloud_provider:
      description: Cloud provider hosting the cluster.
      type: str
      sample: AWS
    plan:
      description:
        - As the server sent it. The live service says C(BASIC), C(STANDARD) (serverless) or
          C(ADVANCED) (dedicated); a server that speaks the contract says C(SERVERLESS) or C(DEDICATED).
      type: str
      sample: ADVANCED
    state:
      description: C(CREATING), C(CREATED), C(CREATION_FAILED), C(LOCKED) (while an update runs) or C(DELETED).
      type: str
      sample: CREATED
    operation_status:
      description: The operation running on the cluster, C(UNSPECIFIED) when none.
      type: str
      sample: UNSPECIFIED
    cockroach_version:
      description: Full CockroachDB version the cluster runs.
      type: str
      sample: v24.3.8
    upgrade_status:
      description: State of a version upgrade, C(FINALIZED) when none runs.
      type: str
      sample: FINALIZED
    creator_id:
      description: Id of the user or service account that created the cluster.
      type: str
      sample: 6c43311e-e13c-4054-9fec-d3ac54ed4a9e
    created_at:
      description: When the cluster was created (RFC 3339).
      type: str
      sample: "2024-11-27T09:17:14.804727Z"
    updated_at:
      description: When the cluster was last changed (RFC 3339).
      type: str
      sample: "2024-11-27T09:17:14.804727Z"
    deleted_at:
      description: When the cluster was deleted (RFC 3339).
      type: str
      returned: for deleted clusters
      sample: "2024-12-01T10:00:00Z"
    account_id:
      description: Cloud provider account of a dedicated cluster.
      type: str
      sample: emulated-5d56c004
    parent_id:
      description: Id of the folder holding the cluster, C(root) at the top.
      type: str
      sample: root
    labels:
      description: Labels of the cluster.
      type: dict
      sample: {"env": "prod", "team": "orders"}
    delete_protection:
      description: C(ENABLED) or C(DISABLED).
      type: str
      sample: DISABLED
    egress_traffic_policy:
      description: Policy for outbound traffic of the cluster.
      type: str
      sample: DEFAULT_ALLOW
    network_visibility:
      description: C(PUBLIC) or C(PRIVATE).
      type: str
      sample: PUBLIC
    sql_dns:
      description: Host name for SQL connections.
      type: str
      sample: orders-prod-5d56.aws-us-east-1.cockroachlabs.cloud
    regions:
      description: Regions of the cluster.
      type: list
      elements: dict
      contains:
        name:
          description: Name of the region.
          type: str
          sample: us-east-1
        sql_dns:
          description: Host name for SQL connections in this region.
          type: str
          sample: orders-prod-5d56.aws-us-east-1.cockroachlabs.cloud
        node_count:
          description: Number of nodes in the region (0 for serverless clusters).
          type: int
          sample: 3
        primary:
          description: Whether it is the primary region of a serverless cluster.
          type: bool
          returned: for serverless clusters
          sample: true
    config:
      description: Plan-specific configuration; holds one of RV(clusters[].config.serverless) and RV(clusters[].config.dedicated).
      type: dict
      contains:
        serverless:
          description: Configuration of a serverless cluster (C(routing_id), C(spend_limit), C(usage_limits)).
          type: dict
          returned: for serverless clusters
          sample: {"routing_id": "orders-dev-3f2a", "usage_limits": {"request_unit_limit": 10000000}}
        dedicated:
          description: Hardware of a dedicated cluster (C(machine_type), C(num_virtual_cpus), C(memory_gib), C(storage_gib), C(disk_iops)).
          type: dict
          returned: for dedicated clusters
          sample: {"machine_type": "m6i.xlarge", "num_virtual_cpus": 4, "memory_gib": 16, "storage_gib": 15, "disk_iops": 0}
    nodes:
      description: The cluster's nodes; empty for serverless and deleted clusters.
      type: list
      elements: dict
      returned: when O(include_nodes=true)
      contains:
        name:
          description: Name of the node.
          type: str
          sample: orders-prod-us-east-1-0
        region_name:
          description: Region of the node.
          type: str
          sample: us-east-1
        status:
          description: C(LIVE) or C(NOT_READY).
          type: str
          sample: LIVE
    connection_string:
      description: SQL connection string, without a password.
      type: str
      returned: when O(include_connection_string=true), except for deleted clusters
      sample: postgresql://app@orders-prod-5d56.aws-us-east-1.cockroachlabs.cloud:26257/orders?sslmode=verify-full
    backup_config:
      description: The managed backup configuration (C(enabled), C(frequency_minutes), C(retention_days)).
      type: dict
      returned: when O(details) holds V(backup_config)
      sample: {"cluster_id": "5d56c004-1ae9-4f72-9fc8-ed1a0cda3957", "enabled": true, "frequency_minutes": 60, "retention_days": 30}
      version_added: 0.2.0
    maintenance_window:
      description: The maintenance window (C(day_of_week), C(start_hour), C(window_duration)); empty when none is set.
      type: dict
      returned: when O(details) holds V(maintenance_window)
      sample: {"day_of_week": 0, "start_hour": 2, "window_duration": "21600s"}
      version_added: 0.2.0
    version_deferral:
      description: The version deferral policy (C(deferral_policy)).
      type: dict
      returned: when O(details) holds V(version_deferral)
      sample: {"deferral_policy": "NOT_DEFERRED"}
      version_added: 0.2.0
  sample:
    - id: 5d56c004-1ae9-4f72-9fc8-ed1a0cda3957
      name: orders-prod
      cloud_provider: AWS
      plan: DEDICATED
      state: CREATED
      operation_status: UNSPECIFIED
      cockroach_version: v24.3.8
      upgrade_status: FINALIZED
      creator_id: 6c43311e-e13c-4054-9fec-d3ac54ed4a9e
      created_at: "2024-11-27T09:17:14.804727Z"
      updated_at: "2024-11-27T09:17:14.804727Z"
      account_id: emulated-5d56c004
      parent_id: root
      labels: {env: prod, team: orders}
      delete_protection: DISABLED
      egress_traffic_policy: DEFAULT_ALLOW
      network_visibility: PUBLIC
      sql_dns: orders-prod-5d56.aws-us-east-1.cockroachlabs.cloud
      regions:
        - name: us-east-1
          sql_dns: orders-prod-5d56.aws-us-east-1.cockroachlabs.cloud
          node_count: 3
      config:
        dedicated: {machine_type: m6i.xlarge, num_virtual_cpus: 4, memory_gib: 16, storage_gib: 15, disk_iops: 0}
      nodes:
        - {name: orders-prod-us-east-1-0, region_name: us-east-1, status: LIVE}
        - {name: orders-prod-us-east-1-1, region_name: us-east-1, status: LIVE}
        - {name: orders-prod-us-east-1-2, region_name: us-east-1, status: LIVE}
      connection_string: postgresql://app@orders-prod-5d56.aws-us-east-1.cockroachlabs.cloud:26257/orders?sslmode=verify-full
"""

from ansible_collections.cockroachdb.cloud.plugins.module_utils._module import ModuleTask
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.clusters import DETAILS, cluster_info

ARGUMENT_SPEC = dict(
    name=dict(type="str"),
    id=dict(type="str"),
    show_inactive=dict(type="bool", default=False),
    plan=dict(type="str"),
    cloud_provider=dict(type="str", choices=["AWS", "GCP", "AZURE"]),
    state=dict(type="str"),
    labels=dict(type="dict"),
    include_nodes=dict(type="bool", default=False),
    include_connection_string=dict(type="bool", default=False),
    database=dict(type="str"),
    sql_user=dict(type="str"),
    os=dict(type="str", choices=["MAC", "LINUX", "WINDOWS"]),
    details=dict(type="list", elements="str", choices=sorted(DETAILS)),
)


TASK = ModuleTask(ARGUMENT_SPEC, cluster_info, mutually_exclusive=[("name", "id")])


def main():
    TASK.main()


if __name__ == "__main__":
    main()
