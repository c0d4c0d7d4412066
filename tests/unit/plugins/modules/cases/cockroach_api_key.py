# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""cockroach_api_key's cases for the unit tests that go over every module (see _load.py)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.tests.unit.plugins.modules.cases._shared import bad, not_converted

#: test_bad_input.py: input the module refuses, each with the text of its message.
BAD_INPUT = [
    bad("name-without-service-account", "service_account is needed to find API key 'ci' by name", name="ci"),
    bad("name-empty", "name must not be empty", name="", service_account="robot"),
    bad("name-too-long", "name must be at most 100 characters, got 101", name="k" * 101, service_account="robot"),
    bad("service-account-empty", "service_account must not be empty", name="ci", service_account=" "),
    bad("new-name-and-id", "parameters are mutually exclusive: new_name|id", id="CCDB1_abc", new_name="ci2"),
    bad("name-and-id-missing", "one of the following is required: name, id", service_account="robot"),
    bad("id-empty", "id must not be empty", id=" "),
    bad("secret-file-with-absent", "secret_file only applies with state=present", name="ci", service_account="robot",
        secret_file="/tmp/ci.key", state="absent"),
    bad("fail-on-lost-secret-with-absent", "fail_on_lost_secret only applies with state=present: to delete the key, "
        "leave it out", name="ci", service_account="robot", fail_on_lost_secret=True, state="absent"),
    bad("fail-on-lost-secret-not-a-bool", not_converted("fail_on_lost_secret", "bool"), name="ci",
        service_account="robot", fail_on_lost_secret="maybe"),
    bad("secret-file-empty", "secret_file must not be empty", name="ci", service_account="robot", secret_file=" "),
    bad("secret-file-a-directory", "secret_file / is a directory", name="ci", service_account="robot",
        secret_file="/"),
    bad("secret-file-directory-missing", "the directory of secret_file /nonexistent/dir/ci.key does not exist",
        name="ci", service_account="robot", secret_file="/nonexistent/dir/ci.key"),
    bad("service-account-unknown", "no service account named 'ghost' among 1 service account",
        ["ListServiceAccounts"], name="ci", service_account="ghost"),
    bad("id-unknown", "no API key with id CCDB1_nope", ["GetApiKey"], id="CCDB1_nope"),
]

#: test_bad_input.py: input the module accepts, which the connection options' cases complete.
VALID_INPUT = dict(name="ci", service_account="robot")
