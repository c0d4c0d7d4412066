# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""cockroach_log_export's cases for the unit tests that go over every module (see _load.py)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.tests.unit.plugins.modules.cases._shared import ROLE_ARN, bad

#: test_bad_input.py: input the module refuses, each with the text of its message.
BAD_INPUT = [
    bad("principal-not-a-role", "auth_principal must be the ARN of an AWS IAM role", cluster="orders-db",
        type="AWS_CLOUDWATCH", auth_principal="bob"),
    bad("principal-not-a-project", "auth_principal must be a GCP project id", cluster="analytics",
        type="GCP_CLOUD_LOGGING", auth_principal="My Project"),
    bad("principal-empty", "auth_principal must not be empty", cluster="orders-db", auth_principal=" "),
    bad("log-name-empty", "log_name must not be empty", cluster="orders-db", auth_principal=ROLE_ARN, log_name=""),
    bad("region-empty", "region must not be empty", cluster="orders-db", auth_principal=ROLE_ARN, region=""),
    bad("region-not-aws", "region must be an AWS region such as us-east-1, got 'mars'", cluster="orders-db",
        type="AWS_CLOUDWATCH", auth_principal=ROLE_ARN, region="mars"),
    bad("channel-unknown", "omitted_channels: unknown log channel(s) NOPE", cluster="orders-db",
        auth_principal=ROLE_ARN, omitted_channels=["NOPE"]),
    bad("channel-twice", "omitted_channels must not repeat a channel", cluster="orders-db", auth_principal=ROLE_ARN,
        omitted_channels=["DEV", "DEV"]),
    bad("group-without-channels", "groups[0].channels must name at least one log channel", cluster="orders-db",
        auth_principal=ROLE_ARN, groups=[{"log_name": "sql", "channels": []}]),
    bad("group-log-name-twice", "groups[1]: log_name 'sql' is used by another group", cluster="orders-db",
        auth_principal=ROLE_ARN,
        groups=[{"log_name": "sql", "channels": ["DEV"]}, {"log_name": "sql", "channels": ["OPS"]}]),
    bad("group-log-name-empty", "groups[0] needs a log_name", cluster="orders-db", auth_principal=ROLE_ARN,
        groups=[{"log_name": "", "channels": ["DEV"]}]),
    bad("group-level-not-a-choice", ("value of min_level must be one of: INFO, UNSPECIFIED, WARNING, ERROR, FATAL, got: DEBUG",
                                     "groups"), cluster="orders-db", auth_principal=ROLE_ARN,
        groups=[{"log_name": "sql", "channels": ["DEV"], "min_level": "DEBUG"}]),
    bad("type-not-a-choice", "value of type must be one of: AWS_CLOUDWATCH, GCP_CLOUD_LOGGING, got: DATADOG",
        cluster="orders-db", type="DATADOG"),
    bad("serverless-cluster", "log export is only available on dedicated clusters; cluster web-app is serverless",
        ["ListClusters"], cluster="web-app", auth_principal="my-project-1"),
    bad("type-of-another-cloud", "type GCP_CLOUD_LOGGING does not fit cluster orders-db on AWS: use AWS_CLOUDWATCH",
        ["ListClusters", "GetLogExportInfo"], cluster="orders-db", type="GCP_CLOUD_LOGGING",
        auth_principal="my-project-1"),
    bad("create-without-principal", "to set up log export of cluster orders-db, also give: auth_principal",
        ["ListClusters", "GetLogExportInfo"], cluster="orders-db"),
]

#: test_bad_input.py: input the module accepts, which the connection options' cases complete.
VALID_INPUT = dict(cluster="orders-db")

#: test_options_used.py: where the module's ``only_with`` rules are declared (by name: a
#: description class of module_utils, or a name of the module itself).
RULES_FROM = ("LogExport",)
