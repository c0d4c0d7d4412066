# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""cockroach_metric_export's cases for the unit tests that go over every module (see _load.py)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.tests.unit.plugins.modules.cases._shared import ROLE_ARN, bad

#: test_bad_input.py: input the module refuses, each with the text of its message.
BAD_INPUT = [
    bad("role-arn-malformed", "role_arn must be the ARN of an AWS IAM role", cluster="orders-db", type="cloudwatch",
        role_arn="arn:aws:iam::role/x"),
    bad("target-region-not-aws", "target_region must be an AWS region such as us-east-1, got 'mars'",
        cluster="orders-db", type="cloudwatch", role_arn=ROLE_ARN, target_region="mars"),
    bad("log-group-blank", "log_group_name must not be empty", cluster="orders-db", type="cloudwatch",
        role_arn=ROLE_ARN, log_group_name=" "),
    bad("datadog-option-on-cloudwatch", "site only applies with type=datadog, not with type=cloudwatch: leave it out",
        cluster="orders-db", type="cloudwatch", role_arn=ROLE_ARN, site="US1"),
    bad("cloudwatch-option-on-datadog", "role_arn only applies with type=cloudwatch, not with type=datadog",
        cluster="orders-db", type="datadog", datadog_api_key="dd-key", role_arn=ROLE_ARN),
    bad("option-on-prometheus", "site only applies with type=datadog, not with type=prometheus", cluster="orders-db",
        type="prometheus", site="US1"),
    # Issue 20: update_datadog_api_key belongs to datadog too (its default, on_create, is no choice of the task's).
    bad("update-datadog-key-on-cloudwatch", "update_datadog_api_key only applies with type=datadog, not with "
                                            "type=cloudwatch: leave it out", cluster="orders-db", type="cloudwatch",
        role_arn=ROLE_ARN, update_datadog_api_key="always"),
    bad("update-datadog-key-on-prometheus", "update_datadog_api_key only applies with type=datadog, not with "
                                            "type=prometheus", cluster="orders-db", type="prometheus",
        update_datadog_api_key="always"),
    bad("options-of-two-other-types", ("role_arn and target_region only apply with type=cloudwatch, not with "
                                       "type=prometheus", "site only applies with type=datadog"),
        cluster="orders-db", type="prometheus", role_arn=ROLE_ARN, target_region="us-east-1", site="US1"),
    # ... whatever the state: disabling an export takes no option of another type either.
    bad("datadog-option-on-cloudwatch-absent", "site only applies with type=datadog, not with type=cloudwatch",
        cluster="orders-db", type="cloudwatch", state="absent", site="EU1"),
    bad("update-datadog-key-on-cloudwatch-absent", "update_datadog_api_key only applies with type=datadog",
        cluster="orders-db", type="cloudwatch", state="absent", update_datadog_api_key="always"),
    bad("datadog-key-blank", "datadog_api_key must not be empty", cluster="orders-db", type="datadog",
        datadog_api_key=" "),
    bad("always-without-datadog-key", "update_datadog_api_key=always needs a datadog_api_key", cluster="orders-db",
        type="datadog", update_datadog_api_key="always"),
    bad("site-not-a-choice", "value of site must be one of: US1, US3, US5, US1_GOV, EU1, AP1, got: MARS",
        cluster="orders-db", type="datadog", datadog_api_key="dd-key", site="MARS"),
    bad("type-missing", "missing required arguments: type", cluster="orders-db"),
    bad("type-not-a-choice", "value of type must be one of: cloudwatch, datadog, prometheus, got: newrelic",
        cluster="orders-db", type="newrelic"),
    bad("cloudwatch-not-on-aws", "CloudWatch metric export is only available for clusters on AWS; cluster analytics",
        ["ListClusters"], cluster="analytics", type="cloudwatch", role_arn=ROLE_ARN),
    bad("serverless-cluster", "Prometheus metric export is only available on dedicated clusters", ["ListClusters"],
        cluster="web-app", type="prometheus"),
    bad("create-without-role-arn", "to set up CloudWatch metric export of cluster orders-db, also give: role_arn",
        ["ListClusters", "GetCloudWatchMetricExportInfo"], cluster="orders-db", type="cloudwatch"),
]

#: test_bad_input.py: input the module accepts, which the connection options' cases complete.
VALID_INPUT = dict(cluster="orders-db", type="prometheus")

#: test_options_used.py: where the module's ``only_with`` rules are declared (by name: a
#: description class of module_utils, or a name of the module itself).
RULES_FROM = ("MetricExport",)
