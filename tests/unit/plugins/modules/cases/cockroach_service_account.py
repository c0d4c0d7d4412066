# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""cockroach_service_account's cases for the unit tests that go over every module (see _load.py)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.tests.unit.plugins.modules.cases._shared import UNKNOWN_ID, bad

#: test_bad_input.py: input the module refuses, each with the text of its message.
BAD_INPUT = [
    bad("name-empty", "name must not be empty", name=""),
    bad("name-too-long", "name must be at most 255 characters, got 256", name="x" * 256),
    bad("description-too-long", "description must be at most 1024 characters, got 1025", name="robot",
        description="d" * 1025),
    bad("new-name-empty", "new_name must not be empty", name="robot", new_name=" "),
    bad("new-name-with-absent", "new_name only applies with state=present", name="robot", new_name="bot",
        state="absent"),
    bad("new-name-and-id", "parameters are mutually exclusive: new_name|id", id=UNKNOWN_ID, new_name="bot"),
    bad("name-and-id-missing", "one of the following is required: name, id", description="CI"),
    bad("id-empty", "id must not be empty", id=" "),
    bad("rename-of-nothing", "service account 'ghost' does not exist, so it cannot be renamed to 'bot'",
        ["ListServiceAccounts"], name="ghost", new_name="bot"),
    bad("id-unknown", "no service account with id %s" % UNKNOWN_ID, ["GetServiceAccount"], id=UNKNOWN_ID,
        description="CI"),
]

#: test_bad_input.py: input the module accepts, which the connection options' cases complete.
VALID_INPUT = dict(name="robot")

#: test_options_used.py: where the module's ``only_with`` rules are declared (by name: a
#: description class of module_utils, or a name of the module itself).
RULES_FROM = ("ServiceAccount",)
