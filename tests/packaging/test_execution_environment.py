"""Execution environments (AWX, Automation Controller, ansible-navigator): ansible-builder
finds the collection's Python requirements, and ``create`` makes a build context that holds
the collection. (``build`` needs a container engine, which CI does not have.)"""

import os
import shutil
import subprocess

import yaml

from tests.packaging.conftest import ROOT, tool


def test_the_collection_declares_its_requirements_for_builders():
    with open(os.path.join(ROOT, "meta", "execution-environment.yml")) as handle:
        meta = yaml.safe_load(handle)
    assert meta["dependencies"] == {"python": "requirements.txt", "system": "bindep.txt"}
    with open(os.path.join(ROOT, "requirements.txt")) as handle:
        assert [line.split(">=")[0] for line in handle if line.strip() and not line.startswith("#")] == ["requests"]


def test_introspect_finds_the_python_requirements_of_the_installed_collection(installed):
    out = subprocess.run([tool("ansible-builder"), "introspect", "--sanitize", str(installed)],
                         check=True, capture_output=True, text=True).stdout
    assert "requests>=2.25" in out and "cockroachdb.cloud" in out


def test_create_makes_a_build_context_with_the_collection(tarball, tmp_path):
    shutil.copy(tarball, str(tmp_path))
    name = os.path.basename(tarball)
    (tmp_path / "requirements.yml").write_text("collections:\n  - name: ./%s\n    type: file\n" % name)
    definition = {
        "version": 3,
        "images": {"base_image": {"name": "quay.io/ansible/awx-ee:latest"}},
        "dependencies": {"galaxy": "requirements.yml", "python_interpreter": {"python_path": "/usr/bin/python3"}},
        "additional_build_files": [{"src": name, "dest": "collections"}],
    }
    (tmp_path / "execution-environment.yml").write_text(yaml.safe_dump(definition))
    subprocess.run([tool("ansible-builder"), "create", "--file", "execution-environment.yml", "--context", "context"],
                   check=True, capture_output=True, cwd=str(tmp_path))
    context = tmp_path / "context"
    assert (context / "_build" / "collections" / name).exists()
    assert "type: file" in (context / "_build" / "requirements.yml").read_text()
    # Containerfile for podman, Dockerfile for docker: whichever the machine would use.
    (containerfile,) = [(context / n).read_text() for n in ("Containerfile", "Dockerfile") if (context / n).exists()]
    assert "ansible-galaxy collection install" in containerfile and "introspect" in containerfile
