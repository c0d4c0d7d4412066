#!/usr/bin/env python
# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Writes the audit playbook: the plays of in_process_parity/cases.yml (its included task
files inlined) followed by extra_cases.yml, where every task of a managing module (of this
collection, not an _info module, not already in check mode) runs twice: ``<name> [check]``
in check mode, then itself.

  audit_playbook.py CASES EXTRA OUT
"""

from __future__ import absolute_import, division, print_function

import copy
import os
import sys

import yaml

PREFIX = "cockroachdb.cloud.cockroach_"


def module_of(task):
    return next((key for key in task if key.startswith(PREFIX)), None)


def managing(task):
    module = module_of(task)
    return module is not None and not module.endswith("_info") and "check_mode" not in task


def expand(tasks, here):
    out = []
    for task in tasks:
        if "block" in task:
            task = dict(task, block=expand(task["block"], here))
            out.append(task)
        elif "ansible.builtin.include_tasks" in task:
            with open(os.path.join(here, task["ansible.builtin.include_tasks"])) as handle:
                out.extend(expand(yaml.safe_load(handle), here))
        elif managing(task):
            check = copy.deepcopy(task)
            check["name"] = "%s [check]" % task["name"]
            check["check_mode"] = True
            check.pop("register", None)
            check["ignore_errors"] = True  # a failure is compared with the real run's
            out.extend([check, task])
        else:
            out.append(task)
    return out


def main():
    cases, extra, out = sys.argv[1:4]
    with open(cases) as handle:
        plays = yaml.safe_load(handle)
    with open(extra) as handle:
        extra_tasks = yaml.safe_load(handle)
    play = plays[0]
    tasks = play["tasks"]
    # The parity cases end by deleting what they made: the extra cases come before that.
    last = tasks[-1] if tasks and "ansible.builtin.include_tasks" in tasks[-1] else None
    body = tasks[:-1] if last else tasks
    play["tasks"] = expand(body + extra_tasks + ([last] if last else []), os.path.dirname(cases))
    with open(out, "w") as handle:
        yaml.safe_dump(plays, handle, sort_keys=False)


if __name__ == "__main__":
    main()
