#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: cockroach_log_export
short_description: Export the logs of a dedicated CockroachDB Cloud cluster to CloudWatch or Cloud Logging
version_added: 0.2.0
description:
  - Enables, changes and disables the log export of a dedicated cluster, to AWS CloudWatch
    (clusters on AWS) or GCP Cloud Logging (clusters on GCP).
  - A change sends the whole configuration again (the API replaces it); the module then
    waits until the export is C(ENABLED) again. Disabling waits until it is gone.
  - Serverless clusters and Azure clusters have no log export; asking for one fails before
    any change.
  - An option that is not set is not managed, except at creation, where the service fills
    in its defaults (O(log_name=cockroachdb), O(redact=false), no groups).
author:
  - CockroachDB Cloud collection maintainers (@cockroachdb)
extends_documentation_fragment:
  - cockroachdb.cloud.cockroach
  - cockroachdb.cloud.cockroach.CLUSTER
  - cockroachdb.cloud.cockroach.WAIT
  - cockroachdb.cloud.cockroach.ACTIONGROUP
  - cockroachdb.cloud.cockroach.CHECK_MODE_DIFF
options:
  state:
    description:
      - V(present) enables the log export (or changes it), V(absent) disables it.
      - Disabling takes no settings. With V(absent), O(type), O(auth_principal), O(log_name),
        O(region), O(redact), O(omitted_channels) and O(groups) are not used, and a warning
        says so.
    type: str
    choices: [present, absent]
    default: present
  type:
    description:
      - Where the logs go. Defaults to the one of the cluster's cloud provider; the other
        one fails before any change.
    type: str
    choices: [AWS_CLOUDWATCH, GCP_CLOUD_LOGGING]
  auth_principal:
    description:
      - Who CockroachDB Cloud acts as to write the logs. For V(AWS_CLOUDWATCH), the ARN of an
        IAM role it can assume (V(arn:aws:iam::123456789012:role/cockroach-logs)); for
        V(GCP_CLOUD_LOGGING), the id of the GCP project that receives the logs.
      - Required to enable the export; checked before any request.
    type: str
  log_name:
    description:
      - Name of the log group (CloudWatch) or log (Cloud Logging) that receives the logs
        that no group of O(groups) takes. The service's default is V(cockroachdb).
      - The CockroachDB Cloud service needs a name to enable the export; without this option,
        the module sends V(cockroachdb) there. A change sends the current name again.
    type: str
  region:
    description:
      - Region of the log destination (for CloudWatch, an AWS region such as V(us-east-1));
        by default the cluster's region.
    type: str
  redact:
    description:
      - Whether to redact personally identifiable information from the logs. Groups that do
        not set O(groups[].redact) take this value.
    type: bool
  omitted_channels:
    description:
      - Log channels not to export at all, such as V(SESSIONS) or V(SQL_EXEC). Compared as a
        set.
    type: list
    elements: str
  groups:
    description:
      - Channels sent to a log of their own, the whole list (compared without regard to
        order). An empty list removes every group.
    type: list
    elements: dict
    suboptions:
      log_name:
        description: Name of the log that receives these channels; unique among the groups.
        type: str
        required: true
      channels:
        description: The log channels of the group, at least one, such as V(SQL_SCHEMA).
        type: list
        elements: str
        required: true
      min_level:
        description:
          - The lowest severity exported. V(INFO) exports every log.
          - V(UNSPECIFIED) is the CockroachDB Cloud service's word for V(INFO) (every log); the two
            are one level, sent to the service as C(UNSPECIFIED) and to an API that speaks the
            project's contract as C(INFO), and shown as V(INFO) in the diff. A group the service
            shows as C(UNSPECIFIED), or without a level, reads as V(INFO), so a re-run changes nothing.
        type: str
        choices: [INFO, UNSPECIFIED, WARNING, ERROR, FATAL]
        default: INFO
      redact:
        description: Whether to redact this group's logs; defaults to O(redact).
        type: bool
  wait_timeout:
    description:
      - Seconds to wait for the cluster, and for the export to be enabled or disabled.
    type: int
    default: 1200
notes:
  - The log channels are C(DEV), C(OPS), C(HEALTH), C(STORAGE), C(SESSIONS), C(SQL_SCHEMA),
    C(USER_ADMIN), C(PRIVILEGES), C(SENSITIVE_ACCESS), C(SQL_EXEC), C(SQL_PERF),
    C(SQL_INTERNAL_PERF), C(TELEMETRY) and C(KV_DISTRIBUTION).
  - A no-op costs one read of the export (plus one listing of the clusters when O(cluster)
    is a name, or one read of the cluster when it is an id).
  - The CockroachDB Cloud service may keep an C(aws_external_id) for the AWS role (set
    elsewhere; the module has no option for it). A change sends the whole configuration
    again, and that id with it, so the change keeps it.
seealso:
  - module: cockroachdb.cloud.cockroach_log_export_info
  - name: Export logs from a CockroachDB Dedicated cluster
    description: The service's guide to the IAM role and the GCP project setup.
    link: https://www.cockroachlabs.com/docs/cockroachcloud/export-logs
"""

EXAMPLES = r"""
- name: Send the logs of an AWS cluster to CloudWatch, SQL audit logs to a group of their own
  cockroachdb.cloud.cockroach_log_export:
    cluster: orders-prod
    auth_principal: arn:aws:iam::123456789012:role/cockroach-logs
    log_name: orders-prod
    redact: true
    omitted_channels: [SESSIONS]
    groups:
      - log_name: orders-prod-audit
        channels: [SENSITIVE_ACCESS, USER_ADMIN, PRIVILEGES]
        min_level: INFO
        redact: false

- name: Send the logs of a GCP cluster to Cloud Logging in another project
  cockroachdb.cloud.cockroach_log_export:
    cluster: analytics-eu
    type: GCP_CLOUD_LOGGING
    auth_principal: platform-logging-prod

- name: Stop exporting logs
  cockroachdb.cloud.cockroach_log_export:
    cluster: orders-prod
    state: absent
"""

RETURN = r"""
log_export:
  description:
    - The log export as the API returns it, after the change and the wait; in check mode,
      the predicted one. Empty when O(state=absent).
  returned: always
  type: dict
  contains:
    cluster_id:
      description: Id of the cluster.
      type: str
    status:
      description: C(ENABLED) once settled; C(ENABLING) when O(wait=false).
      type: str
    spec:
      description:
        - The configuration, with the service's defaults filled in, as the API shows it (the
          CockroachDB Cloud service shows a group's level V(INFO) as C(UNSPECIFIED), or leaves it out).
      type: dict
    created_at:
      description: When the export was first enabled.
      type: str
    updated_at:
      description: When it last changed.
      type: str
  sample:
    cluster_id: 0b8d9c3a-8f2e-4d1b-a9e4-5c6f7a8b9c0d
    status: ENABLED
    spec:
      type: AWS_CLOUDWATCH
      log_name: orders-prod
      auth_principal: arn:aws:iam::123456789012:role/cockroach-logs
      redact: true
      omitted_channels: [SESSIONS]
      groups:
        - {log_name: orders-prod-audit, channels: [PRIVILEGES, SENSITIVE_ACCESS, USER_ADMIN], min_level: INFO, redact: false}
    created_at: "2026-11-28T10:00:00.000000Z"
    updated_at: "2026-11-28T10:00:00.000000Z"
"""

from ansible_collections.cockroachdb.cloud.plugins.module_utils._module import ModuleTask, cluster_argument_spec
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.log_export import LogExport

ARGUMENT_SPEC = cluster_argument_spec(
    1200,
    state=dict(type="str", default="present", choices=["present", "absent"]),
    type=dict(type="str", choices=["AWS_CLOUDWATCH", "GCP_CLOUD_LOGGING"]),
    auth_principal=dict(type="str"),
    log_name=dict(type="str"),
    region=dict(type="str"),
    redact=dict(type="bool"),
    omitted_channels=dict(type="list", elements="str"),
    groups=dict(type="list", elements="dict", options=dict(
        log_name=dict(type="str", required=True),
        channels=dict(type="list", elements="str", required=True),
        min_level=dict(type="str", default="INFO", choices=["INFO", "UNSPECIFIED", "WARNING", "ERROR", "FATAL"]),
        redact=dict(type="bool"),
    )),
)


TASK = ModuleTask(ARGUMENT_SPEC, LogExport.task)


def main():
    TASK.main()


if __name__ == "__main__":
    main()
