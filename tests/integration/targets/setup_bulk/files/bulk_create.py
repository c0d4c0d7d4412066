#!/usr/bin/env python
# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Create many children of a cluster (SQL users, databases...) through the API, fast.

Reads a JSON object from stdin:
  {"api_url", "api_key", "path": "/api/v1/clusters/<id>/sql-users",
   "name_format": "it-user-%03d", "start": 1, "count": 250, "extra": {"password": "..."}}
and POSTs ``dict(extra, name=name_format % i)`` for i in start .. start+count-1, in one
process with one connection: 429 answers wait for Retry-After and are sent again; 409
(exists already) counts as done. Prints {"created", "existing", "throttled", "seconds"}.
"""

from __future__ import absolute_import, division, print_function

import http.client
import json
import sys
import time
from urllib.parse import urlsplit


def main():
    spec = json.load(sys.stdin)
    url = urlsplit(spec["api_url"])
    connection = (http.client.HTTPSConnection if url.scheme == "https" else http.client.HTTPConnection)(
        url.hostname, url.port, timeout=30)
    headers = {"Authorization": "Bearer %s" % spec["api_key"], "Cc-Version": "2024-09-16",
               "Content-Type": "application/json"}
    counts = {"created": 0, "existing": 0, "throttled": 0}
    started = time.monotonic()
    for number in range(spec.get("start", 1), spec.get("start", 1) + spec["count"]):
        body = dict(spec.get("extra") or {}, name=spec["name_format"] % number)
        while True:
            connection.request("POST", spec["path"], body=json.dumps(body), headers=headers)
            response = connection.getresponse()
            text = response.read()
            if response.status == 429:
                counts["throttled"] += 1
                time.sleep(float(response.getheader("Retry-After") or 1))
                continue
            if response.status == 409:
                counts["existing"] += 1
            elif response.status != 200:
                sys.exit("POST %s %s: HTTP %d %s" % (spec["path"], body["name"], response.status, text[:300]))
            else:
                counts["created"] += 1
            break
    counts["seconds"] = round(time.monotonic() - started, 2)
    print(json.dumps(counts))


if __name__ == "__main__":
    main()
