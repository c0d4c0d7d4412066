# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
name: molecule_runs
type: aggregate
short_description: Records each playbook run of a molecule scenario for check_mode_audit.yml
description:
  - A test helper of the roles' molecule scenarios. For each run it appends to
    C(runs.json) in E(MOLECULE_EPHEMERAL_DIRECTORY) whether it ran in check mode, the name
    of every task as the output shows it (with the label of each loop item), the tasks that
    changed or failed, and the changing requests that the emulator at E(COCKROACH_SERVER)
    received meanwhile (from its request log, C(--test-controls)).
  - A run in check mode starts the record afresh (it is the first run of the sequence).
options: {}
"""

import json
import os
from urllib.request import Request, urlopen

from ansible import context
from ansible.plugins.callback import CallbackBase


def _request_log(since):
    """The emulator's requests after ``since`` (None: it keeps no log we can read)."""
    try:
        with urlopen(Request("%s/_emulator/requests?since=%d" % (os.environ["COCKROACH_SERVER"], since)),
                     timeout=30) as answer:
            return json.load(answer)["requests"]
    except Exception:  # pylint: disable=broad-except
        return None


class CallbackModule(CallbackBase):
    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = "aggregate"
    CALLBACK_NAME = "molecule_runs"
    CALLBACK_NEEDS_ENABLED = True

    def __init__(self, *args, **kwargs):
        super(CallbackModule, self).__init__(*args, **kwargs)
        self.changed, self.failed, self.seq = {}, [], None  # changed: task path -> path and name
        self.names = []  # every task's name as the output shows it, and its loop items' labels

    def v2_playbook_on_task_start(self, task, is_conditional):
        # (ansible-core templates the name before this call, as for the TASK [...] line)
        self.names.append(task.get_name().strip())

    def _item(self, result):
        # The label as the default callback shows it (a hidden result, no_log, shows none).
        self.names.append("  item: %s" % (self._get_item_label(result._result),))

    def v2_runner_item_on_ok(self, result):
        self._item(result)

    def v2_runner_item_on_failed(self, result):
        self._item(result)

    def v2_runner_item_on_skipped(self, result):
        self._item(result)

    def v2_playbook_on_start(self, playbook):
        log = _request_log(0)
        self.seq = max([entry["seq"] for entry in log] or [0]) if log is not None else None

    def v2_runner_on_ok(self, result):
        # A task by its place in its file (check_mode_audit.yml compares the names apart); a
        # task of a loop reports once for all its items.
        path = result._task.get_path()
        if result._result.get("changed") and path not in self.changed:
            self.changed[path] = "%s (%s)" % (path, result.task_name)

    def v2_runner_on_failed(self, result, ignore_errors=False):
        if not ignore_errors:
            self.failed.append(result.task_name)

    def v2_playbook_on_stats(self, stats):
        directory = os.environ.get("MOLECULE_EPHEMERAL_DIRECTORY")
        if not directory:
            return
        path = os.path.join(directory, "runs.json")
        check = bool(context.CLIARGS.get("check"))
        runs = []
        if not check and os.path.exists(path):
            with open(path) as handle:
                runs = json.load(handle)
        log = _request_log(self.seq) if self.seq is not None else None
        mutations = None if log is None else [e["operation"] for e in log if e["method"] not in ("GET", "HEAD")]
        runs.append({"check": check, "names": self.names, "changed": sorted(self.changed.values()),
                     "changed_paths": sorted(self.changed), "failed": self.failed, "mutations": mutations})
        with open(path, "w") as handle:
            json.dump(runs, handle, indent=1)
