# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""cockroach_folder_info's cases for the unit tests that go over every module (see _load.py)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.tests.unit.plugins.modules.cases._shared import UNKNOWN_ID, bad, not_converted

#: test_bad_input.py: input the module refuses, each with the text of its message.
BAD_INPUT = [
    bad("path-empty", "path must not be empty", path=" "),
    bad("path-part-malformed", "path /team/a*b: part 'a*b' is not a folder name", path="/team/a*b"),
    bad("id-empty", "id must not be empty", id=""),
    bad("path-and-id", "parameters are mutually exclusive: path|id", path="/team", id=UNKNOWN_ID),
    bad("contents-without-folder", "contents needs the folder: give its path", contents=True),
    bad("contents-not-a-bool", not_converted("contents", "bool"), path="/", contents="all"),
]
