"""Forks benchmark: many hosts' tasks at once against the API's rate limit (10 requests/s per key).

Starts an emulator with ``--rate-limit 10`` (the service's limit), seeds ``--clusters``
clusters (default 50), and runs a play over the hosts of the inventory plugin
(``plugin: cockroachdb.cloud.clusters``) with ``--forks`` (default 20) whose one task is
``cockroachdb.cloud.cockroach_cluster_info: {id: "{{ id }}"}`` (in-process, the default).

It runs that play with the client-side rate limiter off (``COCKROACH_RATE_LIMIT=0``) and on
(the default, 10 requests/s), ``--runs`` times each (default 1), in the same run, and prints
for each: failed tasks, API requests, 429 answers and their share, and the elapsed time of
``ansible-playbook`` against the bound (useful requests / 10 s; the API cannot do better) as
a ratio, plus the same ratio for the API window alone (first to last request in the
emulator's log, without the start of ansible-playbook). Numbers only, no asserts.

Targets with the limiter on: 0 failures, <= 1.1x the bound, 429 answers < 10% of requests.

The limiter's state files go to a directory of the benchmark's own
(``COCKROACH_RATE_LIMIT_DIR``), so that other runs on this machine that use the emulator's
admin key do not share the bucket.

Run from the repository root: ``.venv/bin/python tests/benchmarks/forks_bench.py``
(``--clusters 50 --forks 20 --runs 1``).
"""

import argparse
import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

import requests

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from playbook_bench import BIN, PlaybookBench  # noqa: E402  pylint: disable=wrong-import-position

RATE = 10.0
RECAP = re.compile(r"^\S+\s*:\s*ok=(\d+)\s+changed=(\d+)\s+unreachable=(\d+)\s+failed=(\d+)", re.M)


class ForksBench(PlaybookBench):
    def control(self, method, path, body=None):
        response = requests.request(method, self.url + "/_emulator/" + path, json=body, timeout=600)
        response.raise_for_status()
        return response.json()

    def setup(self, clusters, forks, plan="SERVERLESS", task_args=None):
        self.control("POST", "seed", {"clusters": clusters, "plan": plan, "provider": "GCP" if plan == "SERVERLESS"
                                      else "AWS", "name_prefix": "forks"})
        self.inventory = os.path.join(self.workdir, "forks.cockroach.yml")
        with open(self.inventory, "w", encoding="utf-8") as handle:
            json.dump({"plugin": "cockroachdb.cloud.clusters"}, handle)  # JSON is YAML
        self.playbook = os.path.join(self.workdir, "forks.yml")
        with open(self.playbook, "w", encoding="utf-8") as handle:
            json.dump([{"name": "Every cluster", "hosts": "all", "gather_facts": False,
                        "tasks": [{"name": "Read the cluster",
                                   "cockroachdb.cloud.cockroach_cluster_info": dict(task_args or {}, id="{{ id }}")}]}],
                      handle)
        self.forks = forks
        self.env["COCKROACH_RATE_LIMIT_DIR"] = os.path.join(self.workdir, "limiter")
        os.makedirs(self.env["COCKROACH_RATE_LIMIT_DIR"])

    def run_play(self, rate):
        """One run; ``rate`` is COCKROACH_RATE_LIMIT (None: unset, the default)."""
        # A fresh server bucket (PATCH config resets them), then a second to be sure it is full,
        # and a fresh client bucket.
        self.control("PATCH", "config", {"rate_limit": RATE})
        for name in os.listdir(self.env["COCKROACH_RATE_LIMIT_DIR"]):
            os.remove(os.path.join(self.env["COCKROACH_RATE_LIMIT_DIR"], name))
        time.sleep(1.5)
        env = dict(self.env)
        env.pop("COCKROACH_RATE_LIMIT", None)
        if rate is not None:
            env["COCKROACH_RATE_LIMIT"] = str(rate)
        mark = self.last_seq()
        started = time.monotonic()
        result = subprocess.run([os.path.join(BIN, "ansible-playbook"), "-i", self.inventory, "-f", str(self.forks),
                                 self.playbook], env=env, cwd=self.workdir, capture_output=True, text=True,
                                check=False)
        elapsed = time.monotonic() - started
        sent = self.requests_since(mark)
        recap = RECAP.findall(result.stdout)
        if not recap:
            sys.exit("ansible-playbook gave no recap (%d):\n%s%s"
                     % (result.returncode, result.stdout[-3000:], result.stderr[-3000:]))
        times = [datetime.datetime.fromisoformat(e["time"].replace("Z", "+00:00")) for e in sent]
        window = (max(times) - min(times)).total_seconds() if times else 0.0
        return {"hosts": len(recap), "ok": sum(int(r[0]) for r in recap), "failed": sum(int(r[3]) for r in recap),
                "unreachable": sum(int(r[2]) for r in recap), "requests": len(sent),
                "throttled": sum(1 for e in sent if e["status"] == 429), "elapsed": elapsed, "window": window}


def report(label, row):
    useful = row["requests"] - row["throttled"]
    bound = useful / RATE
    print("%-26s failed %d/%d, requests %d (useful %d), 429 answers %d (%.0f%%), elapsed %.2f s = %.2fx the bound"
          " of %.1f s (API window %.2f s = %.2fx)"
          % (label, row["failed"] + row["unreachable"], row["hosts"], row["requests"], useful, row["throttled"],
             100.0 * row["throttled"] / max(1, row["requests"]), row["elapsed"], row["elapsed"] / bound, bound,
             row["window"], row["window"] / bound))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clusters", type=int, default=50)
    parser.add_argument("--forks", type=int, default=20)
    parser.add_argument("--runs", type=int, default=1, help="runs of each limiter setting")
    parser.add_argument("--latency-ms", type=int, default=0, help="the emulator's latency for each API request")
    parser.add_argument("--plan", choices=["SERVERLESS", "DEDICATED"], default="SERVERLESS",
                        help="of the seeded clusters (DEDICATED ones have nodes)")
    parser.add_argument("--task-args", type=json.loads, default={},
                        help='more options of the task, as JSON: {"include_nodes": true} adds a request per '
                             'dedicated cluster, {"include_connection_string": true} one per cluster')
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="forks-bench-")
    bench = ForksBench(workdir, emulator_args=["--rate-limit", str(RATE), "--latency-ms", str(args.latency_ms)])
    rows = []
    try:
        bench.setup(args.clusters, args.forks, args.plan, args.task_args)
        bench.run_play(0)  # warm bytecode caches
        for run in range(args.runs):
            for label, rate in (("limiter off (RATE_LIMIT=0)", 0), ("limiter on (default)", None)):
                rows.append((label, run, bench.run_play(rate)))
    finally:
        bench.close()
        shutil.rmtree(workdir, ignore_errors=True)

    print("%d %s clusters, a play over the inventory plugin's hosts with forks=%d, one cockroach_cluster_info "
          "task each (%s); emulator rate limit %g requests/s per key, latency %d ms"
          % (args.clusters, args.plan.lower(), args.forks, json.dumps(dict(args.task_args, id="{{ id }}")), RATE,
             args.latency_ms))
    for label, _run, row in rows:
        report(label, row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
