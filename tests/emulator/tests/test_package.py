"""The emulator installs on its own (``pip install ./tests/emulator``) with a console script,
as users install it to test their playbooks without a cloud account."""

import collections
import glob
import json
import os
import shutil
import subprocess
import sys
import urllib.request
import zipfile

import pytest

# The emulator package's folder (its pyproject.toml), the parent of this tests folder.
EMULATOR_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


# The emulator's dependencies as `make lock` pinned them (and setuptools, its build backend):
# the test installs exactly those, so a new release of one on PyPI cannot change its outcome.
LOCK = os.path.join(os.path.dirname(os.path.dirname(EMULATOR_DIR)), "lock", "emulator.txt")


Package = collections.namedtuple("Package", "venv wheel")


@pytest.fixture(scope="module")
def package(tmp_path_factory):
    """The emulator's wheel, built from a copy of its folder (its tests included, as in a clone),
    installed into a fresh virtualenv."""
    work = tmp_path_factory.mktemp("emulator-package")
    source = work / "source"
    shutil.copytree(EMULATOR_DIR, str(source), ignore=shutil.ignore_patterns("__pycache__", "build", "*.egg-info"))
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [str(venv / "bin" / "python"), "-m", "pip"]
    quiet = ["-q", "--disable-pip-version-check"]
    subprocess.run(pip + ["install"] + quiet + ["--require-hashes", "--no-deps", "-r", LOCK], check=True, timeout=600)
    subprocess.run(pip + ["wheel"] + quiet + ["--no-deps", "--no-build-isolation", "-w", str(work / "dist"), str(source)],
                   check=True, timeout=600)
    (wheel,) = glob.glob(str(work / "dist" / "*.whl"))
    subprocess.run(pip + ["install"] + quiet + ["--no-deps", wheel], check=True, timeout=600)
    # The package's declared dependencies are all there, at versions it accepts.
    subprocess.run(pip + ["check"], check=True, timeout=120)
    return Package(venv, wheel)


@pytest.fixture(scope="module")
def installed(package):
    """A fresh virtualenv with the emulator package installed."""
    return package.venv


def test_the_wheel_holds_the_emulator_not_its_tests(package):
    with zipfile.ZipFile(package.wheel) as wheel:
        names = wheel.namelist()
    assert "cockroach_cloud_emulator/cli.py" in names
    assert "cockroach_cloud_emulator/openapi/cockroach-cloud-openapi.yaml" in names
    assert "cockroach_cloud_emulator/openapi/live-openapi.json" in names
    assert "cockroach_cloud_emulator/live/clusters.py" in names
    assert [name for name in names if "tests/" in name or "conftest" in name] == []


@pytest.mark.parametrize("contract", ["contract", "live"])
def test_the_console_script_serves_the_api(installed, contract):
    script = str(installed / "bin" / "cockroach-cloud-emulator")
    process = subprocess.Popen([script, "--port", "0", "--async-seconds", "0",  # pylint: disable=consider-using-with
                                "--contract", contract], stdout=subprocess.PIPE, text=True)
    try:
        info = json.loads(process.stdout.readline())
        assert info["contract"] == contract
        request = urllib.request.Request(info["url"] + "/api/v1/clusters", headers={
            "Authorization": "Bearer " + info["admin_key"], "Cc-Version": "2024-09-16"})
        with urllib.request.urlopen(request, timeout=30) as response:
            assert response.status == 200
            assert response.headers["X-Cockroach-Emulator-Contract"] == contract
            assert json.load(response)["clusters"] == []
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_the_package_holds_the_contract_and_names_itself(installed):
    python = str(installed / "bin" / "python")
    out = subprocess.run([python, "-c", "import cockroach_cloud_emulator.spec as s, os; "
                          "print(os.path.exists(s.SPEC_PATH), s.__name__)"],
                         check=True, capture_output=True, text=True).stdout.split()
    assert out == ["True", "cockroach_cloud_emulator.spec"]
    usage = subprocess.run([str(installed / "bin" / "cockroach-cloud-emulator"), "--help"],
                           check=True, capture_output=True, text=True).stdout
    assert usage.startswith("usage: cockroach-cloud-emulator")
