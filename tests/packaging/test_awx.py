"""What AWX / Automation Controller do, through their engine (ansible-runner): a job
template running a playbook, and an inventory update from the collection's inventory
plugin, with the credentials injected as the documented credential type injects them: its
injector configuration is read from the AWX guide (docs/docsite/rst/guide_awx.rst)."""

import json
import os
import re

import ansible_runner
import jinja2
import pytest
import yaml

from tests.packaging.conftest import BIN

PLAYBOOK = """
- name: Report the clusters of the inventory
  hosts: all
  gather_facts: false
  tasks:
    - name: Read each cluster by the id its host carries
      cockroachdb.cloud.cockroach_cluster_info:
        id: "{{ id }}"
      register: info
    - name: Check it
      ansible.builtin.assert:
        that:
          - info.clusters[0].name == cluster_name
"""


@pytest.fixture(autouse=True)
def tools_on_path(monkeypatch):
    """ansible-runner finds ansible-playbook and ansible-inventory on PATH, as in an EE."""
    monkeypatch.setenv("PATH", BIN + os.pathsep + os.environ.get("PATH", ""))


def private_data_dir(tmp_path, installed, emulator):
    (tmp_path / "project").mkdir()
    (tmp_path / "project" / "report.yml").write_text(PLAYBOOK)
    (tmp_path / "inventory").mkdir()
    (tmp_path / "inventory" / "clusters.cockroach.yml").write_text("plugin: cockroachdb.cloud.clusters\n")
    (tmp_path / "env").mkdir()
    (tmp_path / "env" / "envvars").write_text(json.dumps(envvars(installed, emulator)))
    return str(tmp_path)


GUIDE = os.path.join(os.path.dirname(__file__), "..", "..", "docs", "docsite", "rst", "guide_awx.rst")


def documented_injectors():
    """The ``env`` of the guide's "Injector configuration" code block."""
    text = open(GUIDE).read()  # pylint: disable=consider-using-with,unspecified-encoding
    block = re.search(r"Injector configuration:\n\n\.\. code-block:: yaml\n\n((?:   .*\n|\n)+)", text).group(1)
    return yaml.safe_load("\n".join(line[3:] for line in block.splitlines()))["env"]


def envvars(installed, emulator):
    """What AWX injects for a credential of the guide's type (its inputs rendered into the
    injector templates), and the collection as the EE holds it."""
    inputs = {"api_key": emulator["admin_key"], "api_url": emulator["url"]}
    env = dict((name, jinja2.Template(template).render(inputs)) for name, template in documented_injectors().items())
    env.update(ANSIBLE_COLLECTIONS_PATH=str(installed), ANSIBLE_INVENTORY_ENABLED="cockroachdb.cloud.clusters")
    return env


def test_the_guide_injects_the_variables_the_plugins_read():
    assert documented_injectors() == {"COCKROACH_API_KEY": "{{ api_key }}", "COCKROACH_SERVER": "{{ api_url }}"}


def plain(value):
    """A value of ansible-inventory's JSON (2.19 marks data from plugins as unsafe there)."""
    return value.get("__ansible_unsafe") if isinstance(value, dict) else value


def seed(emulator, count):
    import urllib.request  # pylint: disable=import-outside-toplevel
    request = urllib.request.Request(emulator["url"] + "/_emulator/seed", method="POST",
                                     data=json.dumps({"clusters": count}).encode(),
                                     headers={"Content-Type": "application/json"})
    urllib.request.urlopen(request, timeout=30).close()  # pylint: disable=consider-using-with


def assert_no_error(stderr):
    """Another program's stderr holds no error and no traceback. Warnings are allowed: a
    library's deprecation warning (cryptography's, say) is not the collection's failure."""
    text = stderr if isinstance(stderr, str) else "\n".join(stderr or [])
    assert "Traceback" not in text, text
    assert not re.search(r"^\s*(\[ERROR\]|ERROR[:!])", text, re.M), text


def test_an_inventory_update(installed, emulator, tmp_path):
    seed(emulator, 3)
    data = private_data_dir(tmp_path, installed, emulator)
    out, err = ansible_runner.get_inventory(action="list", inventories=[os.path.join(data, "inventory")],
                                            response_format="json", private_data_dir=data,
                                            envvars=envvars(installed, emulator), quiet=True)
    assert_no_error(err)
    hosts = out["_meta"]["hostvars"]
    assert len(hosts) == 3 and all(plain(v["ansible_connection"]) == "local" for v in hosts.values())
    assert sorted(out["cockroach_clusters"]["hosts"]) == sorted(hosts)


def test_a_job_template_run(installed, emulator, tmp_path):
    seed(emulator, 2)
    data = private_data_dir(tmp_path, installed, emulator)
    run = ansible_runner.run(private_data_dir=data, playbook="report.yml",
                             inventory=os.path.join(data, "inventory", "clusters.cockroach.yml"), quiet=True)
    assert (run.status, run.rc) == ("successful", 0), run.stdout.read()
    assert run.stats["ok"] and set(run.stats["ok"].values()) == {2} and not run.stats["failures"]
    # The API key never reaches the job's output.
    assert emulator["admin_key"] not in run.stdout.read()
