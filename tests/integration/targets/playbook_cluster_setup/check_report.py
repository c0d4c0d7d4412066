#!/usr/bin/env python
# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Checks the output of one ansible-playbook run (default callback, no color) and the
emulator's request log since the previous check.

  check_report.py OUTPUT URL MARK --changed all|none [--mutations N] [--requests N] [--warning TEXT]
                  [--names-as EARLIER]

--changed all: every task and every loop item changed, none failed; none: nothing changed.
MARK is a file that keeps the newest request log entry seen, between calls. --names-as: the
TASK lines are those of the output EARLIER (the plan and the apply compare line by line).
"""

from __future__ import absolute_import, division, print_function

import argparse
import json
import os
import re
import sys
from itertools import zip_longest
from urllib.request import urlopen

RECAP = re.compile(r"^localhost\s+: ok=(\d+)\s+changed=(\d+)\s+unreachable=(\d+)\s+failed=(\d+)", re.M)
RESULT = re.compile(r"^(ok|changed|failed|fatal): \[localhost\]", re.M)
TASK = re.compile(r"^TASK \[(.*)\] \**$", re.M)


def fail(message, output=""):
    print(output[-4000:], file=sys.stderr)
    print("FAILED: %s" % message, file=sys.stderr)
    sys.exit(1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("output")
    parser.add_argument("url")
    parser.add_argument("mark")
    parser.add_argument("--changed", choices=["all", "none"], required=True)
    parser.add_argument("--mutations", type=int)
    parser.add_argument("--requests", type=int, help="how many API requests the run may send")
    parser.add_argument("--warning", help="a text that a [WARNING] line must hold")
    parser.add_argument("--names-as", help="an earlier run's output, whose TASK lines this one's must be")
    args = parser.parse_args()

    with open(args.output) as handle:
        output = handle.read()
    recap = RECAP.search(output)
    if not recap:
        fail("no PLAY RECAP for localhost", output)
    ok, changed, unreachable, failed = (int(n) for n in recap.groups())
    if failed or unreachable:
        fail("%d failed, %d unreachable" % (failed, unreachable), output)
    results = RESULT.findall(output)  # one per task, or one per loop item
    expected = "changed" if args.changed == "all" else "ok"
    if (changed != (ok if args.changed == "all" else 0)) or any(r != expected for r in results):
        fail("expected every result %s; recap ok=%d changed=%d, results %s" % (expected, ok, changed, results), output)
    if args.warning and not any(args.warning in line for line in output.splitlines() if "[WARNING]" in line):
        fail("no warning with %r" % args.warning, output)
    if args.names_as:
        with open(args.names_as) as handle:
            earlier = TASK.findall(handle.read())
        names = TASK.findall(output)
        if not names or names != earlier:
            fail("the task names differ from those of %s: %s" % (os.path.basename(args.names_as), [
                (a, b) for a, b in zip_longest(earlier, names, fillvalue="(none)") if a != b]))

    since = 0
    if os.path.exists(args.mark):
        with open(args.mark) as handle:
            since = int(handle.read() or 0)
    with urlopen("%s/_emulator/requests?since=%d" % (args.url, since), timeout=30) as response:
        log = json.load(response)["requests"]
    if log:
        with open(args.mark, "w") as handle:
            handle.write(str(max(entry["seq"] for entry in log)))
    mutations = [(e["method"], e["path"]) for e in log if e["method"] not in ("GET", "HEAD")]
    if args.mutations is not None and len(mutations) != args.mutations:
        fail("expected %d mutating requests, got %s" % (args.mutations, mutations))
    if args.requests is not None and len(log) != args.requests:
        fail("expected %d requests, got %s" % (args.requests, [(e["method"], e["path"]) for e in log]))
    print("%s: %d tasks, %d results, all %s; %d requests (%d mutating)"
          % (os.path.basename(args.output), ok, len(results), expected, len(log), len(mutations)))


if __name__ == "__main__":
    main()
