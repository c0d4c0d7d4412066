# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
name: parity_recorder
type: aggregate
short_description: Writes every task result of a run to the JSON file named by PARITY_OUT
description:
  - A test helper of the in_process_parity target.
options: {}
"""

import json
import os

from ansible.plugins.callback import CallbackBase


class CallbackModule(CallbackBase):
    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = "aggregate"
    CALLBACK_NAME = "parity_recorder"
    CALLBACK_NEEDS_ENABLED = True

    def __init__(self, *args, **kwargs):
        super(CallbackModule, self).__init__(*args, **kwargs)
        self.results = []

    def _record(self, result, status):
        self.results.append({"task": result.task_name, "status": status, "result": dict(result._result)})

    def v2_runner_on_ok(self, result):
        self._record(result, "ok")

    def v2_runner_on_failed(self, result, ignore_errors=False):
        self._record(result, "failed")

    def v2_playbook_on_stats(self, stats):
        with open(os.environ["PARITY_OUT"], "w") as handle:
            json.dump(self.results, handle, indent=1, sort_keys=True, default=str)
