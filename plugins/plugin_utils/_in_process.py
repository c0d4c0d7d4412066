# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This plugin_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""The action plugin of every module of the collection (``meta/runtime.yml`` routes each
module to ``plugins/action/cockroach_cluster.py``, a subclass of InProcessAction): it runs the
module's task in the controller's worker process, without starting a module process
(AnsiballZ), and gives the same result as the module would: the module's own argument spec
validated by ansible-core's ArgumentSpecValidator (environment fallbacks from the
controller's environment plus the task's ``environment:``), ``changed``, the resource,
``diff``, warnings, ``invocation``, check mode, and ``no_log`` values masked.

It runs the module itself (the normal way) when the task cannot run here: delegated to a
host whose connection is not local, ``async``, the Python library ``requests`` missing on
the controller, or asked for with ``COCKROACH_IN_PROCESS=false`` (environment of the
controller) or the variable ``cockroach_in_process: false``.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import contextlib
import importlib
import os

from ansible.module_utils.parsing.convert_bool import boolean
from ansible.plugins.action import ActionBase
from ansible.utils.display import Display

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import HAS_REQUESTS
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.runner import client_for, run_in_process
from ansible_collections.cockroachdb.cloud.plugins.plugin_utils._progress import Progress

display = Display()
SWITCH_ENV = "COCKROACH_IN_PROCESS"
SWITCH_VAR = "cockroach_in_process"
MODULES_PACKAGE = "ansible_collections.cockroachdb.cloud.plugins.modules"
LOCAL_CONNECTIONS = ("local", "ansible.builtin.local")


@contextlib.contextmanager
def environment(values):
    """``os.environ`` with ``values`` added, for the duration (env fallbacks read it)."""
    saved = dict(os.environ)
    os.environ.update(dict((str(k), str(v)) for k, v in values.items()))
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def module_task(module):
    """The ModuleTask of the module named ``module`` (its FQCN), imported once per process."""
    return importlib.import_module("%s.%s" % (MODULES_PACKAGE, module.rpartition(".")[2])).TASK


def load_every_module():
    """Imports every module of the collection (their TASKs and module_utils). Called where the
    action plugin is imported, in ansible-playbook's main process: the workers it forks for the
    tasks find them loaded, so no task pays for an import (as the action plugin of each module
    did when there was one per module)."""
    for folder in importlib.import_module(MODULES_PACKAGE).__path__:
        for name in sorted(os.listdir(folder)):
            if name.endswith(".py") and not name.startswith("_"):
                module_task(name[:-3])


def hide_secret_results(result, keys):
    """``result``, hidden from Ansible's output (as with ``no_log: true``: callbacks show only
    ``changed`` and that it was censored) when one of ``keys`` holds a value. The registered
    result keeps everything: a task that must return a secret once (an API key's) can."""
    if any(result.get(key) is not None for key in keys):
        result["_ansible_no_log"] = True
    return result


class InProcessAction(ActionBase):
    """See the module docstring."""

    # An async task runs as a module (module_mode_reason); without this, ActionBase.run refuses
    # it: "This action (...) does not support async".
    _supports_async = True

    def __init__(self, *args, **kwargs):
        super(InProcessAction, self).__init__(*args, **kwargs)
        self._module_fqcn = None

    def run(self, tmp=None, task_vars=None):
        task_vars = task_vars or {}
        reason = self.module_mode_reason(task_vars)
        if reason:
            display.vvv("%s runs as a module: %s" % (self.module_name(), reason))
            return hide_secret_results(self.run_module(task_vars), self.task_definition().secret_results)
        result = super(InProcessAction, self).run(tmp, task_vars)
        result.update(self.run_here(task_vars.get("inventory_hostname", "")))
        return hide_secret_results(result, self.task_definition().secret_results)

    # -- which module --------------------------------------------------------------------------------
    def module_name(self):
        """The FQCN of the module the task runs, however the task names it (a short name found
        through ``collections:``), resolved as the task executor resolves it. Not the task's
        ``resolved_action``: before ansible-core 2.19 that is this action plugin's name."""
        if self._module_fqcn is None:
            self._module_fqcn = self._shared_loader_obj.module_loader.find_plugin_with_context(
                self._task.action, collection_list=self._task.collections, ignore_deprecated=True).resolved_fqcn
        return self._module_fqcn

    def task_definition(self):
        """The module's ModuleTask."""
        return module_task(self.module_name())

    # -- where to run --------------------------------------------------------------------------------
    def module_mode_reason(self, task_vars):
        """Why the task must run as a module, or None when it can run here."""
        if not boolean(os.environ.get(SWITCH_ENV, "true"), strict=False):
            return "%s=%s" % (SWITCH_ENV, os.environ[SWITCH_ENV])
        if SWITCH_VAR in task_vars and not boolean(task_vars[SWITCH_VAR], strict=False):
            return "%s is false" % SWITCH_VAR
        if self._task.async_val:
            return "async"
        connection = self._play_context.connection or ""
        if connection not in LOCAL_CONNECTIONS and connection.rpartition(".")[2] != "local":
            return "the connection is %s, not local" % connection
        if not HAS_REQUESTS:
            return "the Python library requests is not installed on the controller"
        return None

    def run_module(self, task_vars):
        result = super(InProcessAction, self).run(None, task_vars)
        result.update(self._execute_module(module_name=self.module_name(), module_args=self._task.args,
                                           task_vars=task_vars, wrap_async=self._task.async_val))
        return result

    # -- running here ------------------------------------------------------------------------------
    def run_here(self, host):
        """The task's result. It runs in the task's ``environment:`` (on top of the controller's),
        as a module would: environment fallbacks and COCKROACH_* settings see it."""
        env = {}
        self._compute_environment_string(env)
        with environment(env):
            return self.run_in_environment(host)

    def run_in_environment(self, host):
        def make_client(params):
            client = client_for(params)
            client.progress = Progress(self._task.get_name(), host, display.display)
            return client
        return run_in_process(self.task_definition(), self._task.args, self.module_name(), make_client,
                              check_mode=bool(self._task.check_mode), diff=bool(self._task.diff))
