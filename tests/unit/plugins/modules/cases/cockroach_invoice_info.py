# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""cockroach_invoice_info's cases for the unit tests that go over every module (see _load.py)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.tests.unit.plugins.modules.cases._shared import WHEN, bad, unsupported

#: test_bad_input.py: input the module refuses, each with the text of its message.
BAD_INPUT = [
    bad("id-empty", "id must not be empty", id=" "),
    bad("status-not-a-choice", "value of status must be one of: Finalized, Draft, FINALIZED, DRAFT, got: Paid", status="Paid"),
    bad("status-lowercase", "value of status must be one of: Finalized, Draft, FINALIZED, DRAFT, got: draft", status="draft"),
    bad("id-and-status", "parameters are mutually exclusive: id|status", id="inv-1", status="Draft"),
    bad("unknown-option", unsupported("cockroach_invoice_info", "since"), since=WHEN),
]
