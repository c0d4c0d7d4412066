# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""cockroach_user_info's cases for the unit tests that go over every module (see _load.py)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.tests.unit.plugins.modules.cases._shared import UNKNOWN_ID, bad, not_converted, unsupported

#: test_bad_input.py: input the module refuses, each with the text of its message.
BAD_INPUT = [
    bad("email-missing", "missing required arguments: email"),
    bad("email-empty", "email '' is not an email address (name@example.com)", email=""),
    bad("email-without-domain", "email 'alice' is not an email address", email="alice"),
    bad("email-without-tld", "email 'alice@example' is not an email address", email="alice@example"),
    bad("email-with-space", "email 'a b@example.com' is not an email address", email="a b@example.com"),
    bad("include-roles-not-a-bool", not_converted("include_roles", "bool"), email="alice@example.com",
        include_roles="sure"),
    bad("unknown-option", unsupported("cockroach_user_info", "id"), email="alice@example.com", id=UNKNOWN_ID),
]

#: test_bad_input.py: input the module accepts, which the connection options' cases complete.
VALID_INPUT = dict(email="alice@example.com")
