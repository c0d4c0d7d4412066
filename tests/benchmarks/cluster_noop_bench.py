"""No-op cluster task benchmark: ``cockroach_cluster`` vs a bare ``uri`` GET, per task.

Starts an emulator (rate limit off, clusters ready at once), creates a serverless cluster
with ``cockroachdb.cloud.cockroach_cluster``, then measures with ``ansible-playbook``:

- an empty play (the baseline: interpreter start, inventory, collection loading);
- the same ``cockroach_cluster`` task again (a no-op: the cluster already matches);
- an ``ansible.builtin.uri`` GET of ``/api/v1/clusters/<id>`` with the same headers.

Two ways, both printed:

1. ``--runs`` (default 10) runs of each one-task playbook, interleaved with the empty
   one: per-task time = median(run) - median(empty run);
2. one playbook with the task repeated ``--repeat`` (default 10) times:
   per-task time = (run - empty run) / repeat.

Also prints how many API requests one no-op ``cockroach_cluster`` task sends (from the
emulator's request log; the goal is 1, a listing to find the cluster by name) and how
many of them could change something (must be 0). Numbers only, no asserts.

Run from the repository root: ``.venv/bin/python tests/benchmarks/cluster_noop_bench.py``.
"""

import argparse
import os
import shutil
import statistics
import sys
import tempfile


sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
from tests.benchmarks.playbook_bench import PlaybookBench, ms  # noqa: E402 pylint: disable=wrong-import-position
CLUSTER_NAME = "bench-noop"

CLUSTER_TASK = {
    "name": "Cluster (no-op)",
    "cockroachdb.cloud.cockroach_cluster": {
        "name": CLUSTER_NAME,
        "cloud_provider": "GCP",
        "plan": "serverless",
        "regions": [{"name": "us-central1"}],
        "serverless": {"usage_limits": {"request_unit_limit": 100000000, "storage_mib_limit": 10240}},
        "labels": {"env": "bench"},
        "wait": True,
    },
}


def uri_task(url, key, cluster_id):
    return {
        "name": "GET the cluster (uri)",
        "ansible.builtin.uri": {
            "url": "%s/api/v1/clusters/%s" % (url, cluster_id),
            "headers": {"Authorization": "Bearer " + key, "Cc-Version": "2024-09-16"},
            "return_content": False,
        },
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="runs of each one-task playbook")
    parser.add_argument("--repeat", type=int, default=10, help="tasks in the repeated playbooks")
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="cluster-noop-bench-")
    bench = PlaybookBench(workdir, ["--rate-limit", "0"])
    try:
        bench.write("create", [dict(CLUSTER_TASK, name="Create the cluster")])
        bench.run("create")
        clusters = bench.api_get("/api/v1/clusters")["clusters"]
        cluster_id = [c["id"] for c in clusters if c["name"] == CLUSTER_NAME][0]
        uri = uri_task(bench.url, bench.key, cluster_id)

        bench.write("empty", [])
        bench.write("cluster", [CLUSTER_TASK])
        bench.write("uri", [uri])
        bench.write("cluster_x", [CLUSTER_TASK] * args.repeat)
        bench.write("uri_x", [uri] * args.repeat)

        # What one no-op cluster task sends.
        mark = bench.last_seq()
        bench.run("cluster")
        sent = bench.requests_since(mark)
        mutating = [e for e in sent if e["method"] not in ("GET", "HEAD")]

        bench.run("empty")  # warm caches before timing
        times = {"empty": [], "cluster": [], "uri": []}
        for _unused in range(args.runs):
            for name in times:
                times[name].append(bench.run(name)[0])
        base = statistics.median(times["empty"])
        per_run = {name: statistics.median(values) - base for name, values in times.items()}

        mark = bench.last_seq()
        repeated = {name: (bench.run(name + "_x")[0] - base) / args.repeat for name in ("cluster", "uri")}
        repeated_requests = len(bench.requests_since(mark))
    finally:
        bench.close()
        shutil.rmtree(workdir, ignore_errors=True)

    print("No-op cockroach_cluster task vs uri GET (emulator on 127.0.0.1, rate limit off)")
    print("")
    print("1. %d runs of each one-task playbook, median minus the empty playbook's median" % args.runs)
    print("   empty playbook run      %s  (min %s, max %s)"
          % (ms(base), ms(min(times["empty"])), ms(max(times["empty"]))))
    for name, label in (("cluster", "cockroach_cluster no-op"), ("uri", "uri GET")):
        print("   %-23s %s per task  (runs: median %s, min %s, max %s)"
              % (label, ms(per_run[name]), ms(statistics.median(times[name])),
                 ms(min(times[name])), ms(max(times[name]))))
    print("   ratio cluster/uri       %7.2f" % (per_run["cluster"] / per_run["uri"]))
    print("")
    print("2. one playbook with the task %d times, (run - empty run) / %d" % (args.repeat, args.repeat))
    print("   cockroach_cluster no-op %s per task" % ms(repeated["cluster"]))
    print("   uri GET                 %s per task" % ms(repeated["uri"]))
    print("   ratio cluster/uri       %7.2f" % (repeated["cluster"] / repeated["uri"]))
    print("")
    print("API requests of one no-op cockroach_cluster task: %d (goal 1), mutating: %d"
          % (len(sent), len(mutating)))
    for entry in sent:
        print("   %s %s%s -> %s (%s)" % (entry["method"], entry["path"],
                                         "?" + "&".join("%s=%s" % (k, v[0]) for k, v in entry["query"].items())
                                         if entry["query"] else "", entry["status"], entry["operation"]))
    print("API requests of the two repeated playbooks: %d for %d tasks each (expect %d)"
          % (repeated_requests, args.repeat, 2 * args.repeat))
    return 0


if __name__ == "__main__":
    sys.exit(main())
