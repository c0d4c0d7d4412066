#!/usr/bin/env python
# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Writes the audit playbook: the plays of in_process_parity/cases.yml (its included task
files inlined) followed by the audit cases of the targets (``<target>/check_mode_audit.yml``),
where every task of a managing module (of this collection, not an _info module, not already
in check mode) runs twice: ``<name> [check]`` in check mode, then itself.

The targets' audit cases cover the managing modules that in_process_parity/cases.yml does
not drive (their results hold values that differ between two runs: secrets, service names).
Each file has ``tasks``, run after those of the targets it ``needs`` (then by target name),
and ``cleanup``, run after every target's tasks, in the reverse order.

  audit_playbook.py CASES TARGETS_DIR OUT
"""

from __future__ import absolute_import, division, print_function

import copy
import os
import sys

import yaml

PREFIX = "cockroachdb.cloud.cockroach_"
AUDIT_CASES = "check_mode_audit.yml"


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


def audit_cases(targets):
    """{target: its audit cases} of every target with a check_mode_audit.yml."""
    found = {}
    for name in sorted(os.listdir(targets)):
        path = os.path.join(targets, name, AUDIT_CASES)
        if os.path.isfile(path):
            with open(path) as handle:
                found[name] = yaml.safe_load(handle)
    return found


def in_order(found):
    """The targets, each after the ones it ``needs``, then by name."""
    ordered = []
    while len(ordered) < len(found):
        ready = [name for name in sorted(found) if name not in ordered
                 and set(found[name].get("needs", [])) <= set(ordered)]
        if not ready:
            sys.exit("the needs of %s cannot be met (a cycle, or a target without %s)"
                     % (", ".join(sorted(set(found) - set(ordered))), AUDIT_CASES))
        ordered.append(ready[0])
    return ordered


def main():
    cases, targets, out = sys.argv[1:4]
    with open(cases) as handle:
        plays = yaml.safe_load(handle)
    found = audit_cases(targets)
    order = in_order(found)
    extra_tasks = ([task for name in order for task in found[name].get("tasks", [])]
                   + [task for name in reversed(order) for task in found[name].get("cleanup", [])])
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
