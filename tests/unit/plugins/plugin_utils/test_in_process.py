# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""plugin_utils/_in_process: a result that holds a secret the task must return (an API key's,
once) is hidden from Ansible's output as with no_log, and only such a result; every module
runs through the one action plugin, which finds the module the task names."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest
from ansible.playbook.task import Task
from ansible.plugins import loader as plugin_loader
from ansible.plugins.loader import action_loader, module_loader

from ansible_collections.cockroachdb.cloud.plugins.modules import cockroach_api_key, cockroach_database, cockroach_service_account
from ansible_collections.cockroachdb.cloud.plugins.plugin_utils._in_process import InProcessAction, hide_secret_results
from ansible_collections.cockroachdb.cloud.tests.unit.layout import MODULES


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


def test_this_release_runs_every_module_through_the_shared_action_plugin():
    # meta/runtime.yml's action_plugin, as this ansible-core release's loader reads it
    for module in MODULES:
        context = module_loader.find_plugin_with_context("cockroachdb.cloud." + module)
        assert context.resolved and context.action_plugin == "cockroachdb.cloud.cockroach_cluster", module
    assert issubclass(action_loader.get("cockroachdb.cloud.cockroach_cluster", class_only=True), InProcessAction)


@pytest.mark.parametrize("action, collections", [("cockroachdb.cloud.cockroach_database", None),
                                                 ("cockroach_database", ["cockroachdb.cloud"])])
def test_the_action_plugin_runs_the_module_the_task_names(action, collections):
    task = Task()
    task.action, task.collections = action, collections
    plugin = InProcessAction(task, None, None, None, None, plugin_loader)
    assert plugin.module_name() == "cockroachdb.cloud.cockroach_database"
    assert plugin.task_definition() is cockroach_database.TASK
