"""The secrets scan of the integration log: what it counts as the collection's leak, and
what as the test's own output."""

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

import secrets_scan  # noqa: E402  pylint: disable=wrong-import-position

KEY = "CCDB1_" + "a" * 22 + "_" + "b" * 40
TASKS = """- name: Read the API ourselves
  ansible.builtin.uri:
    url: http://127.0.0.1/api/v1/clusters
    headers: {Authorization: "Bearer {{ key }}"}

- name: The module
  cockroachdb.cloud.cockroach_sql_user:
    cluster: web
    password: "{{ pw }}"
"""


def log(root, task_line, shown):
    path = os.path.join(root, "tests/integration/targets/t/tasks/main.yml")
    return ["TASK [t : task] ***\n", "task path: /tmp/x/ansible_collections/cockroachdb/cloud/tests/output/.tmp/"
            "integration/t-123/tests/integration/targets/t/tasks/main.yml:%d\n" % task_line,
            "ok: [testhost] => {\n", '    "shown": "%s"\n' % shown, "}\n"] if os.path.exists(path) else []


def test_a_secret_in_a_module_result_is_a_leak_and_in_a_uri_call_is_not(tmp_path):
    tasks = tmp_path / "tests/integration/targets/t/tasks"
    tasks.mkdir(parents=True)
    (tasks / "main.yml").write_text(TASKS)
    leaks, skipped = secrets_scan.scan(log(str(tmp_path), 1, "Bearer " + KEY), {"pw-12345678"}, str(tmp_path))
    assert leaks == {} and skipped == 1
    leaks, skipped = secrets_scan.scan(log(str(tmp_path), 6, "pw-12345678"), {"pw-12345678"}, str(tmp_path))
    assert list(leaks) == ["pw-12345678"] and skipped == 0
    leaks, _skipped = secrets_scan.scan(log(str(tmp_path), 6, KEY), set(), str(tmp_path))
    assert list(leaks) == [KEY]  # any whole API key secret, known or not


def test_the_items_of_a_loop_are_the_tests_own_data(tmp_path):
    lines = ["TASK [t : cases] ***\n", "failed: [testhost] (item=x) => {\n", '    "item": {\n',
             '        "password": "pw-12345678"\n', "    },\n", '    "msg": "pw-12345678"\n', "}\n"]
    leaks, skipped = secrets_scan.scan(lines, {"pw-12345678"}, str(tmp_path))
    assert skipped == 1 and leaks == {"pw-12345678": (6, "TASK [t : cases]")}


def test_literal_secrets_are_read_from_the_tests(tmp_path):
    (tmp_path / "playbooks").mkdir()
    (tmp_path / "playbooks" / "p.yml").write_text("vars:\n  my_password: Sup3r-secret\n  name: not-a-secret-1\n")
    assert secrets_scan.literal_secrets(str(tmp_path)) == {"Sup3r-secret"}
