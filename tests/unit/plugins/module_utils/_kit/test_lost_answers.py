# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Every kind of change, when its answer is lost after the change was made (the emulator's
``502-after`` and ``drop-after`` faults on every changing request): the task reads what it
did, sends each change exactly once, reports ``changed`` and the resource as it is."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible.module_utils.common.arg_spec import ArgumentSpecValidator

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import ApiError
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.runner import run_task
from ansible_collections.cockroachdb.cloud.plugins.modules import (
    cockroach_allowlist,
    cockroach_cluster,
    cockroach_database,
    cockroach_folder,
    cockroach_log_export,
    cockroach_maintenance_window,
    cockroach_restore,
    cockroach_service_account,
)

ARN = "arn:aws:iam::123456789012:role/cockroach-logs"


@pytest.fixture(params=["502-after", "drop-after"])
def lost(request, emu):
    """Turns on the fault: every changing request is applied, then its answer is lost."""
    def turn_on():
        emu.control("PUT", "faults", {"rate": 1.0, "kinds": [request.param], "methods": ["mutating"], "seed": 1})
    return turn_on


def run(emu, module, **given):
    validated = ArgumentSpecValidator(module.ARGUMENT_SPEC, **module.TASK.module_options).validate(given)
    assert not validated.error_messages, validated.error_messages
    return run_task(module.TASK.run, emu.context(validated.validated_parameters))


def changes_sent(emu, mark):
    return emu.mutations(mark)


def test_a_collection_member_is_created_renamed_and_deleted_once_each(emu, lost):
    cluster = emu.cluster("orders-db")
    lost()
    mark = emu.mark()
    made = run(emu, cockroach_database, cluster="orders-db", name="orders")
    renamed = run(emu, cockroach_database, cluster="orders-db", name="orders", new_name="sales")
    deleted = run(emu, cockroach_database, cluster="orders-db", name="sales", state="absent")
    assert [r.get("failed") for r in (made, renamed, deleted)] == [None, None, None], (made, renamed, deleted)
    assert (made["changed"], renamed["changed"], deleted["changed"]) == (True, True, True)
    assert made["database"]["name"] == "orders" and renamed["database"]["name"] == "sales"
    assert changes_sent(emu, mark) == ["CreateDatabase", "EditDatabase", "DeleteDatabase"]
    emu.control("DELETE", "faults")
    names = [d["name"] for d in emu.admin.get("/api/v1/clusters/%s/databases" % cluster["id"])["databases"]]
    assert names == ["defaultdb", "postgres"]


def test_a_cluster_is_created_updated_and_deleted_once_each(emu, lost):
    lost()
    mark = emu.mark()
    spec = dict(name="web-app1", cloud_provider="GCP", regions=[{"name": "us-central1"}], delete_protection=True)
    made = run(emu, cockroach_cluster, **spec)
    updated = run(emu, cockroach_cluster, labels={"team": "payments"}, **spec)
    deleted = run(emu, cockroach_cluster, name="web-app1", state="absent", delete_protection=False)
    assert [r.get("failed") for r in (made, updated, deleted)] == [None, None, None], (made, updated, deleted)
    assert made["cluster"]["state"] == "CREATED" and updated["cluster"]["labels"] == {"team": "payments"}
    # The delete turns the protection off first: one PATCH, then one DELETE.
    assert changes_sent(emu, mark) == ["CreateCluster", "UpdateCluster", "UpdateCluster", "DeleteCluster"]
    emu.control("DELETE", "faults")
    live = [c for c in emu.admin.get("/api/v1/clusters")["clusters"] if c["name"] == "web-app1"]
    assert live == []


def test_a_singleton_is_set_changed_and_removed_once_each(emu, lost):
    cluster = emu.cluster("orders-db", plan="DEDICATED", provider="AWS")
    lost()
    mark = emu.mark()
    made = run(emu, cockroach_log_export, cluster="orders-db", auth_principal=ARN, log_name="orders")
    changed = run(emu, cockroach_log_export, cluster="orders-db", auth_principal=ARN, log_name="sales")
    removed = run(emu, cockroach_log_export, cluster="orders-db", state="absent")
    assert [r.get("failed") for r in (made, changed, removed)] == [None, None, None], (made, changed, removed)
    assert changed["log_export"]["spec"]["log_name"] == "sales"
    assert changes_sent(emu, mark) == ["EnableLogExport", "EnableLogExport", "DeleteLogExport"]
    emu.control("DELETE", "faults")
    with pytest.raises(ApiError) as gone:
        emu.admin.get("/api/v1/clusters/%s/logexport" % cluster["id"])
    assert gone.value.status == 404


def test_a_put_singleton_is_set_once(emu, lost):
    emu.cluster("orders-db")
    lost()
    mark = emu.mark()
    made = run(emu, cockroach_maintenance_window, cluster="orders-db", day_of_week=2, start_hour=3, duration_hours=4)
    again = run(emu, cockroach_maintenance_window, cluster="orders-db", day_of_week=2, start_hour=3, duration_hours=4)
    assert made["changed"] is True and not made.get("failed") and again["changed"] is False
    assert changes_sent(emu, mark) == ["SetMaintenanceWindow"]


def test_a_set_adds_changes_and_removes_each_member_once(emu, lost):
    cluster = emu.cluster("web-app")
    base = "/api/v1/clusters/%s/networking/allowlist" % cluster["id"]
    emu.admin.post(base, {"cidr_ip": "10.0.0.0", "cidr_mask": 16, "name": "old", "sql": True, "ui": False})
    emu.admin.post(base, {"cidr_ip": "10.1.0.0", "cidr_mask": 16, "name": "office", "sql": True, "ui": False})
    lost()
    mark = emu.mark()
    result = run(emu, cockroach_allowlist, cluster="web-app", purge=True,
                 entries=[{"cidr": "10.1.0.0/16", "name": "office", "ui": True}, {"cidr": "192.0.2.0/24", "name": "vpn"}])
    assert result["changed"] is True and not result.get("failed"), result
    assert changes_sent(emu, mark) == ["AddAllowlistEntry", "UpdateAllowlistEntry", "DeleteAllowlistEntry"]
    emu.control("DELETE", "faults")
    listed = sorted((e["cidr_ip"], e["name"], e["ui"]) for e in emu.admin.get(base)["allowlist"])
    assert listed == [("10.1.0.0", "office", True), ("192.0.2.0", "vpn", False)]


def test_organization_resources_are_created_once(emu, lost):
    lost()
    mark = emu.mark()
    account = run(emu, cockroach_service_account, name="deployer", description="CI")
    folder = run(emu, cockroach_folder, path="/team/prod", parents=True)
    moved = run(emu, cockroach_folder, path="/team/prod", new_path="/team/production")
    assert [r.get("failed") for r in (account, folder, moved)] == [None, None, None], (account, folder, moved)
    assert changes_sent(emu, mark) == ["CreateServiceAccount", "CreateFolder", "CreateFolder", "UpdateFolder"]
    emu.control("DELETE", "faults")
    accounts = [a["name"] for a in emu.admin.get("/api/v1/service-accounts")["service_accounts"]]
    assert accounts.count("deployer") == 1
    folders = sorted(f["name"] for f in emu.admin.get("/api/v1/folders")["folders"])
    assert folders == ["production", "team"]


def test_a_change_not_applied_is_sent_again(emu):
    """A fault before the change (nothing done): the change is read, found missing, sent again."""
    emu.cluster("orders-db")
    emu.control("PUT", "faults", {"rate": 1.0, "kinds": ["503"], "operations": ["CreateDatabase"], "seed": 1})
    result = run(emu, cockroach_database, cluster="orders-db", name="orders")
    # Every attempt fails before the change: six attempts with backoff, then a clear failure.
    assert result["failed"] is True and "gave up after 6 attempts" in result["msg"]
    assert emu.control("GET", "faults")["injected"] == 6
    emu.control("PUT", "faults", {"rate": 0.5, "kinds": ["503"], "operations": ["CreateDatabase"], "seed": 3})
    mark = emu.mark()
    result = run(emu, cockroach_database, cluster="orders-db", name="orders")
    assert result["changed"] is True and not result.get("failed"), result
    statuses = [s for _m, path, s in emu.since(mark) if path.endswith("/databases") and _m == "POST"]
    assert statuses[-1] == 200 and all(s == 503 for s in statuses[:-1]) and len(statuses) >= 2


def _restores(emu, cluster):
    return emu.admin.get("/api/v1/clusters/%s/restores" % cluster["id"])["restores"]


def test_an_operation_is_started_once(emu, lost):
    """A restore's answer lost: the listing finds it, the task follows it, changed, no second one."""
    cluster = emu.cluster("orders-db", plan="DEDICATED", provider="AWS")
    backup = emu.admin.get("/api/v1/clusters/%s/backups" % cluster["id"])["backups"][0]
    lost()
    mark = emu.mark()
    started = run(emu, cockroach_restore, cluster="orders-db", backup_id=backup["id"])
    again = run(emu, cockroach_restore, cluster="orders-db", backup_id=backup["id"])
    assert not started.get("failed") and not again.get("failed"), (started, again)
    assert started["changed"] is True and again["changed"] is False
    assert started["restore"]["status"] == "SUCCESS" and again["restore"]["id"] == started["restore"]["id"]
    assert changes_sent(emu, mark) == ["CreateRestore"]
    emu.control("DELETE", "faults")
    assert [r["id"] for r in _restores(emu, cluster)] == [started["restore"]["id"]]


def test_an_operation_not_started_is_started_again(emu):
    """A fault before the start (nothing started): the listing finds none, the start is sent again."""
    cluster = emu.cluster("orders-db", plan="DEDICATED", provider="AWS")
    backup = emu.admin.get("/api/v1/clusters/%s/backups" % cluster["id"])["backups"][0]
    emu.control("PUT", "faults", {"rate": 0.5, "kinds": ["503"], "operations": ["CreateRestore"], "seed": 3})
    mark = emu.mark()
    result = run(emu, cockroach_restore, cluster="orders-db", backup_id=backup["id"])
    assert result["changed"] is True and not result.get("failed"), result
    starts = [(m, s) for m, path, s in emu.since(mark) if m == "POST"]
    assert [s for _m, s in starts[:-1]] == [503] * (len(starts) - 1) and starts[-1] == ("POST", 200)
    assert len(starts) >= 2
    emu.control("DELETE", "faults")
    assert [r["id"] for r in _restores(emu, cluster)] == [result["restore"]["id"]]
