"""operation_coverage.py: which operations the plugins used, against NOT_YET."""

import requests

from tests.contract import operation_coverage as coverage
from tests.emulator import spec

OPERATIONS = [op.operation_id for op in spec.operations(spec.load_document())]
CLIENT = "cockroachdb.cloud/1.0.0 (Ansible collection)"
USED_TODAY = [op for op in OPERATIONS if op not in coverage.NOT_YET]


def entry(operation, user_agent=CLIENT):
    return {"operation": operation, "user_agent": user_agent, "status": 200}


def test_only_the_collections_requests_count():
    log = [entry("ListClusters"), entry("GetCluster", "curl/8.5.0"), entry(None), entry("ListFolders", None)]
    assert coverage.used_operations(log) == {"ListClusters"}


def test_not_yet_names_operations_of_the_contract_and_their_modules():
    assert set(coverage.NOT_YET) <= set(OPERATIONS)
    assert all(module.startswith("cockroach_") for module in coverage.NOT_YET.values())


def test_a_full_run_of_todays_plugins_passes():
    lines, problems = coverage.compare(OPERATIONS, set(USED_TODAY), coverage.NOT_YET)
    assert problems == []
    assert lines[0] == "operations used by plugins %d/89" % len(USED_TODAY)
    assert sorted(lines[1:]) == sorted("  not used: %s (planned: %s)" % item for item in coverage.NOT_YET.items())


def test_an_operation_neither_used_nor_planned_fails():
    _lines, problems = coverage.compare(OPERATIONS, set(USED_TODAY) - {"EditDatabase"}, coverage.NOT_YET)
    assert problems == ["EditDatabase is used by no plugin and not planned in NOT_YET"]


def test_a_planned_operation_that_is_used_must_leave_not_yet():
    not_yet = {"EditDatabase": "cockroach_database"}
    _lines, problems = coverage.compare(OPERATIONS, set(OPERATIONS), not_yet)
    assert problems == ["EditDatabase is used by a plugin now: take it out of NOT_YET (cockroach_database)"]


def test_not_yet_must_name_operations_of_the_contract():
    not_yet = dict(coverage.NOT_YET, CreateLogExport="cockroach_log_export")
    _lines, problems = coverage.compare(OPERATIONS, set(USED_TODAY), not_yet)
    assert problems == ["NOT_YET names CreateLogExport, which is not an operation of the contract"]


def test_the_script_reads_a_live_emulators_log(live_emulator, monkeypatch, capsys):
    emulator = live_emulator("--test-controls", "--rate-limit", "0")
    session = requests.Session()
    session.headers.update({"Authorization": "Bearer " + emulator.admin_key, "User-Agent": CLIENT})
    session.get(emulator.url + "/api/v1/clusters").raise_for_status()
    session.get(emulator.url + "/api/v1/folders").raise_for_status()
    session.get(emulator.url + "/api/v1/organization", headers={"User-Agent": "curl/8.5.0"}).raise_for_status()
    assert coverage.main([emulator.url]) == 1  # the rest of today's operations were not used
    assert capsys.readouterr().out.startswith("operations used by plugins 2/89\n")
    monkeypatch.setattr(coverage, "NOT_YET", {op: "cockroach_x" for op in OPERATIONS
                                              if op not in ("ListClusters", "ListFolders")})
    assert coverage.main([emulator.url]) == 0


def test_the_script_adds_up_the_logs_of_several_emulators(live_emulator, monkeypatch, capsys):
    """The integration lanes have an emulator each: an operation used in any lane counts."""
    first = live_emulator("--test-controls", "--rate-limit", "0")
    second = live_emulator("--test-controls", "--rate-limit", "0")
    for emulator, path in ((first, "/api/v1/clusters"), (second, "/api/v1/folders")):
        session = requests.Session()
        session.headers.update({"Authorization": "Bearer " + emulator.admin_key, "User-Agent": CLIENT})
        session.get(emulator.url + path).raise_for_status()
    monkeypatch.setattr(coverage, "NOT_YET", {op: "cockroach_x" for op in OPERATIONS
                                              if op not in ("ListClusters", "ListFolders")})
    assert coverage.main([first.url, second.url]) == 0
    assert capsys.readouterr().out.startswith("operations used by plugins 2/89\n")
    assert coverage.main([first.url]) == 1  # ListFolders was used by the other one only


def test_conformance_counts_the_clients_requests_the_document_took():
    log = [dict(entry("ListClusters"), method="GET", path="/api/v1/clusters", invalid=False),
           dict(entry("CreateCluster"), method="POST", path="/api/v1/clusters", invalid=True, status=400),
           dict(entry("GetCluster", "curl/8.5.0"), method="GET", path="/x", invalid=True),
           dict(entry(None), method="GET", path="/nope", invalid=False)]
    lines, problems = coverage.conformance(log)
    assert lines == ["requests validated by the emulators' document: 2, conforming 1 (50.0%), refused 1"]
    assert problems == ["POST /api/v1/clusters (CreateCluster) was refused by the emulator's document"]


def test_conformance_of_a_clean_run_has_no_problem():
    lines, problems = coverage.conformance([dict(entry("ListClusters"), method="GET", path="/api/v1/clusters")])
    assert problems == [] and lines[0].endswith("1, conforming 1 (100.0%), refused 0")
