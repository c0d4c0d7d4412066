"""Inventory benchmark: ``ansible-inventory --list`` with ``cockroachdb.cloud.clusters``.

Starts an emulator (rate limit off), and for each size (default 1,000 and 10,000 clusters):

1. resets it and seeds that many clusters (serverless GCP, plus 1 in 100 dedicated AWS), and
   puts a few of them in a folder tree, so that the folder listing and groups are used;
2. times ``ansible-inventory -i <file>.cockroach.yml --list`` (``--runs`` times, default 3,
   median) and counts its API requests in the emulator's request log;
3. with ``cache: true`` (jsonfile): times the first run (it fills the cache) and the second
   one, which should send no request at all.

Also times ``ansible-inventory --list`` with a static inventory of one host (the cost of
starting ansible-inventory) and the plugin's ``parse()`` alone, in-process (no
ansible-inventory start or JSON output), so that the plugin's own share is visible.

And compares the plugin with a trivial inventory plugin (written in the benchmark's
temporary tree, not in the collection) that adds the same hosts with no API at all, from a
JSON file: once with the host names only, once with the same host variables and groups as
ours (taken from ``ansible-inventory --list --export`` of ours). It prints the ratio of our
``--list`` time to each (the median of ``--runs``).

The client-side rate limiter is off (``COCKROACH_RATE_LIMIT=0``) like the emulator's, so
that the numbers are the plugin's own; one more line times ``--list`` with it on (the
default, 10 requests/s: the listing's pages then wait for their turn).
Numbers only, no asserts.

Run from the repository root: ``.venv/bin/python tests/benchmarks/inventory_bench.py``
(``--sizes 1000 10000 --runs 3``).
"""

import argparse
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import requests

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.path.dirname(sys.executable)

# In-process parse(): the plugin with ansible-core's own loader and inventory objects.
PARSE_SNIPPET = r"""
import sys, time
from ansible.inventory.data import InventoryData
from ansible.parsing.dataloader import DataLoader
from ansible.plugins.loader import init_plugin_loader, inventory_loader
init_plugin_loader([sys.argv[2]])
plugin = inventory_loader.get("cockroachdb.cloud.clusters")
inventory = InventoryData()
started = time.perf_counter()
plugin.parse(inventory, DataLoader(), sys.argv[1], cache=False)
print("%.4f %d" % (time.perf_counter() - started, len(inventory.hosts)))
"""


# A trivial inventory plugin: the hosts of a JSON file, optionally with variables and groups.
TRIVIAL_PLUGIN = r'''
import json

from ansible.plugins.inventory import BaseInventoryPlugin


class InventoryModule(BaseInventoryPlugin):
    NAME = "trivial_hosts"

    def verify_file(self, path):
        return path.endswith("trivial.yml")

    def parse(self, inventory, loader, path, cache=True):
        super(InventoryModule, self).parse(inventory, loader, path, cache)
        config = loader.load_from_file(path)
        with open(config["source"], encoding="utf-8") as handle:
            data = json.load(handle)
        for name in data["hosts"]:
            inventory.add_host(name)
        for name, variables in data.get("hostvars", {}).items():
            for key, value in variables.items():
                inventory.set_variable(name, key, value)
        for group, members in data.get("groups", {}).items():
            inventory.add_group(group)
            for key, value in members.get("vars", {}).items():
                inventory.set_variable(group, key, value)
            for child in members.get("children", []):
                inventory.add_group(child)
                inventory.add_child(group, child)
            for host in members.get("hosts", []):
                inventory.add_child(group, host)
'''


class Bench:
    def __init__(self, workdir):
        self.workdir = workdir
        self.collections = os.path.join(workdir, "collections")
        os.makedirs(os.path.join(self.collections, "ansible_collections", "cockroachdb"))
        os.symlink(ROOT, os.path.join(self.collections, "ansible_collections", "cockroachdb", "cloud"))
        plugins = os.path.join(workdir, "inventory_plugins")
        os.makedirs(plugins)
        with open(os.path.join(plugins, "trivial_hosts.py"), "w", encoding="utf-8") as handle:
            handle.write(TRIVIAL_PLUGIN)
        self.env = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=self.collections, ANSIBLE_NOCOLOR="1",
                        ANSIBLE_INVENTORY_UNPARSED_FAILED="true", ANSIBLE_LOCALHOST_WARNING="false",
                        ANSIBLE_INVENTORY_PLUGINS=plugins, COCKROACH_RATE_LIMIT="0",
                        COCKROACH_RATE_LIMIT_DIR=workdir)
        self.env.pop("PYTHONDONTWRITEBYTECODE", None)  # cached bytecode, as users have it
        self.emulator = subprocess.Popen(  # pylint: disable=consider-using-with
            [sys.executable, "-m", "tests.emulator", "--port", "0", "--rate-limit", "0", "--test-controls"],
            cwd=ROOT, stdout=subprocess.PIPE, text=True)
        info = json.loads(self.emulator.stdout.readline())
        self.url, self.key = info["url"], info["admin_key"]
        self.env.update(COCKROACH_SERVER=self.url, COCKROACH_API_KEY=self.key)
        self.session = requests.Session()
        self.session.headers.update({"Authorization": "Bearer " + self.key, "Cc-Version": "2024-09-16"})

    def close(self):
        self.emulator.terminate()
        self.emulator.wait(timeout=30)

    def control(self, method, path, body=None):
        response = self.session.request(method, self.url + "/_emulator/" + path, json=body, timeout=600)
        response.raise_for_status()
        return response.json()

    def api(self, method, path, body=None):
        response = self.session.request(method, self.url + path, json=body, timeout=60)
        response.raise_for_status()
        return response.json()

    def populate(self, size):
        """``size`` clusters: 1 in 100 dedicated AWS, the rest serverless GCP; 3 in folders."""
        self.control("POST", "reset")
        dedicated = size // 100
        self.control("POST", "seed", {"clusters": size - dedicated, "plan": "SERVERLESS", "provider": "GCP",
                                      "name_prefix": "bench"})
        ids = self.control("POST", "seed", {"clusters": dedicated, "plan": "DEDICATED", "provider": "AWS",
                                            "name_prefix": "bench"})["created"]
        prod = self.api("POST", "/api/v1/folders", {"name": "prod"})
        eu = self.api("POST", "/api/v1/folders", {"name": "eu", "parent_id": prod["resource_id"]})
        for cluster_id, folder in zip(ids, (prod, eu, eu)):
            self.api("PATCH", "/api/v1/clusters/" + cluster_id, {"parent_id": folder["resource_id"],
                                                                 "labels": {"team": "orders"}})

    def write(self, name, options):
        path = os.path.join(self.workdir, name + ".cockroach.yml")
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(dict({"plugin": "cockroachdb.cloud.clusters"}, **options), handle)  # JSON is YAML
        return path

    def inventory(self, source, *args, **env):
        """Wall time of one ``ansible-inventory -i source --list``, and its host count."""
        elapsed, listing = self.listing(source, *args, **env)
        return elapsed, len(listing["_meta"]["hostvars"])

    def listing(self, source, *args, **env):
        """Wall time and output of one ``ansible-inventory -i source --list``."""
        started = time.monotonic()
        result = subprocess.run([os.path.join(BIN, "ansible-inventory"), "-i", source, "--list"] + list(args),
                                env=dict(self.env, **env), cwd=self.workdir, capture_output=True, text=True,
                                check=False)
        elapsed = time.monotonic() - started
        if result.returncode != 0:
            sys.exit("ansible-inventory -i %s failed (%d):\n%s" % (source, result.returncode, result.stderr))
        return elapsed, json.loads(result.stdout)

    def trivial(self, name, listing, variables):
        """A source of the trivial plugin with the hosts of ``listing`` (``--list --export``
        output): names only, or with their variables and groups too."""
        data = {"hosts": sorted(listing["_meta"]["hostvars"])}
        if variables:
            data["hostvars"] = listing["_meta"]["hostvars"]
            data["groups"] = dict((group, members) for group, members in listing.items() if group != "_meta")
        source = os.path.join(self.workdir, name + ".json")
        with open(source, "w", encoding="utf-8") as handle:
            json.dump(data, handle)
        path = os.path.join(self.workdir, name + ".trivial.yml")
        with open(path, "w", encoding="utf-8") as handle:
            json.dump({"plugin": "trivial_hosts", "source": source}, handle)
        return path

    def parse_only(self, source):
        result = subprocess.run([sys.executable, "-c", PARSE_SNIPPET, source, self.collections], env=self.env,
                                capture_output=True, text=True, check=True)
        seconds, hosts = result.stdout.split()
        return float(seconds), int(hosts)

    def last_seq(self):
        return max([0] + [e["seq"] for e in self.control("GET", "requests")["requests"]])

    def requests_since(self, seq):
        return self.session.get(self.url + "/_emulator/requests", params={"since": seq},
                                timeout=60).json()["requests"]


def describe(sent):
    ops = {}
    for entry in sent:
        ops[entry["operation"]] = ops.get(entry["operation"], 0) + 1
    return "%d (%s)" % (len(sent), ", ".join("%s x%d" % item for item in sorted(ops.items())) or "none")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each uncached --list")
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="inventory-bench-")
    bench = Bench(workdir)
    rows = []
    try:
        static = os.path.join(workdir, "static.ini")
        with open(static, "w", encoding="utf-8") as handle:
            handle.write("one-host\n")
        bench.inventory(static)  # warm bytecode caches
        baseline = statistics.median([bench.inventory(static)[0] for _unused in range(args.runs)])
        for size in args.sizes:
            bench.populate(size)
            plain = bench.write("plain", {})
            cached = bench.write("cached", {"cache": True, "cache_plugin": "ansible.builtin.jsonfile",
                                            "cache_connection": os.path.join(workdir, "cache-%d" % size),
                                            "cache_timeout": 3600})
            times, sent = [], None
            for _unused in range(args.runs):
                mark = bench.last_seq()
                seconds, hosts = bench.inventory(plain)
                times.append(seconds)
                sent = bench.requests_since(mark)
            parse_seconds, parse_hosts = bench.parse_only(plain)
            _seconds, exported = bench.listing(plain, "--export")
            names = bench.trivial("names-%d" % size, exported, variables=False)
            same = bench.trivial("same-%d" % size, exported, variables=True)
            trivial_names, trivial_same, limited = [], [], []
            for _unused in range(args.runs):
                trivial_names.append(bench.inventory(names)[0])
                trivial_same.append(bench.inventory(same)[0])
                limited.append(bench.inventory(plain, COCKROACH_RATE_LIMIT="10")[0])
            mark = bench.last_seq()
            first, _hosts = bench.inventory(cached)
            first_sent = bench.requests_since(mark)
            mark = bench.last_seq()
            second, cached_hosts = bench.inventory(cached)
            second_sent = bench.requests_since(mark)
            cache_bytes = sum(os.path.getsize(os.path.join(root, name))
                              for root, _dirs, names in os.walk(os.path.join(workdir, "cache-%d" % size))
                              for name in names)
            rows.append(dict(size=size, hosts=hosts, times=times, sent=sent, parse=parse_seconds,
                             parse_hosts=parse_hosts, trivial_names=trivial_names, trivial_same=trivial_same,
                             limited=limited, first=first, first_sent=first_sent, second=second,
                             second_sent=second_sent, cached_hosts=cached_hosts, cache_bytes=cache_bytes))
    finally:
        bench.close()
        shutil.rmtree(workdir, ignore_errors=True)

    print("ansible-inventory --list with cockroachdb.cloud.clusters (emulator on 127.0.0.1, rate limit off; "
          "client-side rate limiter off unless said)")
    print("baseline: ansible-inventory --list of a static one-host inventory: %.2f s (median of %d)"
          % (baseline, args.runs))
    for row in rows:
        print("")
        print("%d clusters (%d hosts; pages of 500: %d listing requests expected + 1 folder listing)"
              % (row["size"], row["hosts"], int(math.ceil(row["size"] / 500.0))))
        print("  --list, no cache   %6.2f s  median of %d (min %.2f, max %.2f); API requests: %s"
              % (statistics.median(row["times"]), len(row["times"]), min(row["times"]), max(row["times"]),
                 describe(row["sent"])))
        print("  plugin parse() alone, in-process: %.2f s for %d hosts" % (row["parse"], row["parse_hosts"]))
        ours = statistics.median(row["times"])
        for label, times in (("the same host names only", row["trivial_names"]),
                             ("the same hosts, variables and groups", row["trivial_same"])):
            print("  trivial plugin (no API), %-36s %6.2f s median; ours / it = %.2fx"
                  % (label + ":", statistics.median(times), ours / statistics.median(times)))
        print("  --list with the client-side rate limiter on (default 10/s) %6.2f s median"
              % statistics.median(row["limited"]))
        print("  --list, cache on, first run  %6.2f s; API requests: %s" % (row["first"], describe(row["first_sent"])))
        print("  --list, cache on, second run %6.2f s; API requests: %s; %d hosts; cache file %.1f MB"
              % (row["second"], describe(row["second_sent"]), row["cached_hosts"], row["cache_bytes"] / 1e6))
    return 0


if __name__ == "__main__":
    sys.exit(main())
