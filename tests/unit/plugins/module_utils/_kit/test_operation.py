# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The Operation kind, on a small description of restores: started once, followed to the end."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.fields import Field, Fields
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.operation import Operation
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.scopes import ClusterScope
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.waiters import Waiter


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
