# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""cockroach_cluster_version_info's cases for the unit tests that go over every module (see _load.py)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.tests.unit.plugins.modules.cases._shared import bad, not_converted, unsupported

#: test_bad_input.py: input the module refuses, each with the text of its message.
BAD_INPUT = [
    bad("unknown-option", unsupported("cockroach_cluster_version_info", "cluster"), cluster="web-app"),
    bad("request-timeout-negative", "request_timeout must be more than 0 seconds", request_timeout=-5),
    bad("request-timeout-not-a-number", not_converted("request_timeout", "float"), request_timeout="soon"),
    bad("api-key-blank", "no API key: set the api_key option or the COCKROACH_API_KEY environment variable",
        api_key="  "),
    bad("plain-http-to-a-remote-host", "refusing to send the API key in clear text to api.example.com",
        api_url="http://api.example.com"),
    bad("api-version-unknown", "GET /api/v1/cluster-versions failed with HTTP 400", ["ListMajorClusterVersions"],
        api_version="1999-01-01"),
]
