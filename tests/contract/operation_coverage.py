"""Which operations of the contract the collection's plugins use, from real traffic.

    python tests/contract/operation_coverage.py URL [URL...]

Reads the request logs of the emulators at URL (one per integration lane) (``GET /_emulator/requests``, served with
``--test-controls``) and keeps the requests sent by the collection's client (User-Agent
``cockroachdb.cloud/<version> (Ansible collection)``). Exit status 1 when an operation is
neither used nor planned in NOT_YET, or when one planned in NOT_YET was used: take it out
of NOT_YET when its module arrives, so that the list only shrinks.

Also counts the requests validated by the emulators' document (the contract, or with
``--contract live`` the live service's, strictly): exit status 1 when one the collection sent
was refused by it (a field or query parameter the server does not take).
"""

import json
import os
import sys
import urllib.request

# Run as a script from the repository root: make ``tests.emulator`` importable.
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))

from tests.emulator import spec  # noqa: E402  pylint: disable=wrong-import-position

CLIENT_PREFIX = "cockroachdb.cloud/"

# operationId -> the planned module that will use it.
NOT_YET = {
}


def used_operations(log):
    """The operations of the log's requests that the collection's client sent."""
    return {entry["operation"] for entry in log
            if entry.get("operation") and (entry.get("user_agent") or "").startswith(CLIENT_PREFIX)}


def conformance(log):
    """(report lines, problems) for the requests of the client that reached an operation:
    how many the emulator's document took, and which it refused."""
    ours = [e for e in log if (e.get("user_agent") or "").startswith(CLIENT_PREFIX) and e.get("operation")]
    refused = [e for e in ours if e.get("invalid")]
    share = 100.0 * (len(ours) - len(refused)) / len(ours) if ours else 100.0
    lines = ["requests validated by the emulators' document: %d, conforming %d (%.1f%%), refused %d"
             % (len(ours), len(ours) - len(refused), share, len(refused))]
    problems = ["%s %s (%s) was refused by the emulator's document" % (e["method"], e["path"], e["operation"])
                for e in refused[:20]]
    return lines, problems


def compare(operations, used, not_yet):
    """(report lines, problems) for the contract's ``operations`` (ids, in order)."""
    unused = [op for op in operations if op not in used]
    lines = ["operations used by plugins %d/%d" % (len(operations) - len(unused), len(operations))]
    lines += ["  not used: %s (planned: %s)" % (op, not_yet.get(op, "none")) for op in unused]
    problems = ["%s is used by no plugin and not planned in NOT_YET" % op
                for op in unused if op not in not_yet]
    problems += ["%s is used by a plugin now: take it out of NOT_YET (%s)" % (op, not_yet[op])
                 for op in operations if op in used and op in not_yet]
    problems += ["NOT_YET names %s, which is not an operation of the contract" % op
                 for op in sorted(set(not_yet) - set(operations))]
    return lines, problems


def main(argv):
    if not argv:
        print("usage: operation_coverage.py EMULATOR_URL [EMULATOR_URL...]", file=sys.stderr)
        return 2
    log = []
    for url in argv:
        with urllib.request.urlopen(url.rstrip("/") + "/_emulator/requests", timeout=60) as response:
            log += json.load(response)["requests"]
    operations = [op.operation_id for op in spec.operations(spec.load_document())]
    lines, problems = compare(operations, used_operations(log), NOT_YET)
    more_lines, more_problems = conformance(log)
    lines, problems = lines + more_lines, problems + more_problems
    print("\n".join(lines))
    for problem in problems:
        print("ERROR: " + problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
