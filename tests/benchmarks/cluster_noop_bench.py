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
import json
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


def play(tasks):
    return [{"name": "Benchmark", "hosts": "localhost", "connection": "local",
             "gather_facts": False, "tasks": tasks}]


class Bench:
    def __init__(self, workdir):
        self.workdir = workdir
        collections = os.path.join(workdir, "collections")
        os.makedirs(os.path.join(collections, "ansible_collections", "cockroachdb"))
        os.symlink(ROOT, os.path.join(collections, "ansible_collections", "cockroachdb", "cloud"))
        self.env = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=collections,
                        ANSIBLE_LOCALHOST_WARNING="false", ANSIBLE_INVENTORY_UNPARSED_WARNING="false",
                        ANSIBLE_NOCOLOR="1", ANSIBLE_RETRY_FILES_ENABLED="false")
        self.env.pop("PYTHONDONTWRITEBYTECODE", None)  # cached bytecode, as users have it
        self.emulator = subprocess.Popen(  # pylint: disable=consider-using-with
            [sys.executable, "-m", "tests.emulator", "--port", "0", "--rate-limit", "0",
             "--test-controls"], cwd=ROOT, stdout=subprocess.PIPE, text=True)
        info = json.loads(self.emulator.stdout.readline())
        self.url, self.key = info["url"], info["admin_key"]
        self.env.update(COCKROACH_SERVER=self.url, COCKROACH_API_KEY=self.key)
        self.playbooks = {}

    def close(self):
        self.emulator.terminate()
        self.emulator.wait(timeout=30)

    def write(self, name, tasks):
        path = os.path.join(self.workdir, name + ".yml")
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(play(tasks), handle)  # JSON is YAML
        self.playbooks[name] = path

    def run(self, name):
        """Wall time of one ansible-playbook run of the named playbook."""
        started = time.monotonic()
        result = subprocess.run([os.path.join(BIN, "ansible-playbook"), self.playbooks[name]],
                                env=self.env, cwd=self.workdir, capture_output=True, text=True,
                                check=False)
        elapsed = time.monotonic() - started
        if result.returncode != 0:
            sys.exit("ansible-playbook %s failed (%d):\n%s%s"
                     % (name, result.returncode, result.stdout, result.stderr))
        return elapsed

    def last_seq(self):
        entries = requests.get(self.url + "/_emulator/requests", timeout=30).json()["requests"]
        return max([0] + [e["seq"] for e in entries])

    def requests_since(self, seq):
        return requests.get(self.url + "/_emulator/requests", params={"since": seq},
                            timeout=30).json()["requests"]


def ms(seconds):
    return "%7.1f ms" % (seconds * 1000.0)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="runs of each one-task playbook")
    parser.add_argument("--repeat", type=int, default=10, help="tasks in the repeated playbooks")
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="cluster-noop-bench-")
    bench = Bench(workdir)
    try:
        bench.write("create", [dict(CLUSTER_TASK, name="Create the cluster")])
        bench.run("create")
        clusters = requests.get(bench.url + "/api/v1/clusters", timeout=30, headers={
            "Authorization": "Bearer " + bench.key, "Cc-Version": "2024-09-16"}).json()["clusters"]
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
                times[name].append(bench.run(name))
        base = statistics.median(times["empty"])
        per_run = {name: statistics.median(values) - base for name, values in times.items()}

        mark = bench.last_seq()
        repeated = {name: (bench.run(name + "_x") - base) / args.repeat for name in ("cluster", "uri")}
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
