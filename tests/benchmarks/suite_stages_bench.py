"""What the test suite's own stages cost: each stage of ``scripts/test.sh`` alone (one at a
time, so that none slows another), then the whole suite as ``make test`` runs it (stages side
by side), with the seconds and the CPU seconds of each, and the integration targets that took
longest. Numbers only, no asserts: the budget (issue 19) is <= 12 min for the whole suite on
2 cores with warm caches, <= 16 min on a fresh clone.

Run from the repository root, on an otherwise idle machine (it takes about 20 min):
``.venv/bin/python tests/benchmarks/suite_stages_bench.py [--stages sanity units] [--no-suite]``.
"""

import argparse
import os
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
STAGES = ["sanity", "units", "pytest", "lint", "docs", "integration", "molecule", "matrix"]
RESULT = re.compile(r"^  (\w+): (PASSED|FAILED)[^(]*\((\d+) s, (\d+) s CPU")
TOTAL = re.compile(r"^  total: (\d+) s, (\d+) s CPU")
TARGET = re.compile(r"^passed: (\S+) \(lane \d+, (\d+) s\)")


def run(stages):
    """(seconds, summary lines, output) of ``scripts/test.sh STAGES``."""
    started = time.monotonic()
    result = subprocess.run(["bash", "scripts/test.sh"] + stages, cwd=ROOT, capture_output=True, text=True,
                            check=False)
    took = time.monotonic() - started
    if result.returncode != 0:
        sys.exit("scripts/test.sh %s failed:\n%s" % (" ".join(stages), result.stdout[-3000:]))
    return took, result.stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stages", nargs="*", default=STAGES, help="the stages to time alone")
    parser.add_argument("--no-suite", action="store_true", help="leave out the whole-suite run")
    args = parser.parse_args()

    print("%-12s %8s %8s" % ("stage alone", "seconds", "CPU s"))
    alone_cpu = 0
    targets = []
    for stage in args.stages:
        _took, output = run([stage])
        for line in output.splitlines():
            match = RESULT.match(line)
            if match and match.group(1) == stage:
                print("%-12s %8s %8s" % (stage, match.group(3), match.group(4)))
                alone_cpu += int(match.group(4))
            target = TARGET.match(line)
            if target:
                targets.append((int(target.group(2)), target.group(1)))
    print("%-12s %8s %8d" % ("(sum)", "", alone_cpu))
    if targets:
        print("\nslowest integration targets (s): " + ", ".join(
            "%s %d" % (name, seconds) for seconds, name in sorted(targets, reverse=True)[:10]))
    if not args.no_suite:
        took, output = run([])
        total = [TOTAL.match(line) for line in output.splitlines() if TOTAL.match(line)]
        print("\nwhole suite (make test): %.0f s, %s s CPU (%d CPUs)" % (
            took, total[0].group(2) if total else "?", os.cpu_count()))


if __name__ == "__main__":
    main()
