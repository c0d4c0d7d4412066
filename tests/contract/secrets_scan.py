#!/usr/bin/env python
# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Fails when an output shows a secret: after the integration suite ran at -vvvv.

  secrets_scan.py LOG URL[,URL...] [ROOT]

The secrets: every one the emulators at URL (the integration lanes' own) saw (``/_emulator/secrets``: SQL user
passwords, Datadog keys, API key secrets, its admin key), every whole API key secret of any
emulator (``CCDB1_<22>_<40>``: the targets that start emulators of their own have other admin
keys), and the literal passwords and keys written in the tests, playbooks and roles under ROOT.
Output of the tests' own tasks (a uri call with the admin key, a set_fact of a password) does not
count: at -vv and more, ``task path:`` says which task printed a line; nor do the items of a
loop (the test's own data, shown with each result).
"""

from __future__ import absolute_import, division, print_function

import json
import os
import re
import sys
from urllib.request import urlopen

API_KEY_SECRET = re.compile(r"CCDB1_[A-Za-z0-9]{22}_[A-Za-z0-9]{40}")
# `password: x`, `datadog_api_key: x`, `DATADOG_API_KEY=x`, `COCKROACH_SETUP_PASSWORD', default='x'`
LITERAL = re.compile(r"""(?ix)(?:password|datadog_api_key)["']?\s*[:=,]\s*(?:default=)?["']?([A-Za-z0-9][^"'\s{}\]),]{7,})""")
SECRET_SHAPE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/+-]{7,}$")
SOURCES = ("tests/integration/targets", "playbooks", "roles", "extensions/molecule")


def literal_secrets(root):
    found = set()
    for source in SOURCES:
        for folder, _dirs, files in os.walk(os.path.join(root, source)):
            for name in files:
                if name.endswith((".yml", ".yaml", ".sh", ".py")):
                    with open(os.path.join(folder, name)) as handle:
                        found.update(m.group(1) for m in LITERAL.finditer(handle.read()))
    # A secret has a digit or a dash; what else follows such a key (variable names, words) has not.
    return set(s for s in found if SECRET_SHAPE.match(s) and re.search(r"[0-9-]", s))


ITEM = re.compile(r'^\s*"item": [{\[]')
TASK_PATH = re.compile(r"^task path: (.*):(\d+)$")
# What a test does around the collection (reading the API itself, keeping its own passwords in
# variables, showing values): its output is the test's, not the collection's.
HARNESS = re.compile(r"^\s*(?:ansible\.builtin\.)?(uri|set_fact|debug|assert|include_vars|command|shell|copy|"
                     r"slurp|stat|file|tempfile|pause|fail|meta):")


def harness_task(task_path, root):
    """Whether the task at ``task_path`` (``FILE:LINE`` as ``-vv`` prints it, in a copy of the
    collection) is one of the test's own (``HARNESS``) rather than the collection's."""
    match = TASK_PATH.match(task_path)
    if not match:
        return False
    path, line = match.group(1), int(match.group(2))
    for marker in ("tests/integration/targets/", "ansible_collections/cockroachdb/cloud/"):
        if marker in path:
            relative = path[path.rindex(marker):]
            if marker.startswith("ansible_collections"):
                relative = relative[len(marker):]
            path = os.path.join(root, relative)
            break
    try:
        with open(path) as handle:
            lines = handle.read().splitlines()[line - 1:]
    except (IOError, OSError):
        return False
    if not lines:
        return False
    indent = len(lines[0]) - len(lines[0].lstrip())
    for text in lines[1:]:
        if text.strip() and len(text) - len(text.lstrip()) <= indent:
            break
        if HARNESS.match(text) and len(text) - len(text.lstrip()) <= indent + 2:
            return True
    return False


def scan(lines, secrets, root):
    """({secret: (line number, task)} shown by the collection, how many lines the tests'
    own tasks showed) for the lines of a -vv (or more) log."""
    leaks = {}
    where, harness, skipped = "", False, 0
    item_indent = None  # inside the "item" of a loop result: the test's own data
    for number, line in enumerate(lines, 1):
        if line.startswith(("TASK [", "Running ")):
            where, harness = line.strip().rstrip("*").strip(), False
        elif line.startswith("task path: "):
            harness = harness_task(line.rstrip("\n"), root)
        indent = len(line) - len(line.lstrip())
        if item_indent is not None and line.strip() and indent <= item_indent:
            item_indent = None
        if ITEM.match(line):
            item_indent = indent
        shown = [secret for secret in secrets if secret in line] + API_KEY_SECRET.findall(line)
        if shown and (harness or item_indent is not None):
            skipped += 1
            continue
        for secret in shown:
            leaks.setdefault(secret, (number, where))
    return leaks, skipped


def main():
    log, url = sys.argv[1], sys.argv[2]
    root = sys.argv[3] if len(sys.argv) > 3 else "."
    seen = set()
    for one in url.split(","):
        with urlopen(one + "/_emulator/secrets", timeout=30) as response:
            seen.update(json.load(response)["secrets"])
    literals = literal_secrets(root)
    with open(log, errors="replace") as handle:
        leaks, skipped = scan(handle, seen | literals, root)
    print("secrets scan: %d secrets from the emulator, %d written in the tests, any API key secret; %s "
          "(%d lines of the tests' own tasks, such as uri calls and set_fact, not counted)"
          % (len(seen), len(literals), "%d shown by the collection" % len(leaks) if leaks else "none shown by the collection",
             skipped))
    for secret, (number, task) in sorted(leaks.items(), key=lambda item: item[1]):
        print("  line %d shows %s...%s, in %s" % (number, secret[:4], secret[-2:], task), file=sys.stderr)
    sys.exit(1 if leaks else 0)


if __name__ == "__main__":
    main()
