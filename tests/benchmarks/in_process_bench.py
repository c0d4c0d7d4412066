"""What a task costs in-process (the default) and as a module, against what users would
write instead (``ansible.builtin.uri``) and the floor of any task (``set_fact``).

Starts an emulator (rate limit off), creates a serverless cluster, then times playbooks
with one kind of task repeated ``--repeat`` times; per task = (run - empty run) / repeat,
the median of ``--runs`` runs. Prints milliseconds and the ratios the targets are set in:
in-process no-op <= 0.25x a uri GET, and within 1.5x of set_fact. Also the requests of
one no-op task in each mode (the same). Numbers only, no asserts.

Run from the repository root: ``.venv/bin/python tests/benchmarks/in_process_bench.py``.
"""

import argparse
import os
import shutil
import statistics
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
from tests.benchmarks.cluster_noop_bench import CLUSTER_TASK, uri_task  # noqa: E402 pylint: disable=wrong-import-position
from tests.benchmarks.playbook_bench import PlaybookBench, ms  # noqa: E402 pylint: disable=wrong-import-position

SET_FACT = {"name": "A fact", "ansible.builtin.set_fact": {"bench_fact": "{{ 6 * 7 }}"}}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each playbook")
    parser.add_argument("--repeat", type=int, default=20, help="tasks in each playbook")
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="in-process-bench-")
    bench = PlaybookBench(workdir, ["--rate-limit", "0"])
    try:
        bench.write("create", [dict(CLUSTER_TASK, name="Create the cluster")])
        bench.run("create")
        cluster = [c for c in bench.api_get("/api/v1/clusters")["clusters"] if c["name"] == CLUSTER_TASK[
            "cockroachdb.cloud.cockroach_cluster"]["name"]][0]
        kinds = {"set_fact": SET_FACT, "uri": uri_task(bench.url, bench.key, cluster["id"]),
                 "in_process": CLUSTER_TASK, "module": CLUSTER_TASK}
        bench.write("empty", [])
        for name, task in kinds.items():
            bench.write(name, [task] * args.repeat)
        bench.write("one", [CLUSTER_TASK])

        requests = {}
        for mode, switch in (("in_process", "true"), ("module", "false")):
            bench.env["COCKROACH_IN_PROCESS"] = switch
            mark = bench.last_seq()
            bench.run("one")
            requests[mode] = [(e["method"], e["operation"]) for e in bench.requests_since(mark)]

        bench.run("empty")  # warm caches
        times = dict((name, []) for name in ["empty"] + list(kinds))
        for _unused in range(args.runs):
            for name in times:
                bench.env["COCKROACH_IN_PROCESS"] = "false" if name == "module" else "true"
                times[name].append(bench.run(name)[0])
        base = statistics.median(times["empty"])
        per_task = dict((name, (statistics.median(times[name]) - base) / args.repeat) for name in kinds)
    finally:
        bench.close()
        shutil.rmtree(workdir, ignore_errors=True)

    print("Per task, %d tasks a playbook, median of %d runs minus the empty playbook (%s)"
          % (args.repeat, args.runs, ms(base).strip()))
    labels = {"set_fact": "set_fact (the floor)", "uri": "uri GET", "in_process": "cockroach_cluster no-op, in-process",
              "module": "cockroach_cluster no-op, as a module"}
    for name, label in labels.items():
        print("  %-38s %s" % (label, ms(per_task[name])))
    print("")
    print("  in-process / uri          %6.2fx  (target <= 0.25)" % (per_task["in_process"] / per_task["uri"]))
    print("  in-process / set_fact     %6.2fx  (aim <= 1.5)" % (per_task["in_process"] / per_task["set_fact"]))
    print("  module / uri              %6.2fx" % (per_task["module"] / per_task["uri"]))
    print("  in-process / module       %6.2fx" % (per_task["in_process"] / per_task["module"]))
    print("")
    for mode, sent in requests.items():
        print("  requests of one no-op task, %-10s %s" % (mode + ":", sent))


if __name__ == "__main__":
    main()
