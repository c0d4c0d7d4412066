"""tests/README.md names every folder of tests/ and every folder of those (deeper ones, the
integration targets for one, are described by their parent's line)."""

import os

TESTS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
#: What the runs and the tools leave, not folders of the tests.
NOT_TESTS = {"output", "__pycache__", ".pytest_cache", "build"}


def only_leftovers(path):
    """A folder that holds nothing but what the tools leave (a moved folder's __pycache__)."""
    for name in os.listdir(path):
        full = os.path.join(path, name)
        if not os.path.isdir(full):
            return False
        if name not in NOT_TESTS and not name.startswith(".") and not only_leftovers(full):
            return False
    return True


def folders(path, depth):
    """The folders under ``path``, ``depth`` levels deep, as paths relative to tests/."""
    found = []
    for name in sorted(os.listdir(path)):
        full = os.path.join(path, name)
        if not os.path.isdir(full) or name in NOT_TESTS or name.startswith(".") or name.endswith(".egg-info"):
            continue
        if only_leftovers(full):
            continue
        found.append(os.path.relpath(full, TESTS))
        if depth > 1:
            found.extend(folders(full, depth - 1))
    return found


def test_the_readme_names_every_folder_of_the_tests():
    with open(os.path.join(TESTS, "README.md"), encoding="utf-8") as handle:
        readme = handle.read()
    unnamed = [folder for folder in folders(TESTS, 2) if "`%s/`" % folder not in readme]
    assert unnamed == [], "tests/README.md does not name these folders (as `%s/`): %s" % (
        unnamed[0], ", ".join(unnamed))
