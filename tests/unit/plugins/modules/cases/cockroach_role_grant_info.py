# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""cockroach_role_grant_info's cases for the unit tests that go over every module (see _load.py)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.tests.unit.plugins.modules.cases._shared import NEITHER_EMAIL_NOR_ID, bad, unsupported

#: test_bad_input.py: input the module refuses, each with the text of its message.
BAD_INPUT = [
    bad("user-empty", "user must not be empty", user=""),
    bad("user-not-an-email", "user 'a@' is not an email address", user="a@"),
    bad("user-neither-email-nor-id", NEITHER_EMAIL_NOR_ID, user="carol.example.com"),
    bad("service-account-blank", "service_account must not be empty", service_account=" "),
    bad("user-and-service-account", "parameters are mutually exclusive: user|service_account",
        user="alice@example.com", service_account="robot"),
    bad("unknown-option", unsupported("cockroach_role_grant_info", "role"), role="ORG_ADMIN"),
]
