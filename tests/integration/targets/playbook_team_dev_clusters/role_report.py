#!/usr/bin/env python
# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""check_report.py for playbooks made of roles.

  role_report.py OUTPUT URL MARK [check_report.py options]

A role adds results of its own that are never "changed": the check of its arguments against
meta/argument_specs.yml (a task "Validating arguments against arg spec ...") and the line
"included: <role> for localhost" of each include_role. They are not the playbook's work, so
check_report.py (--changed all: every result changed) would count them as tasks that changed
nothing. This writes OUTPUT.roles, the output without them (and the recap's ok count without
them), then runs playbook_cluster_setup/check_report.py on it with the other arguments.
"""

from __future__ import absolute_import, division, print_function

import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CHECK_REPORT = os.path.join(HERE, "..", "playbook_cluster_setup", "check_report.py")
VALIDATION = re.compile(r"^TASK \[[^\n]*Validating arguments against arg spec")
OK = re.compile(r"^ok: \[localhost\]", re.M)
INCLUDED = re.compile(r"^included: \S+ for localhost", re.M)
RECAP_OK = re.compile(r"^(localhost\s+: ok=)(\d+)", re.M)


def without_role_results(output):
    """The output without the argument checks and includes, and the recap's ok count less them."""
    blocks = re.split(r"(?m)^(?=TASK \[|PLAY RECAP)", output)
    kept, left_out = [], 0
    for block in blocks:
        if VALIDATION.match(block):
            left_out += len(OK.findall(block))
            continue
        left_out += len(INCLUDED.findall(block))
        kept.append(INCLUDED.sub("(included)", block))
    output = "".join(kept)
    return RECAP_OK.sub(lambda m: m.group(1) + str(int(m.group(2)) - left_out), output), left_out


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    path = sys.argv[1]
    with open(path) as handle:
        output, left_out = without_role_results(handle.read())
    with open(path + ".roles", "w") as handle:
        handle.write(output)
    print("%s: %d argument checks and includes of roles left out" % (os.path.basename(path), left_out))
    sys.exit(subprocess.call([sys.executable, CHECK_REPORT, path + ".roles"] + sys.argv[2:]))


if __name__ == "__main__":
    main()
