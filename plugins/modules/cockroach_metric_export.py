#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: cockroach_metric_export
short_description: Export the metrics of a dedicated CockroachDB Cloud cluster to CloudWatch, Datadog or Prometheus
version_added: 0.2.0
description:
  - Enables, changes and disables one metric export of a dedicated cluster, to AWS
    CloudWatch, to Datadog, or as a Prometheus scrape endpoint. A cluster may have the three
    at once; each task manages the one of its O(type), the others are left alone.
  - A change sends the export's whole configuration again (the API replaces it); the module
    then waits until the export is C(ENABLED) again. Disabling waits until it is gone.
  - An export that ends in C(ERROR) (or C(ENABLE_FAILED)) makes the task fail with that
    status; a task that changes its configuration tries again.
  - Serverless clusters have no metric export, and CloudWatch takes the metrics of clusters
    on AWS only; asking for one of those fails before any change.
  - An option that is not set is not managed, except at creation, where the service fills
    in its defaults (Datadog O(site=US1)).
author:
  - CockroachDB Cloud collection maintainers (@cockroachdb)
extends_documentation_fragment:
  - cockroachdb.cloud.cockroach
  - cockroachdb.cloud.cockroach.CLUSTER
  - cockroachdb.cloud.cockroach.WAIT
  - cockroachdb.cloud.cockroach.ACTIONGROUP
  - cockroachdb.cloud.cockroach.CHECK_MODE_DIFF
options:
  type:
    description:
      - Which export, V(cloudwatch) (AWS CloudWatch, clusters on AWS only), V(datadog) or
        V(prometheus) (a scrape endpoint per region of the cluster, RV(metric_export.targets)).
      - The other options belong to one type each (see each one); an option of another type
        fails before any request, also with O(state=absent).
    type: str
    required: true
    choices: [cloudwatch, datadog, prometheus]
  state:
    description:
      - V(present) enables the export (or changes it), V(absent) disables it.
      - Disabling takes no settings. With V(absent), O(role_arn), O(target_region),
        O(log_group_name), O(datadog_api_key), O(site) and O(update_datadog_api_key) (set to
        V(always)) are not used, and a warning says so.
    type: str
    choices: [present, absent]
    default: present
  role_arn:
    description:
      - The ARN of the IAM role that CockroachDB Cloud assumes to write the metrics, such as
        V(arn:aws:iam::123456789012:role/cockroach-metrics).
      - Only with O(type=cloudwatch), where it is required to enable the export; its shape is
        checked before any request.
    type: str
  target_region:
    description:
      - The AWS region that receives the metrics, such as V(us-east-1); by default the
        service picks the cluster's. Checked before any request.
      - Only with O(type=cloudwatch).
    type: str
  log_group_name:
    description:
      - The name of the CloudWatch log group that receives the metrics; by default the
        service's.
      - Only with O(type=cloudwatch).
    type: str
  datadog_api_key:
    description:
      - The Datadog API key the service sends the metrics with. (The option O(api_key) is the
        CockroachDB Cloud key of every module.)
      - Only with O(type=datadog).
      - Required to enable the export. Write-only, see O(update_datadog_api_key). The API takes
        the key with every change of the export, so changing O(site) also needs it.
    type: str
  update_datadog_api_key:
    description:
      - When to send O(datadog_api_key). The service never returns the key (at best a masked
        form), so the module cannot tell whether it changed.
      - V(on_create) sends it only when the export is enabled, or with another change;
        V(always) sends it on every run, which reports a change every time.
      - Only with O(type=datadog). V(always) with another type fails before any request (the
        default, V(on_create), cannot be told from leaving the option out).
    type: str
    choices: [on_create, always]
    default: on_create
  site:
    description:
      - The Datadog site that receives the metrics. The service's default is V(US1).
      - The CockroachDB Cloud service needs a site to enable the export; without this option, the
        module sends V(US1) there. It does not take V(AP1), which is refused before any change.
      - Only with O(type=datadog).
    type: str
    choices: [US1, US3, US5, US1_GOV, EU1, AP1]
  wait_timeout:
    description:
      - Seconds to wait for the cluster, and for the export to be enabled or disabled.
    type: int
    default: 1200
notes:
  - The statuses are C(ENABLING), C(ENABLED), C(DISABLING), C(NOT_DEPLOYED) (not enabled)
    and C(ERROR). The API answers a change while an export is C(ENABLING) or C(DISABLING)
    with HTTP 409, so the module waits for it first (with O(wait=true)).
  - A no-op costs one read of the export (plus one listing of the clusters when O(cluster)
    is a name, or one read of the cluster when it is an id).
  - The CockroachDB Cloud service may keep an C(external_id) for the CloudWatch role (set
    elsewhere; the module has no option for it). A change sends the whole export again, and
    that id with it, so the change keeps it.
seealso:
  - module: cockroachdb.cloud.cockroach_metric_export_info
  - module: cockroachdb.cloud.cockroach_log_export
  - name: Export metrics from a CockroachDB Advanced cluster
    description: The service's guide to the IAM role, the Datadog key and Prometheus scraping.
    link: https://www.cockroachlabs.com/docs/cockroachcloud/export-metrics-advanced
"""

EXAMPLES = r"""
- name: Send the metrics of a cluster on AWS to CloudWatch
  cockroachdb.cloud.cockroach_metric_export:
    cluster: orders-prod
    type: cloudwatch
    role_arn: arn:aws:iam::123456789012:role/cockroach-metrics
    target_region: us-east-1

- name: And to Datadog (the key from a vault)
  cockroachdb.cloud.cockroach_metric_export:
    cluster: orders-prod
    type: datadog
    datadog_api_key: "{{ vault_datadog_api_key | default('0123456789abcdef0123456789abcdef') }}"
    site: EU1

- name: Open a Prometheus scrape endpoint
  cockroachdb.cloud.cockroach_metric_export:
    cluster: orders-prod
    type: prometheus
  register: prometheus

- name: Show where to scrape
  ansible.builtin.debug:
    var: prometheus.metric_export.targets

- name: Stop sending metrics to CloudWatch (Datadog and Prometheus stay)
  cockroachdb.cloud.cockroach_metric_export:
    cluster: orders-prod
    type: cloudwatch
    state: absent
"""

RETURN = r"""
metric_export:
  description:
    - The export as the API returns it, after the change and the wait; in check mode, the
      predicted one. Empty when O(state=absent).
    - The API's fields depend on the type; the Datadog API key, if the API shows it at all,
      is masked.
  returned: always
  type: dict
  contains:
    cluster_id:
      description: Id of the cluster.
      type: str
    status:
      description: C(ENABLED) once settled; C(ENABLING) when O(wait=false).
      type: str
    role_arn:
      description: The IAM role (CloudWatch).
      type: str
      returned: for V(cloudwatch)
    target_region:
      description: The AWS region of the metrics (CloudWatch), when set.
      type: str
      returned: for V(cloudwatch)
    site:
      description: The Datadog site.
      type: str
      returned: for V(datadog)
    targets:
      description: The scrape URL of each region of the cluster (Prometheus), by region name.
      type: dict
      returned: for V(prometheus), except in check mode
  sample:
    cluster_id: 0b8d9c3a-8f2e-4d1b-a9e4-5c6f7a8b9c0d
    status: ENABLED
    role_arn: arn:aws:iam::123456789012:role/cockroach-metrics
    target_region: us-east-1
"""

from ansible_collections.cockroachdb.cloud.plugins.module_utils._module import ModuleTask, cluster_argument_spec
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.metric_export import (
    DATADOG_SITES,
    METRIC_EXPORTS,
    metric_export_task,
)

ARGUMENT_SPEC = cluster_argument_spec(
    1200,
    type=dict(type="str", required=True, choices=sorted(METRIC_EXPORTS)),
    state=dict(type="str", default="present", choices=["present", "absent"]),
    role_arn=dict(type="str"),
    target_region=dict(type="str"),
    log_group_name=dict(type="str"),
    datadog_api_key=dict(type="str", no_log=True),
    update_datadog_api_key=dict(type="str", default="on_create", choices=["on_create", "always"]),
    site=dict(type="str", choices=list(DATADOG_SITES)),
)


TASK = ModuleTask(ARGUMENT_SPEC, metric_export_task)


def main():
    TASK.main()


if __name__ == "__main__":
    main()
