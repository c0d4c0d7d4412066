# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.plugins.module_utils._times import parse_time


def test_parse_time_reads_offsets_and_fractions():
    assert parse_time("2026-11-28T12:00:00+02:00") == parse_time("2026-11-28T10:00:00Z")
    assert parse_time("2026-11-28T10:00:00.5Z").microsecond == 500000
