# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""cockroach_folder's cases for the unit tests that go over every module (see _load.py)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.tests.unit.plugins.modules.cases._shared import UNKNOWN_ID, bad

#: test_bad_input.py: input the module refuses, each with the text of its message.
BAD_INPUT = [
    bad("path-root", "path is / (the organization's root, which is not a folder)", path="/"),
    bad("path-empty", "path must not be empty", path=""),
    bad("path-part-malformed", "path /team/a*b: part 'a*b' is not a folder name", path="/team/a*b"),
    bad("path-part-too-long", "is not a folder name: use 1 to 32 letters", path="/" + "x" * 33),
    bad("path-and-id", "parameters are mutually exclusive: path|id", path="/team", id=UNKNOWN_ID),
    bad("path-and-id-missing", "one of the following is required: path, id", new_path="/other"),
    bad("new-path-and-name", "parameters are mutually exclusive: new_path|name", path="/team", new_path="/x", name="y"),
    bad("new-path-empty", "new_path must not be empty", path="/team", new_path=""),
    bad("move-inside-itself", "folder /team cannot move to /team/sub, which is inside it", path="/team",
        new_path="/team/sub"),
    bad("name-malformed", "name 'a/b' is not a folder name", path="/team", name="a/b"),
    bad("parent-empty", "parent must not be empty", path="/team", parent=" "),
    bad("parents-with-absent", "parents only applies with state=present", path="/team", parents=True, state="absent"),
    bad("move-with-absent", "name and parent only apply with state=present, not with state=absent: to delete the "
                            "folder, leave them out", path="/team", name="x", parent="/", state="absent"),
    bad("id-empty", "id must not be empty", id=" "),
    bad("parent-does-not-exist", "folder /team does not exist, so /team/prod cannot be created", ["ListFolders"],
        path="/team/prod"),
    bad("parent-id-unknown", "parent: no folder with id nope (the organization has no folders)", ["ListFolders"],
        path="/team", parent="nope"),
    bad("id-unknown", "no folder with id %s" % UNKNOWN_ID, ["GetFolder"], id=UNKNOWN_ID),
]

#: test_bad_input.py: input the module accepts, which the connection options' cases complete.
VALID_INPUT = dict(path="/team")

#: test_options_used.py: where the module's ``only_with`` rules are declared (by name: a
#: description class of module_utils, or a name of the module itself).
RULES_FROM = ("Folder",)
