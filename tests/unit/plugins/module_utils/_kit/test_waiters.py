# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""_kit.waiters: a table entry per status; the cluster waits are two of them."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import WaitTimeout
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.waiters import Waiter, fetch_or_none
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources import _cluster_lookup

EXPORT = Waiter("status", pending=("ENABLING",), failed=("ENABLE_FAILED",), gone=("DISABLED",))


def test_states():
    assert EXPORT.busy({"status": "ENABLING"}) and not EXPORT.busy({"status": "ENABLED"})
    assert EXPORT.settled({"status": "ENABLED"}) and not EXPORT.settled({"status": "ENABLE_FAILED"})
    assert EXPORT.is_gone(None) and EXPORT.is_gone({"status": "DISABLED"}) and not EXPORT.is_gone({"status": "ENABLED"})


def test_a_settled_value_needs_no_request(emu):
    client = emu.client()
    mark = emu.mark()
    assert EXPORT.wait_ready(client, lambda: 1 / 0, 10, "x", {"status": "ENABLED"}) == {"status": "ENABLED"}
    assert emu.since(mark) == [] and emu.clock.sleeps == []


def test_a_failed_state_ends_the_wait_with_its_name(emu):
    with pytest.raises(WaitTimeout) as info:
        EXPORT.wait_ready(emu.client(), lambda: {"status": "ENABLE_FAILED"}, 10, "log export of cluster a",
                          {"status": "ENABLING"})
    assert str(info.value) == "log export of cluster a failed: status ENABLE_FAILED"
    assert info.value.timed_out is False and info.value.last == {"status": "ENABLE_FAILED"}


def test_the_cluster_waits_on_the_emulator(emu):
    client = emu.client()
    cluster = emu.cluster("web-app", settle=False)
    assert cluster["state"] == "CREATING"
    ready = _cluster_lookup.wait_until_ready(client, cluster, 60)
    assert ready["state"] == "CREATED" and sum(emu.clock.sleeps) >= 1
    client.delete("/api/v1/clusters/%s" % cluster["id"])
    _cluster_lookup.wait_until_deleted(client, cluster, 60)
    assert fetch_or_none(client, "/api/v1/clusters/%s" % cluster["id"])()["state"] == "DELETED"


def test_a_cluster_wait_that_runs_out_names_the_state(emu):
    emu.emulator.config.async_seconds = 100
    cluster = emu.cluster("web-app", settle=False)
    with pytest.raises(WaitTimeout) as info:
        _cluster_lookup.wait_until_ready(emu.client(), cluster, 5)
    assert str(info.value) == "timed out after 5 s waiting for cluster web-app to leave state CREATING"
