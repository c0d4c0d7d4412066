# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""cockroach_audit_log_info's cases for the unit tests that go over every module (see _load.py)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.tests.unit.plugins.modules.cases._shared import EARLIER, WHEN, bad, not_converted

#: test_bad_input.py: input the module refuses, each with the text of its message.
BAD_INPUT = [
    bad("since-not-a-time", "since must be an RFC 3339 time such as 2026-11-28T10:00:00Z, got 'yesterday'",
        since="yesterday"),
    bad("since-a-date", "since must be an RFC 3339 time", since="2026-11-28"),
    bad("since-empty", "since must be an RFC 3339 time such as 2026-11-28T10:00:00Z, got ''", since=""),
    bad("until-month-13", "until must be an RFC 3339 time", until="2026-13-01T00:00:00Z"),
    bad("since-after-until", "since (2026-11-28T10:00:00Z) must be before until (2026-11-27T10:00:00Z)",
        since=WHEN, until=EARLIER),
    bad("limit-zero", "limit must be at least 1", limit=0),
    bad("limit-not-a-number", not_converted("limit", "int"), limit="many"),
    bad("page-size-too-large", "page_size must be between 1 and 1000, got 5000", page_size=5000),
    bad("page-size-zero", "page_size must be between 1 and 1000, got 0", page_size=0),
    bad("sort-order-not-a-choice", "value of sort_order must be one of: ASC, DESC, got: up", sort_order="up"),
]
