#!/usr/bin/env python
# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Compares two runs of cases.yml: as modules (A) and in-process (B).

  compare.py RESULTS_A RESULTS_B REQUESTS_A REQUESTS_B

The task results must be equal once what differs between any two runs is normalised (ids,
times, the random part of host names); so must the API requests (method, operation,
status), 429 answers left out. Prints a summary; exit 1 with the first difference.
"""

from __future__ import absolute_import, division, print_function

import json
import re
import sys

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z")
SHORT_ID = re.compile(r"-[0-9a-f]{4}(?=[.\-]|$)")
URL = re.compile(r"http://127\.0\.0\.1:\d+")
ACCOUNT = re.compile(r"emulated-[0-9a-f]{8}")
DROP = {"exception", "waited", "deprecations"}


def normalise(value):
    if isinstance(value, dict):
        return dict((k, normalise(v)) for k, v in value.items() if k not in DROP and not k.startswith("_ansible"))
    if isinstance(value, list):
        return [normalise(v) for v in value]
    if isinstance(value, str):
        value = ACCOUNT.sub("<account>", URL.sub("<emulator>", UUID.sub("<id>", value)))
        value = TIME.sub("<time>", value)
        return SHORT_ID.sub("-<id4>", value)
    return value


def requests(path):
    with open(path) as handle:
        log = json.load(handle)["requests"]
    return [(e["method"], e.get("operation"), e["status"]) for e in log
            if (e.get("user_agent") or "").startswith("cockroachdb.cloud/") and e["status"] != 429]


def main(results_a, results_b, requests_a, requests_b):
    with open(results_a) as a, open(results_b) as b:
        runs = [json.load(a), json.load(b)]
    if len(runs[0]) != len(runs[1]):
        sys.exit("FAILED: %d task results as modules, %d in-process" % (len(runs[0]), len(runs[1])))
    for left, right in zip(*runs):
        if normalise(left) != normalise(right):
            print(json.dumps(normalise(left), indent=1, sort_keys=True))
            print(json.dumps(normalise(right), indent=1, sort_keys=True))
            sys.exit("FAILED: the task %r differs between the two executors (above: as a module, then in-process)"
                     % left["task"])
    sent = [requests(requests_a), requests(requests_b)]
    if sent[0] != sent[1]:
        for index, (x, y) in enumerate(zip(*sent)):
            if x != y:
                sys.exit("FAILED: request %d differs: %r as modules, %r in-process" % (index, x, y))
        sys.exit("FAILED: %d requests as modules, %d in-process" % (len(sent[0]), len(sent[1])))
    failed = sum(1 for r in runs[0] if r["status"] == "failed")
    print("parity: %d task results (%d failures) and %d API requests, the same in both executors"
          % (len(runs[0]), failed, len(sent[0])))


if __name__ == "__main__":
    main(*sys.argv[1:5])
