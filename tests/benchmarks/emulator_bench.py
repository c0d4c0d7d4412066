"""Emulator benchmark: prints requests per second and resident memory.

1. Throughput: ``GET /api/v1/clusters`` (100 clusters, one full page), rate limit off,
   2 concurrent clients with keep-alive sessions, for ``--seconds`` seconds.
2. Memory: resident set size of an emulator holding 10,000 clusters.

Run from the repository root: ``.venv/bin/python tests/benchmarks/emulator_bench.py``.
Targets (issue 2): >= 500 requests/s, < 150 MB.
"""

import argparse
import json
import os
import subprocess
import sys
import multiprocessing
import time

import requests

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def start_emulator(*args):
    process = subprocess.Popen(  # pylint: disable=consider-using-with
        [sys.executable, "-m", "tests.emulator", "--port", "0", "--rate-limit", "0",
         "--test-controls"] + list(args),
        cwd=ROOT, stdout=subprocess.PIPE, text=True)
    info = json.loads(process.stdout.readline())
    return process, info["url"], info["admin_key"]


def rss_mb(pid):
    with open("/proc/%d/status" % pid, encoding="ascii") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    raise RuntimeError("no VmRSS for %d" % pid)


def _client(url, key, deadline, results):
    """One client: a keep-alive session sending the listing until the deadline."""
    headers = {"Authorization": "Bearer " + key, "Cc-Version": "2024-09-16"}
    count = errors = 0
    with requests.Session() as session:
        while time.monotonic() < deadline:
            response = session.get(url + "/api/v1/clusters", headers=headers, timeout=10)
            if response.status_code != 200 or len(response.content) < 1000:
                errors += 1
            count += 1
    results.put((count, errors))


def throughput(url, key, seconds, clients):
    """Requests per second of ``clients`` client processes (no shared GIL with each other)."""
    results = multiprocessing.Queue()
    started = time.monotonic()
    deadline = started + seconds
    workers = [multiprocessing.Process(target=_client, args=(url, key, deadline, results))
               for _unused in range(clients)]
    for worker in workers:
        worker.start()
    outcomes = [results.get(timeout=seconds + 60) for _unused in workers]
    for worker in workers:
        worker.join()
    elapsed = time.monotonic() - started
    total = sum(outcome[0] for outcome in outcomes)
    return total / elapsed, total, sum(outcome[1] for outcome in outcomes)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--clients", type=int, default=2)
    parser.add_argument("--clusters", type=int, default=10000)
    args = parser.parse_args()

    process, url, key = start_emulator()
    try:
        requests.post(url + "/_emulator/seed", json={"clusters": 100}, timeout=60).raise_for_status()
        page = requests.get(url + "/api/v1/clusters", timeout=10,
                            headers={"Authorization": "Bearer " + key}).json()
        assert len(page["clusters"]) == 100, len(page["clusters"])
        rate, total, errors = throughput(url, key, args.seconds, args.clients)
        print("list_clusters_100: %.0f requests/s (%d requests, %d errors, %d clients, %.0f s)"
              % (rate, total, errors, args.clients, args.seconds))
    finally:
        process.terminate()
        process.wait(timeout=10)

    process, url, key = start_emulator()
    try:
        idle = rss_mb(process.pid)
        started = time.monotonic()
        requests.post(url + "/_emulator/seed", json={"clusters": args.clusters},
                      timeout=600).raise_for_status()
        seeded = time.monotonic() - started
        # One full listing walk, so that memory reflects serving as well as holding.
        token, seen = None, 0
        headers = {"Authorization": "Bearer " + key}
        while True:
            params = {"pagination.limit": 500}
            if token:
                params["pagination.page"] = token
            body = requests.get(url + "/api/v1/clusters", params=params, headers=headers,
                                timeout=30).json()
            seen += len(body["clusters"])
            token = body["pagination"].get("next")
            if not token:
                break
        print("memory_idle: %.1f MB" % idle)
        print("memory_%d_clusters: %.1f MB (seeded in %.1f s, listed %d)"
              % (args.clusters, rss_mb(process.pid), seeded, seen))
    finally:
        process.terminate()
        process.wait(timeout=10)


if __name__ == "__main__":
    main()
