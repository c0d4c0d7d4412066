# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""plugin_utils/_in_process: a result that holds a secret the task must return (an API key's,
once) is hidden from Ansible's output as with no_log, and only such a result."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.plugins.modules import cockroach_api_key, cockroach_service_account
from ansible_collections.cockroachdb.cloud.plugins.plugin_utils._in_process import hide_secret_results


def test_a_result_with_a_secret_is_hidden_from_the_output():
    keys = cockroach_api_key.TASK.secret_results
    assert keys == ("secret",)
    created = hide_secret_results({"changed": True, "api_key": {"id": "CCDB1_x"}, "secret": "CCDB1_x_y"}, keys)
    assert created["_ansible_no_log"] is True and created["secret"] == "CCDB1_x_y"  # registered whole


def test_a_result_without_one_is_shown():
    keys = cockroach_api_key.TASK.secret_results
    assert "_ansible_no_log" not in hide_secret_results({"changed": False, "api_key": {"id": "CCDB1_x"}}, keys)
    assert cockroach_service_account.TASK.secret_results == ()
    assert "_ansible_no_log" not in hide_secret_results({"changed": True, "secret": "s"}, ())
