# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""cockroach_organization_info's cases for the unit tests that go over every module (see _load.py)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.tests.unit.plugins.modules.cases._shared import bad, not_converted, unsupported

#: test_bad_input.py: input the module refuses, each with the text of its message.
BAD_INPUT = [
    bad("unknown-option", unsupported("cockroach_organization_info", "name"), name="emulated-org"),
    bad("request-timeout-zero", "request_timeout must be more than 0 seconds", request_timeout=0),
    bad("request-timeout-not-a-number", not_converted("request_timeout", "float"), request_timeout="soon"),
    bad("validate-certs-not-a-bool", not_converted("validate_certs", "bool"), validate_certs="sometimes"),
    bad("api-key-empty", "no API key", api_key=""),
    bad("plain-http-to-a-remote-host", "refusing to send the API key in clear text", api_url="http://10.1.2.3:8080"),
    bad("api-version-unknown", "GET /api/v1/organization failed with HTTP 400", ["GetOrganizationInfo"],
        api_version="1999-01-01"),
]
