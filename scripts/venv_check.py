"""Does this Python's environment hold exactly what a lock file pins?

    .venv/bin/python scripts/venv_check.py lock/test.txt

Exit 0 when every locked package is installed at its locked version and nothing else is
(pip itself, and setuptools/wheel where the lock leaves them out, come with the virtualenv).
Otherwise print each difference and exit 1. Run by scripts/test.sh and scripts/matrix.sh
after they install a lock, so a virtualenv that drifted fails loudly instead of testing
something else than CI does.
"""

import re
import sys
from importlib import metadata

SEEDED = {"pip", "setuptools", "wheel"}


def normalise(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def locked(path):
    """{name: version} from a lock file's `name==version` lines."""
    pins = {}
    with open(path) as handle:
        for line in handle:
            match = re.match(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", line)
            if match:
                pins[normalise(match.group(1))] = match.group(2)
    return pins


def installed():
    return {normalise(dist.metadata["Name"]): dist.version for dist in metadata.distributions()}


def differences(pins, present):
    for name in sorted(set(pins) | set(present)):
        want, have = pins.get(name), present.get(name)
        if want is None and name not in SEEDED:
            yield "%s %s is installed but not locked" % (name, have)
        elif have is None and want is not None:
            yield "%s %s is locked but not installed" % (name, want)
        elif want is not None and want != have:
            yield "%s %s is installed, %s is locked" % (name, have, want)


def main(path):
    found = list(differences(locked(path), installed()))
    for line in found:
        print("  " + line)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
