# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""cockroach_service_account_info's cases for the unit tests that go over every module (see _load.py)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.tests.unit.plugins.modules.cases._shared import bad, unsupported

#: test_bad_input.py: input the module refuses, each with the text of its message.
BAD_INPUT = [
    bad("name-empty", "name must not be empty: leave it out to list every service account", name=""),
    bad("id-empty", "id must not be empty: leave it out to list every service account", id=" "),
    bad("unknown-option", unsupported("cockroach_service_account_info", "description"), description="CI"),
    bad("api-key-blank", "no API key", api_key=" "),
    bad("request-timeout-negative", "request_timeout must be more than 0 seconds", request_timeout=-1),
]
