# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""cockroach_jwt_issuer_info's cases for the unit tests that go over every module (see _load.py)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.tests.unit.plugins.modules.cases._shared import bad, not_converted, unsupported

#: test_bad_input.py: input the module refuses, each with the text of its message.
BAD_INPUT = [
    bad("issuer-url-empty", "issuer_url must not be empty: leave it out to list every JWT issuer", issuer_url=""),
    bad("id-empty", "id must not be empty: leave it out to list every JWT issuer", id=" "),
    bad("unknown-option", unsupported("cockroach_jwt_issuer_info", "jwks_id"), jwks_id="k"),
    bad("request-timeout-not-a-number", not_converted("request_timeout", "float"), request_timeout="1 minute"),
    bad("validate-certs-not-a-bool", not_converted("validate_certs", "bool"), validate_certs="maybe"),
]
