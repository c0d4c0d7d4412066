"""The standard setup (1 cluster, 3 databases, 5 SQL users, 10 allowlist entries) with the
collection (playbooks/cluster_setup.yml, in-process and as modules) against the same setup
written with ``ansible.builtin.uri`` (files/cluster_setup_uri.yml), in one run.

Starts an emulator (rate limit off, clusters ready after 1 s), then for each version: the
first run (creates everything), then ``--runs`` no-op re-runs. Prints the times (median of
the re-runs), their ratios to the uri version (target: the no-op run <= 0.5x, the create
run faster) and the API requests of one no-op run (target: no more than the uri version's).
Numbers only, no asserts.

Run from the repository root: ``.venv/bin/python tests/benchmarks/standard_setup_bench.py``.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
from tests.benchmarks.playbook_bench import BIN, ROOT, PlaybookBench  # noqa: E402 pylint: disable=wrong-import-position

VERSIONS = {
    "in-process": (os.path.join(ROOT, "playbooks", "cluster_setup.yml"), "true"),
    "as modules": (os.path.join(ROOT, "playbooks", "cluster_setup.yml"), "false"),
    "uri": (os.path.join(ROOT, "tests", "benchmarks", "files", "cluster_setup_uri.yml"), "true"),
}


def run(bench, playbook, in_process, cluster):
    env = dict(bench.env, COCKROACH_IN_PROCESS=in_process)
    started = time.monotonic()
    result = subprocess.run([os.path.join(BIN, "ansible-playbook"), playbook, "-e", "setup_cluster=" + cluster],
                            env=env, cwd=bench.workdir, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit("%s failed:\n%s" % (playbook, result.stdout[-3000:]))
    return time.monotonic() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="no-op re-runs of each version")
    args = parser.parse_args()
    workdir = tempfile.mkdtemp(prefix="standard-setup-bench-")
    bench = PlaybookBench(workdir, ["--rate-limit", "0", "--async-seconds", "1"])
    created, noop, sent = {}, {}, {}
    try:
        for index, (label, (playbook, in_process)) in enumerate(VERSIONS.items()):
            cluster = "bench-setup-%d" % index  # each version its own cluster
            created[label] = run(bench, playbook, in_process, cluster)
            mark = bench.last_seq()
            run(bench, playbook, in_process, cluster)
            sent[label] = [(e["method"], e["operation"]) for e in bench.requests_since(mark)]
            noop[label] = statistics.median(run(bench, playbook, in_process, cluster) for _unused in range(args.runs))
    finally:
        bench.close()
        shutil.rmtree(workdir, ignore_errors=True)
    print("Standard setup: 1 cluster, 3 databases, 5 SQL users, 10 allowlist entries (emulator, rate limit off)")
    print("")
    print("  %-11s %13s %13s %9s" % ("", "create run", "no-op run", "requests"))
    for label in VERSIONS:
        print("  %-11s %11.2f s %11.2f s %9d" % (label, created[label], noop[label], len(sent[label])))
    print("")
    for label in ("in-process", "as modules"):
        print("  %-11s no-op / uri %5.2fx (target <= 0.5), create / uri %5.2fx (target < 1)"
              % (label, noop[label] / noop["uri"], created[label] / created["uri"]))
    print("")
    for label in VERSIONS:
        print("  no-op requests, %-10s %s" % (label + ":", sent[label]))


if __name__ == "__main__":
    main()
