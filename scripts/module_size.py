#!/usr/bin/env python
"""Lines of Python of each plugin, besides DOCUMENTATION, EXAMPLES and RETURN (and blank
lines and comments): what a module costs beyond its docs.

  python scripts/module_size.py [FILE...]     (default: plugins/modules/*.py)
"""

import ast
import glob
import sys

DOCS = ("DOCUMENTATION", "EXAMPLES", "RETURN")


def code_lines(path):
    with open(path) as handle:
        text = handle.read()
    skip = set()
    for node in ast.parse(text).body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) in DOCS for t in node.targets):
            skip.update(range(node.lineno, node.end_lineno + 1))
    count = 0
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if number in skip or not stripped or stripped.startswith("#"):
            continue
        count += 1
    return count


def main(paths):
    paths = paths or sorted(glob.glob("plugins/modules/*.py"))
    total = 0
    for path in paths:
        lines = code_lines(path)
        total += lines
        print("%5d  %s" % (lines, path))
    print("%5d  total" % total)


if __name__ == "__main__":
    main(sys.argv[1:])
