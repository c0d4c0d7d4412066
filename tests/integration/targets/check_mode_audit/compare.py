#!/usr/bin/env python
# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Each ``<name> [check]`` result against the real run of the same task that followed it:
no changing request in check mode, the same ``changed`` and the same outcome (ok or failed);
and every managing module of the collection audited at least once.

  compare.py RESULTS MODULES_DIR
"""

from __future__ import absolute_import, division, print_function

import json
import os
import sys

# The warning of a task on a cluster that does not exist (yet), in check mode: the real run
# fails on it unless an earlier task creates the cluster (the CLUSTER doc fragment).
PREDICTED_ON_NEW = "in check mode this task predicts its change as on a new, empty cluster"


def main():
    with open(sys.argv[1]) as handle:
        results = json.load(handle)
    modules = sorted("cockroachdb.cloud." + name[:-3] for name in os.listdir(sys.argv[2])
                     if name.startswith("cockroach_") and name.endswith(".py") and not name.endswith("_info.py"))
    problems, pairs, audited, foreseen = [], 0, set(), 0
    for check, real in zip(results, results[1:]):
        if not check["task"].endswith(" [check]"):
            continue
        if real["task"] != check["task"][:-len(" [check]")]:
            problems.append("%s: no real run follows it" % check["task"])
            continue
        pairs += 1
        audited.add(check["module"])
        if check["mutations"]:
            problems.append("%s sent %s in check mode" % (check["task"], check["mutations"]))
        if check["status"] == "ok" and real["status"] == "failed" and any(PREDICTED_ON_NEW in w for w in check["warnings"]):
            foreseen += 1  # documented: check mode predicts on a cluster an earlier task would create
            continue
        if (check["changed"], check["status"]) != (real["changed"], real["status"]):
            problems.append("%s: check mode predicted %s/changed=%s, the real run was %s/changed=%s (%s / %s)"
                            % (real["task"], check["status"], check["changed"], real["status"], real["changed"],
                               check["msg"], real["msg"]))
    missing = sorted(set(modules) - audited)
    if missing:
        problems.append("managing modules never audited: %s (add a case to %s)" % (", ".join(missing), ", ".join(
            "tests/integration/targets/%s/check_mode_audit.yml" % name.split(".")[-1] for name in missing)))
    changed = sum(1 for c, r in zip(results, results[1:]) if c["task"].endswith(" [check]") and r["changed"])
    print("check-mode audit: %d tasks of %d managing modules, each in check mode then for real "
          "(%d changed, %d unchanged, %d on a cluster that does not exist: predicted with a warning, failed for real); "
          "%d changing requests in check mode"
          % (pairs, len(audited), changed, pairs - changed - foreseen, foreseen,
             sum(len(r["mutations"]) for r in results if r["task"].endswith(" [check]"))))
    for problem in problems:
        print("FAILED: " + problem, file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
