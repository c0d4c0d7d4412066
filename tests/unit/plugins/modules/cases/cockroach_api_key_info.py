# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""cockroach_api_key_info's cases for the unit tests that go over every module (see _load.py)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.tests.unit.plugins.modules.cases._shared import bad, unsupported

#: test_bad_input.py: input the module refuses, each with the text of its message.
BAD_INPUT = [
    bad("name-empty", "name must not be empty: leave it out to list every API key", name=""),
    bad("id-empty", "id must not be empty: leave it out to list every API key", id=" "),
    bad("service-account-empty", "service_account must not be empty", service_account=""),
    bad("unknown-option", unsupported("cockroach_api_key_info", "state"), state="present"),
    bad("request-timeout-negative", "request_timeout must be more than 0 seconds, got -1", request_timeout=-1),
]
