"""What the playbook benchmarks share: an emulator, a collections path, timed playbook runs.

Imported by the benchmark scripts of this folder (run from the repository root).
"""

import json
import os
import subprocess
import sys
import time

import requests

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.path.dirname(sys.executable)


def play(tasks):
    return [{"name": "Benchmark", "hosts": "localhost", "connection": "local",
             "gather_facts": False, "tasks": tasks}]


def ms(seconds):
    return "%8.1f ms" % (seconds * 1000.0)


class PlaybookBench:
    """An emulator (started with ``emulator_args``) and ansible-playbook runs against it."""

    def __init__(self, workdir, emulator_args=()):
        self.workdir = workdir
        collections = os.path.join(workdir, "collections")
        os.makedirs(os.path.join(collections, "ansible_collections", "cockroachdb"))
        os.symlink(ROOT, os.path.join(collections, "ansible_collections", "cockroachdb", "cloud"))
        self.env = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=collections,
                        ANSIBLE_LOCALHOST_WARNING="false", ANSIBLE_INVENTORY_UNPARSED_WARNING="false",
                        ANSIBLE_NOCOLOR="1", ANSIBLE_RETRY_FILES_ENABLED="false")
        self.env.pop("PYTHONDONTWRITEBYTECODE", None)  # cached bytecode, as users have it
        self.emulator = subprocess.Popen(  # pylint: disable=consider-using-with
            [sys.executable, "-m", "tests.emulator", "--port", "0", "--test-controls"] + list(emulator_args),
            cwd=ROOT, stdout=subprocess.PIPE, text=True)
        info = json.loads(self.emulator.stdout.readline())
        self.url, self.key = info["url"], info["admin_key"]
        self.env.update(COCKROACH_SERVER=self.url, COCKROACH_API_KEY=self.key)
        self.playbooks = {}

    def close(self):
        self.emulator.terminate()
        self.emulator.wait(timeout=30)

    def write(self, name, tasks):
        path = os.path.join(self.workdir, name + ".yml")
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(play(tasks), handle)  # JSON is YAML
        self.playbooks[name] = path

    def run(self, name):
        """(wall time, stdout) of one ansible-playbook run of the named playbook."""
        started = time.monotonic()
        result = subprocess.run([os.path.join(BIN, "ansible-playbook"), self.playbooks[name]],
                                env=self.env, cwd=self.workdir, capture_output=True, text=True,
                                check=False)
        elapsed = time.monotonic() - started
        if result.returncode != 0:
            sys.exit("ansible-playbook %s failed (%d):\n%s%s"
                     % (name, result.returncode, result.stdout[-3000:], result.stderr[-3000:]))
        return elapsed, result.stdout

    def api_get(self, path):
        return requests.get(self.url + path, timeout=30, headers={
            "Authorization": "Bearer " + self.key, "Cc-Version": "2024-09-16"}).json()

    def last_seq(self):
        entries = requests.get(self.url + "/_emulator/requests", timeout=30).json()["requests"]
        return max([0] + [e["seq"] for e in entries])

    def requests_since(self, seq):
        return requests.get(self.url + "/_emulator/requests", params={"since": seq},
                            timeout=30).json()["requests"]
