# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
name: audit_recorder
type: aggregate
short_description: Records each task's result and the changing API requests it sent (AUDIT_OUT, AUDIT_URL)
description:
  - A test helper of the check_mode_audit target.
options: {}
"""

import json
import os
from urllib.request import urlopen

from ansible.plugins.callback import CallbackBase


class CallbackModule(CallbackBase):
    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = "aggregate"
    CALLBACK_NAME = "audit_recorder"
    CALLBACK_NEEDS_ENABLED = True

    def __init__(self, *args, **kwargs):
        super(CallbackModule, self).__init__(*args, **kwargs)
        self.results = []
        self.seq = 0

    def _log_since(self):
        """The changing requests sent since the last call."""
        with urlopen("%s/_emulator/requests?since=%d" % (os.environ["AUDIT_URL"], self.seq), timeout=30) as answer:
            log = json.load(answer)["requests"]
        if log:
            self.seq = max(entry["seq"] for entry in log)
        return [entry["operation"] for entry in log if entry["method"] not in ("GET", "HEAD")]

    def v2_playbook_on_task_start(self, task, is_conditional):
        self._log_since()

    def _record(self, result, status):
        self.results.append({"task": result.task_name, "module": result._task.action, "status": status,
                             "changed": bool(result._result.get("changed")), "msg": result._result.get("msg"),
                             "warnings": result._result.get("warnings") or [],
                             "mutations": self._log_since()})

    def v2_runner_on_ok(self, result):
        self._record(result, "ok")

    def v2_runner_on_failed(self, result, ignore_errors=False):
        self._record(result, "failed")

    def v2_playbook_on_stats(self, stats):
        with open(os.environ["AUDIT_OUT"], "w") as handle:
            json.dump(self.results, handle, indent=1)
