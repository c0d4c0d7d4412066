#!/usr/bin/env python
# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""After the chaos runs: the faults off, what the emulator holds is exactly the standard
setup of each cluster, once (no duplicate made by a retry); and what the faults did.

  verify.py LABEL URL CLUSTER...
"""

from __future__ import absolute_import, division, print_function

import collections
import json
import sys
from urllib.request import Request, urlopen

DATABASES = {"defaultdb", "postgres", "orders", "billing", "analytics"}
USERS = ["app", "backup", "migrations", "readonly", "reporting"]
ALLOWLIST = 10


def call(url, method="GET", body=None):
    request = Request(url, method=method, data=json.dumps(body).encode() if body is not None else None,
                      headers={"Content-Type": "application/json"})
    with urlopen(request, timeout=30) as response:
        return json.load(response)


def main():
    label, url, clusters = sys.argv[1], sys.argv[2], sys.argv[3:]
    faults = call(url + "/_emulator/faults")
    call(url + "/_emulator/faults", "DELETE")
    log = call(url + "/_emulator/requests")["requests"]
    state = call(url + "/_emulator/state")
    key = state["admin_key"]

    def api(path):
        request = Request(url + path, headers={"Authorization": "Bearer " + key})
        with urlopen(request, timeout=30) as response:
            return json.load(response)

    problems = []
    listed = [c for c in api("/api/v1/clusters?pagination.limit=500")["clusters"] if c["state"] != "DELETED"]
    names = collections.Counter(c["name"] for c in listed)
    if sorted(names) != sorted(clusters) or any(n != 1 for n in names.values()):
        problems.append("clusters: expected one each of %s, found %s" % (clusters, dict(names)))
    duplicates = 0
    for cluster in listed:
        base = "/api/v1/clusters/%s" % cluster["id"]
        databases = [d["name"] for d in api(base + "/databases?pagination.limit=500")["databases"]]
        users = sorted(u["name"] for u in api(base + "/sql-users?pagination.limit=500")["users"])
        entries = api(base + "/networking/allowlist?pagination.limit=500")["allowlist"]
        duplicates += len(databases) - len(set(databases))
        if set(databases) != DATABASES or len(databases) != len(DATABASES):
            problems.append("%s: databases %s" % (cluster["name"], databases))
        if users != USERS:
            problems.append("%s: SQL users %s" % (cluster["name"], users))
        if len(entries) != ALLOWLIST:
            problems.append("%s: %d allowlist entries" % (cluster["name"], len(entries)))
    kinds = collections.Counter(e["fault"] for e in log if e.get("fault"))
    lost = sum(n for kind, n in kinds.items() if kind.endswith("-after"))
    mutating = sum(1 for e in log if e["method"] not in ("GET", "HEAD"))
    print("%s: %d API requests (%d changing), %d faults injected (%s), %d answers lost after the change; "
          "%d clusters, %d duplicate resources"
          % (label, len(log), mutating, faults["injected"], ", ".join("%s %d" % kv for kv in sorted(kinds.items())),
             lost, len(listed), duplicates + sum(n - 1 for n in names.values())))
    if problems:
        print("FAILED: " + "; ".join(problems), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
