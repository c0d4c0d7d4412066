# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""cockroach_region_info's cases for the unit tests that go over every module (see _load.py)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.tests.unit.plugins.modules.cases._shared import bad, not_converted, unsupported

#: test_bad_input.py: input the module refuses, each with the text of its message.
BAD_INPUT = [
    bad("provider-lowercase", "value of cloud_provider must be one of: AWS, GCP, AZURE, got: aws",
        cloud_provider="aws"),
    bad("provider-unknown", "value of cloud_provider must be one of: AWS, GCP, AZURE, got: IBM", cloud_provider="IBM"),
    bad("serverless-not-a-bool", not_converted("serverless", "bool"), serverless="sure"),
    bad("unknown-option", unsupported("cockroach_region_info", "name"), name="us-east-1"),
    bad("provider-a-list", "value of cloud_provider must be one of", cloud_provider=["AWS", "GCP"]),
]
