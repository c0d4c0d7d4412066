#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: cockroach_metric_export_info
short_description: Show the metric exports of a dedicated CockroachDB Cloud cluster
version_added: 0.2.0
description:
  - Shows the CloudWatch, Datadog and Prometheus metric exports of a dedicated cluster (or
    the one of O(type)), each as the API returns it, or empty when it is not enabled.
  - One read per type. A cluster that is not on AWS has no CloudWatch export; it shows
    empty without a request.
  - A serverless cluster has no metric export; asking for it fails.
author:
  - CockroachDB Cloud collection maintainers (@cockroachdb)
extends_documentation_fragment:
  - cockroachdb.cloud.cockroach
  - cockroachdb.cloud.cockroach.CLUSTER_INFO
  - cockroachdb.cloud.cockroach.ACTIONGROUP
  - cockroachdb.cloud.cockroach.INFO
options:
  type:
    description:
      - Only this export. By default, all three.
    type: str
    choices: [cloudwatch, datadog, prometheus]
seealso:
  - module: cockroachdb.cloud.cockroach_metric_export
"""

EXAMPLES = r"""
- name: Read the metric exports of a cluster
  cockroachdb.cloud.cockroach_metric_export_info:
    cluster: orders-prod
  register: metrics

- name: Warn when the Datadog export is not working
  ansible.builtin.debug:
    msg: "Datadog export of orders-prod is {{ metrics.metric_exports.datadog.status | default('not enabled') }}"
  when: metrics.metric_exports.datadog.status | default('') != 'ENABLED'

- name: Read only the Prometheus export
  cockroachdb.cloud.cockroach_metric_export_info:
    cluster: orders-prod
    type: prometheus
  register: prometheus
"""

RETURN = r"""
metric_exports:
  description:
    - The exports by type (V(cloudwatch), V(datadog), V(prometheus); only O(type) when it is
      given), each as the API returns it (see M(cockroachdb.cloud.cockroach_metric_export)),
      or empty when it is not enabled. The Datadog API key, if the API shows it at all, is
      masked.
  returned: always
  type: dict
  sample:
    cloudwatch: {}
    datadog:
      cluster_id: 0b8d9c3a-8f2e-4d1b-a9e4-5c6f7a8b9c0d
      status: ENABLED
      site: EU1
      api_key: "********"
    prometheus:
      cluster_id: 0b8d9c3a-8f2e-4d1b-a9e4-5c6f7a8b9c0d
      status: ENABLED
      targets:
        us-central1: https://cockroachlabs.cloud/api/v1/clusters/0b8d9c3a-8f2e-4d1b-a9e4-5c6f7a8b9c0d/metricexport/prometheus/us-central1/scrape
"""

from ansible_collections.cockroachdb.cloud.plugins.module_utils._module import ModuleTask, cluster_info_argument_spec
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.metric_export import (
    METRIC_EXPORTS,
    metric_export_info,
)

ARGUMENT_SPEC = cluster_info_argument_spec(type=dict(type="str", choices=sorted(METRIC_EXPORTS)))


TASK = ModuleTask(ARGUMENT_SPEC, metric_export_info)


def main():
    TASK.main()


if __name__ == "__main__":
    main()
