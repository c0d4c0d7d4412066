#!/usr/bin/env python
# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Helpers of runme.sh: talk to the shared emulator and check ansible-inventory's output.

  emulator.py env CONFIG                 shell assignments URL=... KEY=... from integration_config.yml
  emulator.py setup STATE PREFIX         seed this run's clusters and folders, write STATE (JSON)
  emulator.py mark                       print the newest seq of the request log
  emulator.py requests SEQ               print the API requests since SEQ as JSON lines
  emulator.py expect-requests SEQ LISTING FOLDERS
                                         check the requests since SEQ: every page of the clusters
                                         of LISTING (an --list output, or "none": no listing) at
                                         500 per page, and FOLDERS (0 or 1) folder listings
  emulator.py check-list STATE FILE      assertions on `ansible-inventory --list` output
  emulator.py check-graph STATE FILE     assertions on `ansible-inventory --graph` output
  emulator.py cleanup STATE              delete what setup made (rate limit lifted meanwhile)

URL and KEY come from the environment (COCKROACH_SERVER, COCKROACH_API_KEY). Standard
library only, one keep-alive connection, 429 answers waited out.
"""

from __future__ import absolute_import, division, print_function

import http.client
import json
import math
import re
import subprocess
import sys
import time
from os import environ
from urllib.parse import urlsplit

SEEDED = 1200  # SERVERLESS GCP: 3 pages of 500 with what else is there
DEDICATED = 3  # DEDICATED AWS


class Api(object):
    def __init__(self, url, key=None):
        split = urlsplit(url)
        self.connection = http.client.HTTPConnection(split.hostname, split.port, timeout=60)
        self.headers = {"Cc-Version": "2024-09-16", "Content-Type": "application/json"}
        if key:
            self.headers["Authorization"] = "Bearer " + key

    def call(self, method, path, body=None, ok=(200,)):
        while True:
            self.connection.request(method, path, body=None if body is None else json.dumps(body),
                                    headers=self.headers)
            response = self.connection.getresponse()
            text = response.read()
            if response.status == 429:
                time.sleep(float(response.getheader("Retry-After") or 1))
                continue
            if response.status not in ok:
                sys.exit("%s %s: HTTP %d %s" % (method, path, response.status, text[:300]))
            return json.loads(text) if text else {}


def api():
    return Api(environ["COCKROACH_SERVER"], environ["COCKROACH_API_KEY"])


def controls():
    return Api(environ["COCKROACH_SERVER"])


def cmd_env(config):
    values = {}
    with open(config) as handle:
        for line in handle:
            match = re.match(r'^(cockroach_api_url|cockroach_api_key):\s*"?([^"\s]+)"?', line)
            if match:
                values[match.group(1)] = match.group(2)
    print("URL=%s KEY=%s" % (values["cockroach_api_url"], values["cockroach_api_key"]))


def cmd_setup(state_file, prefix):
    client, control = api(), controls()
    serverless = control.call("POST", "/_emulator/seed", {"clusters": SEEDED, "plan": "SERVERLESS", "provider": "GCP",
                                                          "name_prefix": prefix})["created"]
    dedicated = control.call("POST", "/_emulator/seed", {"clusters": DEDICATED, "plan": "DEDICATED", "provider": "AWS",
                                                         "name_prefix": prefix})["created"]
    top = client.call("POST", "/api/v1/folders", {"name": prefix})
    child = client.call("POST", "/api/v1/folders", {"name": "eu west", "parent_id": top["resource_id"]})
    # Two dedicated clusters in the folder tree, labelled; one serverless in the top folder.
    moves = [(dedicated[0], top["resource_id"], {"team": "orders", "run": prefix}),
             (dedicated[1], child["resource_id"], {"team": "billing", "run": prefix}),
             (serverless[0], top["resource_id"], {"run": prefix})]
    for cluster_id, folder_id, labels in moves:
        client.call("PATCH", "/api/v1/clusters/%s" % cluster_id, {"parent_id": folder_id, "labels": labels})
    names = {}
    for cluster_id in dedicated + serverless[:1]:
        names[cluster_id] = client.call("GET", "/api/v1/clusters/%s" % cluster_id)["name"]
    state = {"prefix": prefix, "serverless": serverless, "dedicated": dedicated, "names": names,
             # (paths as the inventory shows them: the live service answers a list of the folders above)
             "folders": [child["resource_id"], top["resource_id"]], "top": "/" + prefix, "child": "/%s/eu west" % prefix}
    with open(state_file, "w") as handle:
        json.dump(state, handle)


def cmd_mark():
    log = controls().call("GET", "/_emulator/requests?since=0")["requests"]
    print(max([entry["seq"] for entry in log] or [0]))


def cmd_requests(since):
    for entry in controls().call("GET", "/_emulator/requests?since=%d" % int(since))["requests"]:
        print(json.dumps({k: entry[k] for k in ("method", "path", "query", "status", "operation")}))


def cmd_expect_requests(since, listing_file, folders):
    log = controls().call("GET", "/_emulator/requests?since=%d" % int(since))["requests"]
    seen = [(e["method"], e["operation"], e["query"].get("pagination.limit"), e["status"]) for e in log]
    if listing_file == "none":
        expected = []
    else:
        hosts = len(json.load(open(listing_file))["_meta"]["hostvars"])
        expected = [("GET", "ListClusters", ["500"], 200)] * pages(hosts)
    expected += [("GET", "ListFolders", ["500"], 200)] * int(folders)
    # A 429 (the shared emulator's 10 requests/s) is waited out and repeated: not counted.
    answered = [s for s in seen if s[3] != 429]
    check(answered == expected, "requests: expected %r, got %r" % (expected, seen))
    print("requests: %d (%s)" % (len(answered), ", ".join(s[1] for s in answered) or "none"))


def unwrap(value):
    """ansible-core 2.19 prints API strings (untrusted data) as {"__ansible_unsafe": ...}."""
    if isinstance(value, dict):
        if set(value) == {"__ansible_unsafe"}:
            return value["__ansible_unsafe"]
        return dict((k, unwrap(v)) for k, v in value.items())
    if isinstance(value, list):
        return [unwrap(v) for v in value]
    return value


def check(condition, message):
    if not condition:
        sys.exit("CHECK FAILED: " + message)


def group_name(text):
    return re.sub(r"[^A-Za-z0-9_]", "_", text.lower())


def cmd_check_list(state_file, listing_file):
    state = json.load(open(state_file))
    listing = unwrap(json.load(open(listing_file)))
    hostvars = listing["_meta"]["hostvars"]
    prefix = state["prefix"]
    mine = dict((h, v) for h, v in hostvars.items() if h.startswith(prefix + "-"))
    check(len(mine) == SEEDED + DEDICATED, "expected %d hosts of this run, got %d" % (SEEDED + DEDICATED, len(mine)))

    def hosts(group):
        return set(listing.get(group, {}).get("hosts", []))

    ded = set(state["names"][i] for i in state["dedicated"])
    top_sls = state["names"][state["serverless"][0]]
    orders, billing = state["names"][state["dedicated"][0]], state["names"][state["dedicated"][1]]
    check(ded <= hosts("plan_dedicated") and ded <= hosts("provider_aws") and ded <= hosts("region_us_east_1"),
          "dedicated AWS clusters in plan_dedicated, provider_aws, region_us_east_1")
    sls_hosts = set(h for h in mine if h not in ded)
    check(sls_hosts <= hosts("plan_serverless") and sls_hosts <= hosts("provider_gcp")
          and sls_hosts <= hosts("region_us_central1"), "serverless GCP clusters in their groups")
    check(set(mine) <= hosts("state_created"), "every cluster in state_created")
    if mine[orders]["plan"] == "ADVANCED":  # the live service's tiers: groups of the tier and of its kind
        check(ded <= hosts("plan_advanced") and sls_hosts <= hosts("plan_standard"), "the live tiers' groups")
    top, child = "folder_" + group_name(prefix), "folder_" + group_name(prefix) + "_eu_west"
    check(hosts(top) == {orders, top_sls}, "%s holds %s and %s, not %s" % (top, orders, top_sls, hosts(top)))
    check(listing[top].get("children") == [child], "%s has the child group %s" % (top, child))
    check(hosts(child) == {billing}, "%s holds %s" % (child, billing))
    check(hosts("big") >= ded and not hosts("big") & sls_hosts, "compose groups: big = dedicated (3 nodes)")
    check(hosts("team_orders") == {orders} and hosts("team_billing") == {billing}, "keyed groups by label team")

    o = mine[orders]
    check(o["cluster_name"] == orders and o["plan"] in ("DEDICATED", "ADVANCED") and o["provider"] == "AWS", "orders vars")
    check(o["state"] == "CREATED" and o["operation_status"] == "UNSPECIFIED", "orders state")
    check(o["regions"] == ["us-east-1"] and o["node_count"] == 3 and o["region_nodes"] == {"us-east-1": 3}, "nodes")
    check(o["folder"] == state["top"] and o["parent_id"] == state["folders"][1], "orders folder")
    check(o["labels"] == {"team": "orders", "run": prefix}, "orders labels")
    check(o["ansible_host"] == o["sql_dns"] and o["sql_dns"].startswith(orders), "ansible_host = sql_dns")
    check(o["ansible_connection"] == "local", "ansible_connection local")
    check(o["id"] == state["dedicated"][0] and o["cockroach_version"].startswith("v") and o["created_at"], "id etc.")
    check(o["team_name"] == "orders" and mine[top_sls]["team_name"] == "none", "compose variable")
    check("name" not in o, "no host variable 'name' (reserved by ansible-core)")
    check(set(mine) <= hosts("cockroach_clusters"), "every cluster in cockroach_clusters")
    interpreter = (listing["cockroach_clusters"].get("vars") or {}).get("ansible_python_interpreter") \
        or o.get("ansible_python_interpreter")
    check(interpreter and subprocess.call([interpreter, "-c", "import requests"]) == 0,
          "the hosts' Python (%r) is the controller's, with requests" % interpreter)
    check(mine[billing]["folder"] == state["child"], "billing folder path")
    print("list: %d hosts (%d of this run), %d groups" % (len(hostvars), len(mine), len(listing) - 1))


def cmd_check_graph(state_file, graph_file):
    state = json.load(open(state_file))
    graph = open(graph_file).read()
    top = "folder_" + group_name(state["prefix"])
    orders = state["names"][state["dedicated"][0]]
    billing = state["names"][state["dedicated"][1]]
    expected = ["  |--@%s:" % top, "  |  |--@%s_eu_west:" % top, "  |  |  |--%s" % billing, "  |  |--%s" % orders]
    lines = graph.splitlines()
    for line in expected:
        check(line in lines, "graph line %r missing" % line)
    check(lines.index(expected[1]) < lines.index(expected[2]), "billing under the child folder group")
    print("graph: %d lines, folder groups nested" % len(lines))


def cmd_cleanup(state_file):
    try:
        state = json.load(open(state_file))
    except (IOError, ValueError):
        return
    client, control = api(), controls()
    # One DELETE per cluster: lift the shared emulator's rate limit meanwhile, then restore it.
    before = control.call("GET", "/_emulator/config")["rate_limit"]
    control.call("PATCH", "/_emulator/config", {"rate_limit": 0})
    try:
        for cluster_id in state["dedicated"] + state["serverless"]:
            client.call("DELETE", "/api/v1/clusters/%s" % cluster_id, ok=(200, 404))
        for folder_id in state["folders"]:
            client.call("DELETE", "/api/v1/folders/%s" % folder_id, ok=(200, 404))
    finally:
        control.call("PATCH", "/_emulator/config", {"rate_limit": before})
    print("cleanup: deleted %d clusters and %d folders" % (
        len(state["dedicated"]) + len(state["serverless"]), len(state["folders"])))


def pages(count):
    return max(1, int(math.ceil(count / 500.0)))


def main():
    command, args = sys.argv[1], sys.argv[2:]
    if command == "pages":
        print(pages(int(args[0])))
        return
    commands = {"env": cmd_env, "setup": cmd_setup, "mark": cmd_mark, "requests": cmd_requests,
                "expect-requests": cmd_expect_requests,
                "check-list": cmd_check_list, "check-graph": cmd_check_graph, "cleanup": cmd_cleanup}
    commands[command](*args)


if __name__ == "__main__":
    main()
