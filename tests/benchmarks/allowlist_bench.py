"""Allowlist benchmark: a no-op ``cockroach_allowlist`` task with 600 entries (two pages).

For each of two emulator settings, the rate limit off and the default 10 requests/s per
key (``--rate-limit`` 0, then 10):

1. starts an emulator and seeds one serverless cluster (``/_emulator/seed``);
2. adds 600 allowlist entries to it with ``cockroachdb.cloud.cockroach_allowlist`` in one
   task (the add path: one listing, one read of the cluster, 600 POSTs), timed;
3. runs the same task again ``--runs`` times (default 5) with ``ansible-playbook``, by id
   and by name, interleaved with an empty playbook, and prints the wall times (median,
   min, max, and the median minus the empty playbook's) and the API requests of one
   no-op run (from the emulator's request log): how many, which, how many answered 429,
   how many could change something.

Numbers only, no asserts. Run from the repository root:
``.venv/bin/python tests/benchmarks/allowlist_bench.py [--runs N] [--only off|limited]``.
"""

import argparse
import os
import shutil
import statistics
import sys
import tempfile

import requests

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
from tests.benchmarks.playbook_bench import PlaybookBench, ms  # noqa: E402 pylint: disable=wrong-import-position
ENTRIES = [{"cidr": "10.%d.%d.0/24" % (i // 200, i % 200), "name": "bench-%d" % i} for i in range(600)]
SETTINGS = (("off", "rate limit off", "0"), ("limited", "rate limit 10/s (the default)", "10"))


def allowlist_task(cluster):
    return {"name": "Allowlist", "cockroachdb.cloud.cockroach_allowlist": {"cluster": cluster, "entries": ENTRIES}}


class Bench(PlaybookBench):
    def __init__(self, workdir, rate_limit):
        super().__init__(workdir, ["--rate-limit", rate_limit, "--async-seconds", "0"])

    def seed_cluster(self):
        cluster_id = requests.post(self.url + "/_emulator/seed", json={"clusters": 1, "name_prefix": "bench-al"},
                                   timeout=30).json()["created"][0]
        return cluster_id, self.api_get("/api/v1/clusters/%s" % cluster_id)["name"]


def describe(sent):
    ops = {}
    for entry in sent:
        key = "%s %s" % (entry["operation"], entry["status"])
        ops[key] = ops.get(key, 0) + 1
    mutating = sum(e["method"] not in ("GET", "HEAD") for e in sent)
    throttled = sum(e["status"] == 429 for e in sent)
    spread = ", ".join("%s x%d" % (k, v) for k, v in sorted(ops.items()))
    return "%d requests (%s); mutating %d, answered 429: %d" % (len(sent), spread, mutating, throttled)


def measure(label, rate_limit, runs):
    workdir = tempfile.mkdtemp(prefix="allowlist-bench-")
    bench = Bench(workdir, rate_limit)
    lines = []
    try:
        cluster_id, cluster_name = bench.seed_cluster()
        bench.write("empty", [])
        bench.write("by_id", [allowlist_task(cluster_id)])
        bench.write("by_name", [allowlist_task(cluster_name)])

        mark = bench.last_seq()
        add_time, output = bench.run("by_id")
        added = bench.requests_since(mark)
        if "changed=1" not in output:
            sys.exit("the first run added nothing:\n" + output[-2000:])

        mark = bench.last_seq()
        bench.run("by_id")
        noop_id = bench.requests_since(mark)
        mark = bench.last_seq()
        _unused, output = bench.run("by_name")
        noop_name = bench.requests_since(mark)
        if "changed=0" not in output:
            sys.exit("the no-op run changed something:\n" + output[-2000:])

        times = {"empty": [], "by_id": [], "by_name": []}
        for _unused in range(runs):
            for name in times:
                times[name].append(bench.run(name)[0])
        base = statistics.median(times["empty"])

        lines.append("== %s ==" % label)
        lines.append("add path: 600 entries in one task: %s wall (ansible-playbook), %s"
                     % (ms(add_time), describe(added)))
        lines.append("no-op, %d runs each (wall of ansible-playbook; 'task' = median minus the empty playbook):" % runs)
        lines.append("   empty playbook     median %s  min %s  max %s"
                     % (ms(base), ms(min(times["empty"])), ms(max(times["empty"]))))
        for name, what in (("by_id", "by id"), ("by_name", "by name")):
            values = times[name]
            lines.append("   %-18s median %s  min %s  max %s  task %s"
                         % ("cluster " + what, ms(statistics.median(values)), ms(min(values)), ms(max(values)),
                            ms(statistics.median(values) - base)))
        lines.append("API requests of one no-op run by id:   " + describe(noop_id))
        lines.append("API requests of one no-op run by name: " + describe(noop_name))
        pages = [e for e in noop_id if e["operation"] == "ListAllowlistEntries"]
        lines.append("   listing pages: %s" % ", ".join(
            "limit=%s%s" % (e["query"].get("pagination.limit", ["?"])[0],
                            " page=%s" % e["query"]["pagination.page"][0] if "pagination.page" in e["query"] else "")
            for e in pages))
    finally:
        bench.close()
        shutil.rmtree(workdir, ignore_errors=True)
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="no-op runs of each playbook")
    parser.add_argument("--only", choices=[key for key, _label, _limit in SETTINGS],
                        help="measure one emulator setting only")
    args = parser.parse_args()
    print("cockroach_allowlist with 600 entries against the emulator on 127.0.0.1")
    for key, label, limit in SETTINGS:
        if args.only and args.only != key:
            continue
        print("")
        for line in measure(label, limit, args.runs):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
