# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The Operation kind, on a small description of restores: started once, followed to the end."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import WaitTimeout
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.fields import Field, Fields
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.operation import Operation
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.waiters import Waiter
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources._cluster_lookup import ClusterScope


class Restore(Operation):
    kind = "restore"
    scope = ClusterScope
    path = "restores"
    items = "restores"
    key = "backup_id"
    ready_waiter = Waiter("status", pending=("PENDING",), failed=("FAILED",))
    fields = Fields(Field("backup_id"))

    def same(self, item):
        return item.get("backup_id") == self.params["backup_id"]

    def predict_start(self):
        return {"backup_id": self.params["backup_id"], "status": "SUCCESS"}


def run(emu, check_mode=False, **params):
    merged = dict(cluster="orders-db", state="present", wait=True, wait_timeout=600)
    merged.update(params)
    return Restore(emu.context(merged, check_mode=check_mode)).run()


def test_a_restore_is_started_once_and_followed(emu):
    cluster = emu.cluster("orders-db", plan="DEDICATED", provider="AWS")
    backup = emu.admin.get("/api/v1/clusters/%s/backups" % cluster["id"])["backups"][0]
    mark = emu.mark()
    predicted = run(emu, check_mode=True, backup_id=backup["id"])
    assert predicted["changed"] is True and emu.mutations(mark) == []
    started = run(emu, backup_id=backup["id"])
    assert started["changed"] is True and started["restore"]["status"] == "SUCCESS"
    assert emu.mutations(mark) == ["CreateRestore"]
    again = run(emu, backup_id=backup["id"])
    assert again["changed"] is False and again["restore"]["id"] == started["restore"]["id"]
    assert emu.mutations(mark) == ["CreateRestore"]


def test_a_running_restore_is_followed_not_started_again(emu):
    cluster = emu.cluster("orders-db", plan="DEDICATED", provider="AWS")
    backup = emu.admin.get("/api/v1/clusters/%s/backups" % cluster["id"])["backups"][0]
    first = run(emu, backup_id=backup["id"], wait=False)
    assert first["restore"]["status"] == "PENDING"
    mark = emu.mark()
    followed = run(emu, backup_id=backup["id"])
    assert followed["changed"] is False and followed["restore"]["status"] == "SUCCESS"
    assert emu.mutations(mark) == []


def _backup_and_restore(emu, status):
    """A cluster with a restore of its first backup that ended with ``status``; (backup, restore)."""
    cluster = emu.cluster("orders-db", plan="DEDICATED", provider="AWS")
    backup = emu.admin.get("/api/v1/clusters/%s/backups" % cluster["id"])["backups"][0]
    restore = emu.admin.post("/api/v1/clusters/%s/restores" % cluster["id"], {"backup_id": backup["id"]})
    emu.control("POST", "clusters/%s/records/restores/%s" % (cluster["id"], restore["id"]), {"status": status})
    return backup, restore


def test_one_that_ended_badly_fails_the_task_and_is_not_started_again(emu):
    backup, restore = _backup_and_restore(emu, "FAILED")
    for given in (dict(check_mode=True), dict(wait=False), dict()):
        mark = emu.mark()
        with pytest.raises(WaitTimeout) as info:
            run(emu, backup_id=backup["id"], **given)
        assert str(info.value) == "restore %s failed: status FAILED" % backup["id"]
        assert info.value.timed_out is False and info.value.last["id"] == restore["id"]
        assert info.value.result is None  # nothing changed
        assert emu.mutations(mark) == []


def test_the_newest_of_several_counts(emu):
    backup, failed = _backup_and_restore(emu, "FAILED")
    emu.clock.sleep(60)
    cluster_id = failed["cluster_id"]
    newer = emu.admin.post("/api/v1/clusters/%s/restores" % cluster_id, {"backup_id": backup["id"]})
    emu.clock.sleep(5)
    mark = emu.mark()
    result = run(emu, backup_id=backup["id"])
    assert result["changed"] is False and result["restore"]["id"] == newer["id"]
    assert result["restore"]["status"] == "SUCCESS" and emu.mutations(mark) == []
