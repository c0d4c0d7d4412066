"""Fixtures for the packaging tests: the collection as users get it (a built tarball,
installed into a clean collections path), and an emulator to run it against."""

import glob
import json
import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.path.dirname(sys.executable)


def tool(name):
    return os.path.join(BIN, name)


def work_tree_files():
    """What git would ship: tracked files plus untracked ones that are not ignored."""
    listed = subprocess.run(["git", "-C", ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            check=True, capture_output=True).stdout.split(b"\0")
    return [name.decode() for name in listed if name and os.path.exists(os.path.join(ROOT, name.decode()))]


@pytest.fixture(scope="session")
def tarball(tmp_path_factory):
    """``ansible-galaxy collection build`` of a copy of the work tree."""
    work = tmp_path_factory.mktemp("build")
    source = work / "source"
    for name in work_tree_files():
        target = source / name
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(os.path.join(ROOT, name), "rb") as src, open(str(target), "wb") as dst:
            dst.write(src.read())
    subprocess.run([tool("ansible-galaxy"), "collection", "build", str(source), "--output-path", str(work)],
                   check=True, capture_output=True)
    (built,) = glob.glob(str(work / "cockroachdb-cloud-*.tar.gz"))
    return built


@pytest.fixture(scope="session")
def installed(tarball, tmp_path_factory):
    """The tarball installed into a clean collections path (from another directory)."""
    path = tmp_path_factory.mktemp("collections")
    # --force: a copy installed elsewhere (~/.ansible/collections) would make it a no-op.
    subprocess.run([tool("ansible-galaxy"), "collection", "install", "--force", tarball, "-p", str(path)],
                   check=True, capture_output=True, cwd=str(path))
    assert (path / "ansible_collections" / "cockroachdb" / "cloud" / "MANIFEST.json").is_file()
    return path


@pytest.fixture
def emulator():
    """An emulator process: {"url", "admin_key"}."""
    process = subprocess.Popen(  # pylint: disable=consider-using-with
        [sys.executable, "-m", "tests.emulator", "--port", "0", "--test-controls", "--validate-responses"],
        cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        yield json.loads(process.stdout.readline())
    finally:
        process.terminate()
        process.wait(timeout=30)
