"""The release: the built tarball holds what users need (and no development files), and
installed into a clean collections path it runs a playbook, in-process and as modules."""

import os
import subprocess
import tarfile

import pytest

from tests.packaging.conftest import tool

SMOKE = """
- name: Smoke test of the installed collection
  hosts: localhost
  connection: local
  gather_facts: false
  vars:
    ansible_python_interpreter: "{{ ansible_playbook_python }}"
  tasks:
    - name: Create a cluster
      cockroachdb.cloud.cockroach_cluster:
        name: smoke-test
        cloud_provider: GCP
        regions: [{name: us-central1}]
      register: created
    - name: Create it again
      cockroachdb.cloud.cockroach_cluster:
        name: smoke-test
        cloud_provider: GCP
        regions: [{name: us-central1}]
      register: again
    - name: A database on it
      cockroachdb.cloud.cockroach_database: {cluster: smoke-test, name: orders}
    - name: Its connection string
      ansible.builtin.set_fact:
        dsn: "{{ lookup('cockroachdb.cloud.connection_string', 'smoke-test') }}"
    - name: Check
      ansible.builtin.assert:
        that:
          - created is changed and again is not changed
          - dsn.startswith('postgresql://')
    - name: Delete the cluster
      cockroachdb.cloud.cockroach_cluster: {name: smoke-test, state: absent}
"""


def test_the_tarball_holds_the_plugins_docs_and_metadata_but_no_development_files(tarball):
    with tarfile.open(tarball) as archive:
        names = set(archive.getnames())
    for needed in ("MANIFEST.json", "FILES.json", "README.md", "meta/runtime.yml", "meta/execution-environment.yml",
                   "requirements.txt", "plugins/modules/cockroach_cluster.py", "plugins/action/cockroach_cluster.py",
                   "plugins/module_utils/_kit/member.py", "plugins/plugin_utils/_in_process.py",
                   "plugins/inventory/clusters.py", "plugins/lookup/connection_string.py"):
        assert needed in names, needed
    for unwanted in ("Makefile", "requirements-test.txt", "requirements-matrix.txt", "lock/test.txt", "scripts/test.sh", ".ansible-lint", ".venv"):
        assert not [n for n in names if n == unwanted or n.startswith(unwanted + "/")], unwanted


@pytest.mark.parametrize("in_process", ["true", "false"])
def test_the_installed_collection_runs_a_playbook(installed, emulator, tmp_path, in_process):
    playbook = tmp_path / "smoke.yml"
    playbook.write_text(SMOKE)
    env = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=str(installed), COCKROACH_SERVER=emulator["url"],
               COCKROACH_API_KEY=emulator["admin_key"], COCKROACH_IN_PROCESS=in_process,
               ANSIBLE_LOCALHOST_WARNING="false", ANSIBLE_INVENTORY_UNPARSED_WARNING="false")
    result = subprocess.run([tool("ansible-playbook"), str(playbook)], env=env, cwd=str(tmp_path),
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "ok=6" in result.stdout and "changed=3" in result.stdout and "failed=0" in result.stdout
