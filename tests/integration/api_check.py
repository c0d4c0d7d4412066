# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""What a playbook left behind, read from the API: runs the Python check on standard input
with ``get(path)`` (a GET of the API at URL with KEY that waits out the rate limit's 429
answers), ``args`` (the rest of the command line), ``json`` and ``sys``. A check fails with
sys.exit(message).

    python api_check.py URL KEY [ARGS...] <<'PYTHON'
    cluster = get("/api/v1/clusters")["clusters"][0]
    PYTHON
"""

import json
import sys
import time
from urllib.error import HTTPError
from urllib.request import Request, urlopen


def getter(url, key):
    def get(path):
        request = Request(url + path, headers={"Authorization": "Bearer " + key, "Cc-Version": "2024-09-16"})
        for _attempt in range(10):
            try:
                with urlopen(request, timeout=30) as response:
                    return json.load(response)
            except HTTPError as error:  # the rate limit (10 requests/s): wait as it says
                if error.code != 429:
                    raise
                time.sleep(float(error.headers.get("Retry-After") or 1))
        sys.exit("FAILED: %s answered 429 ten times" % path)
    return get


def main():
    url, key, args = sys.argv[1], sys.argv[2], sys.argv[3:]
    check = compile(sys.stdin.read(), "<check>", "exec")
    exec(check, {"get": getter(url, key), "args": args, "json": json, "sys": sys, "__name__": "__check__"})  # pylint: disable=exec-used


if __name__ == "__main__":
    main()
