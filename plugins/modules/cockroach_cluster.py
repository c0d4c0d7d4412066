#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: cockroach_cluster
short_description: Create, update and delete CockroachDB Cloud clusters
version_added: 0.1.0
description:
  - Creates serverless and dedicated CockroachDB Cloud clusters, changes what the API can
    change (regions and node counts, hardware, storage, usage limits, labels, delete
    protection, folder, major version) and deletes them.
  - Finds the cluster by O(name) (one listing of the clusters) or by O(id) (one read). A
    C(DELETED) cluster counts as absent.
  - An option that is not set is not managed. A re-run with the same options sends no change.
  - The name, the cloud provider, the kind of plan and the network visibility of a cluster cannot
    change; asking for it fails before any change is sent. Every option that is set is
    either applied, or refused with a message, or (the settings of a cluster that
    O(state=absent) deletes) named in a warning; none is ignored silently.
author:
  - CockroachDB Cloud collection maintainers (@cockroachdb)
extends_documentation_fragment:
  - cockroachdb.cloud.cockroach
  - cockroachdb.cloud.cockroach.WAIT
  - cockroachdb.cloud.cockroach.ACTIONGROUP
  - cockroachdb.cloud.cockroach.CHECK_MODE_DIFF
options:
  name:
    description:
      - Name of the cluster, 6 to 20 lowercase letters, digits and dashes, not starting or
        ending with a dash.
      - Required to create a cluster. With O(id), it must match the cluster's name.
    type: str
  id:
    description:
      - ID of an existing cluster (a UUID). Use it instead of O(name) to manage a cluster by id.
      - An id never creates a cluster. With O(state=present), an id that names no cluster (or
        a deleted one) fails with C(no cluster with id ...); with O(state=absent) it is
        already absent (C(changed=false)).
    type: str
  state:
    description:
      - V(present) creates or updates the cluster, V(absent) deletes it.
      - Deleting a cluster whose delete protection is on fails, unless the same task sets
        O(delete_protection=false), which turns the protection off first.
      - A delete takes no settings. With V(absent), O(cloud_provider), O(plan), O(regions),
        O(serverless), O(dedicated), O(cockroach_version), O(labels), O(purge_labels) and
        O(folder) are not used, and a warning says so (roles and loops may pass them whatever
        the state).
    type: str
    choices: [present, absent]
    default: present
  cloud_provider:
    description:
      - Cloud provider of the cluster. Required to create one; cannot change.
    type: str
    choices: [AWS, GCP, AZURE]
  plan:
    description:
      - The cluster's plan, in the live service's words or in the contract's (any case).
        V(basic) and V(standard) are serverless tiers, V(advanced) is dedicated;
        V(serverless) and V(dedicated) name the kind and match each of its tiers (a V(standard)
        cluster is a V(serverless) one, so a task saying V(serverless) leaves it as it is).
      - Defaults to the kind the other options imply (V(dedicated) when O(dedicated) or
        O(cockroach_version) is set, else V(serverless)).
      - The live service (U(https://cockroachlabs.cloud)) creates a V(serverless) cluster as
        V(standard) when O(serverless.usage_limits.provisioned_virtual_cpus) is set, else as
        V(basic). A server that speaks the contract names only the kind.
      - The kind cannot change. Between V(basic) and V(standard), the live service changes the
        tier in place; on a contract server both are V(serverless), so nothing changes.
      - "Accepted values: V(basic), V(standard), V(advanced), V(serverless), V(dedicated)."
    type: str
  regions:
    description:
      - The regions of the cluster, as the whole set. Required to create a cluster.
      - For a serverless cluster with several regions, mark one as O(regions[].primary).
      - For a dedicated cluster, give each region its O(regions[].node_count).
    type: list
    elements: dict
    suboptions:
      name:
        description: Region name of the cloud provider, such as V(us-east-1) or V(us-central1).
        type: str
        required: true
      node_count:
        description:
          - Nodes in this region (dedicated clusters only), at least 3.
        type: int
      primary:
        description: Whether this is the primary region (serverless clusters only).
        type: bool
  serverless:
    description:
      - Settings of a serverless cluster. Mutually exclusive with O(dedicated).
    type: dict
    suboptions:
      spend_limit:
        description:
          - Monthly spend limit in US cents (legacy; use O(serverless.usage_limits)).
          - Mutually exclusive with O(serverless.usage_limits); the service keeps one or the
            other. Setting it on a cluster that has usage limits replaces them (once).
          - Only a server that speaks the contract takes it. Against the live service
            (U(https://cockroachlabs.cloud)) it is refused before any change; give
            O(serverless.usage_limits) instead.
        type: int
      usage_limits:
        description:
          - Limits on resource use. Only the limits given are managed.
          - Mutually exclusive with O(serverless.spend_limit). Setting them on a cluster that
            has a spend limit replaces it (once).
        type: dict
        suboptions:
          request_unit_limit:
            description: Request units per month.
            type: int
          storage_mib_limit:
            description: Storage in MiB.
            type: int
          provisioned_virtual_cpus:
            description: Provisioned virtual CPUs.
            type: int
  dedicated:
    description:
      - Hardware of a dedicated cluster (per node). Mutually exclusive with O(serverless).
      - To create a dedicated cluster, give O(dedicated.storage_gib) and
        O(dedicated.num_virtual_cpus) or O(dedicated.machine_type).
    type: dict
    suboptions:
      num_virtual_cpus:
        description: Virtual CPUs per node (2, 4, 8, 16, 32, 48 or 64).
        type: int
      machine_type:
        description:
          - Machine type per node, such as V(m6i.xlarge) or V(n2-standard-4). Mutually
            exclusive with O(dedicated.num_virtual_cpus).
        type: str
      storage_gib:
        description: Storage per node in GiB. It can grow but not shrink.
        type: int
      disk_iops:
        description: Disk IOPS per node (AWS).
        type: int
      network_visibility:
        description:
          - Whether the cluster is reachable from the internet. Set at creation only, since the API
            cannot change it, so a different value for an existing cluster fails before any
            change.
        type: str
        choices: [PUBLIC, PRIVATE]
  cockroach_version:
    description:
      - Major CockroachDB version of a dedicated cluster, such as V(v24.3) (or V(24.3)).
        Setting the next major version on an existing cluster upgrades it; the upgrade is
        sent on its own, after any other change.
      - A patch version (V(v24.3.5)) is refused, since CockroachDB Cloud rolls out patch releases
        itself.
    type: str
  labels:
    description:
      - Labels of the cluster (string keys and values).
      - With O(purge_labels=false), these labels are added or updated and others are kept.
    type: dict
  purge_labels:
    description:
      - Whether labels not in O(labels) are removed. Only used when O(labels) is set.
    type: bool
    default: false
  delete_protection:
    description:
      - Whether the cluster refuses deletion.
      - V(true) only with O(state=present). With O(state=absent), V(false) turns the
        protection off before the delete, and V(true) fails before any request.
    type: bool
  folder:
    description:
      - Folder of the cluster, by path (V(/team/prod)) or by folder id. V(/) is the
        organization's root.
      - A path costs one more read to resolve.
      - A path that does not exist fails the task before any change (also in check mode); create
        the folder first with M(cockroachdb.cloud.cockroach_folder) and
        O(cockroachdb.cloud.cockroach_folder#module:parents=true).
    type: str
  wait_timeout:
    description:
      - Seconds to wait for the cluster to be created, updated or deleted.
    type: int
    default: 3600
notes:
  - A cluster that is being created or changed (C(CREATING), C(LOCKED)) refuses changes;
    the module waits for it first.
seealso:
  - module: cockroachdb.cloud.cockroach_cluster_info
  - module: cockroachdb.cloud.cockroach_region_info
  - module: cockroachdb.cloud.cockroach_cluster_version_info
"""

EXAMPLES = r"""
- name: Create a serverless cluster with usage limits
  cockroachdb.cloud.cockroach_cluster:
    name: web-app
    cloud_provider: GCP
    plan: serverless
    regions:
      - name: us-central1
    serverless:
      usage_limits:
        request_unit_limit: 100000000
        storage_mib_limit: 10240
    labels:
      env: prod
  register: web_app

- name: The folder of the next cluster (with its parent /payments), unless it exists
  cockroachdb.cloud.cockroach_folder:
    path: /payments/prod
    parents: true

- name: Create a dedicated multi-region cluster in a folder, protected from deletion
  cockroachdb.cloud.cockroach_cluster:
    name: orders-db
    cloud_provider: AWS
    regions:
      - name: us-east-1
        node_count: 3
      - name: us-west-2
        node_count: 3
    dedicated:
      num_virtual_cpus: 4
      storage_gib: 150
    cockroach_version: v24.3
    folder: /payments/prod
    delete_protection: true

- name: Scale the dedicated cluster out and up
  cockroachdb.cloud.cockroach_cluster:
    name: orders-db
    regions:
      - name: us-east-1
        node_count: 5
      - name: us-west-2
        node_count: 5
    dedicated:
      num_virtual_cpus: 8

- name: Delete a protected cluster (turns the protection off first)
  cockroachdb.cloud.cockroach_cluster:
    name: orders-db
    state: absent
    delete_protection: false

- name: Manage all clusters with the same credentials
  module_defaults:
    group/cockroachdb.cloud.all:
      api_key: "{{ vault_cockroach_api_key }}"
  block:
    - name: Make sure the staging cluster exists
      cockroachdb.cloud.cockroach_cluster:
        name: staging
        cloud_provider: AWS
        regions:
          - name: us-east-1
"""

RETURN = r"""
cluster:
  description:
    - The cluster as the API returns it, after the change and the wait. In check mode,
      the predicted cluster (without an C(id) when it would be created).
    - Empty when O(state=absent).
  returned: always
  type: dict
  sample:
    id: 3b1f0a7e-6a89-4c1e-9f61-2f4a8f3c0d2a
    name: web-app
    cloud_provider: GCP
    plan: SERVERLESS
    state: CREATED
    operation_status: UNSPECIFIED
    cockroach_version: v24.3.8
    upgrade_status: FINALIZED
    regions:
      - name: us-central1
        sql_dns: web-app-3b1f.gcp-us-central1.cockroachlabs.cloud
        node_count: 0
        primary: true
    config:
      serverless:
        routing_id: web-app-3b1f
        usage_limits:
          request_unit_limit: 100000000
          storage_mib_limit: 10240
    sql_dns: web-app-3b1f.gcp-us-central1.cockroachlabs.cloud
    labels:
      env: prod
    delete_protection: DISABLED
    parent_id: root
    creator_id: 9c4f6f0e-0d5e-4b8e-a0a4-0d9f4c1f7b11
    created_at: "2026-11-27T09:00:00.000000Z"
    updated_at: "2026-11-27T09:00:00.000000Z"
"""

from ansible_collections.cockroachdb.cloud.plugins.module_utils._module import ModuleTask, wait_argument_spec
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.clusters import Clusters

ARGUMENT_SPEC = dict(
    name=dict(type="str"),
    id=dict(type="str"),
    state=dict(type="str", default="present", choices=["present", "absent"]),
    cloud_provider=dict(type="str", choices=["AWS", "GCP", "AZURE"]),
    plan=dict(type="str"),
    regions=dict(type="list", elements="dict", options=dict(
        name=dict(type="str", required=True),
        node_count=dict(type="int"),
        primary=dict(type="bool"),
    )),
    serverless=dict(type="dict", options=dict(
        spend_limit=dict(type="int"),
        usage_limits=dict(type="dict", options=dict(
            request_unit_limit=dict(type="int"),
            storage_mib_limit=dict(type="int"),
            provisioned_virtual_cpus=dict(type="int"),
        )),
    )),
    dedicated=dict(type="dict", options=dict(
        num_virtual_cpus=dict(type="int"),
        machine_type=dict(type="str"),
        storage_gib=dict(type="int"),
        disk_iops=dict(type="int"),
        network_visibility=dict(type="str", choices=["PUBLIC", "PRIVATE"]),
    ), mutually_exclusive=[["num_virtual_cpus", "machine_type"]]),
    cockroach_version=dict(type="str"),
    labels=dict(type="dict"),
    purge_labels=dict(type="bool", default=False),
    delete_protection=dict(type="bool"),
    folder=dict(type="str"),
)
ARGUMENT_SPEC.update(wait_argument_spec(3600))


TASK = ModuleTask(ARGUMENT_SPEC, Clusters.task, required_one_of=[["name", "id"]], mutually_exclusive=[["serverless", "dedicated"]])


def main():
    TASK.main()


if __name__ == "__main__":
    main()
