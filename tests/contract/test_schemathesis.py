"""Schemathesis against a live emulator: no server errors, every response fits the contract.

Two runs: one with generated ids (mostly unknown resources and invalid input), one with
the path ids pinned to real resources so that the handlers' success paths answer too.
The status-code check is left out on purpose: the service answers 403/404/409/503 on
operations whose contract entry does not list them (NOTES.md).
"""

import os
import subprocess
import sys

import requests

SPEC = os.path.join(os.path.dirname(__file__), "..", "emulator", "openapi", "cockroach-cloud-openapi.yaml")
CHECKS = "not_a_server_error,response_schema_conformance,content_type_conformance"


def _schemathesis(emulator, tmp_path, config=""):
    config_file = tmp_path / "schemathesis.toml"
    config_file.write_text(config)
    command = [os.path.join(os.path.dirname(sys.executable), "schemathesis"), "--no-color",
               "--config-file", str(config_file), "run", SPEC, "--url", emulator.url,
               "-H", "Authorization: Bearer " + emulator.admin_key, "-H", "Cc-Version: 2024-09-16",
               "--checks", CHECKS, "--phases", "examples,coverage,fuzzing",
               "--max-examples", os.environ.get("SCHEMATHESIS_MAX_EXAMPLES", "15"),
               "--seed", "20261127", "--workers", "2"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=900, check=False)
    (tmp_path / "schemathesis.out").write_text(result.stdout + result.stderr)
    summary = result.stdout[-6000:]
    assert result.returncode == 0, summary
    assert "No issues found" in result.stdout or " 0 failures" in result.stdout or "passed" in result.stdout, summary
    return result.stdout


def _seed_resources(emulator):
    """A protected dedicated AWS cluster with sub-resources, and a folder, for pinned ids."""
    session = requests.Session()
    session.headers.update({"Authorization": "Bearer " + emulator.admin_key})
    url = emulator.url + "/api/v1"
    cluster = session.post(url + "/clusters", json={
        "name": "fuzz-target", "provider": "AWS",
        "spec": {"delete_protection": "ENABLED", "dedicated": {
            "region_nodes": {"us-east-1": 3},
            "hardware": {"machine_spec": {"num_virtual_cpus": 4}, "storage_gib": 15}}}}).json()
    folder = session.post(url + "/folders", json={"name": "fuzz-folder"}).json()
    account = session.post(url + "/service-accounts", json={"name": "fuzz-account"}).json()
    return cluster["id"], folder["resource_id"], account["id"]


def test_generated_requests(live_emulator, tmp_path):
    emulator = live_emulator("--rate-limit", "0")
    _schemathesis(emulator, tmp_path)


def test_requests_on_existing_resources(live_emulator, tmp_path):
    emulator = live_emulator("--rate-limit", "0")
    cluster_id, folder_id, account_id = _seed_resources(emulator)
    config = ('[parameters]\n"path.cluster_id" = "%s"\n"path.folder_id" = "%s"\n'
              '"path.user_id" = "%s"\n' % (cluster_id, folder_id, account_id))
    _schemathesis(emulator, tmp_path, config)
