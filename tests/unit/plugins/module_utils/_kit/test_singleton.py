# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The Singleton kind, on small descriptions of a cluster's maintenance window (PUT sets
the whole object, DELETE removes it) and log export (waits ENABLING and DISABLING)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import WaitTimeout
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import InvalidInput
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.fields import Field, Fields
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.singleton import Singleton
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.waiters import Waiter
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources._cluster_lookup import (
    ClusterScope,
    dedicated_cluster,
)
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.maintenance import VersionDeferral


class Window(Singleton):
    kind = "maintenance_window"
    scope = ClusterScope
    path = "maintenance-window"
    create_method = update_method = "PUT"
    update_whole = True
    required_to_create = ("day_of_week", "start_hour")
    fields = Fields(Field("day_of_week"), Field("start_hour"))


class Export(Singleton):
    kind = "log_export"
    scope = dedicated_cluster("log export")
    path = "logexport"
    update_method = "POST"
    update_whole = True
    absent_statuses = ("DISABLED",)
    ready_waiter = Waiter("status", pending=("ENABLING",), failed=("ENABLE_FAILED",))
    gone_waiter = Waiter("status", pending=("DISABLING",), gone=("DISABLED",))
    fields = Fields(Field("type", api="spec.type"), Field("auth_principal", api="spec.auth_principal"),
                    Field("redact", api="spec.redact"))


def run(emu, description=Window, check_mode=False, **params):
    merged = dict(cluster="web-app", state="present", wait=True, wait_timeout=600)
    merged.update(params)
    return description(emu.context(merged, check_mode=check_mode)).run()


def test_the_whole_cycle_of_a_window(emu):
    emu.cluster("web-app")
    mark = emu.mark()
    predicted = run(emu, check_mode=True, day_of_week=6, start_hour=2)
    assert predicted["changed"] is True and predicted["maintenance_window"] == {"day_of_week": 6, "start_hour": 2}
    assert emu.mutations(mark) == []
    created = run(emu, day_of_week=6, start_hour=2)
    assert created["diff"] == predicted["diff"]
    mark = emu.mark()
    assert run(emu, day_of_week=6, start_hour=2)["changed"] is False
    assert emu.operations(mark) == ["ListClusters", "GetMaintenanceWindow"]
    mark = emu.mark()
    moved = run(emu, start_hour=4)
    assert moved["changed"] is True and moved["diff"] == {"before": {"start_hour": 2}, "after": {"start_hour": 4}}
    assert emu.mutations(mark) == ["SetMaintenanceWindow"]
    # The whole window is sent again: the PUT replaces it.
    assert emu.bodies("PUT")[-1][1] == {"day_of_week": 6, "start_hour": 4}
    mark = emu.mark()
    assert run(emu, state="absent")["changed"] is True
    assert run(emu, state="absent")["changed"] is False
    assert emu.mutations(mark) == ["DeleteMaintenanceWindow"]


def test_what_a_set_up_needs_is_asked_for(emu):
    emu.cluster("web-app")
    with pytest.raises(InvalidInput, match="^to set up maintenance window of cluster web-app, also give: start_hour$"):
        run(emu, day_of_week=1)


def test_a_singleton_that_cannot_be_removed_says_so(emu):
    class Deferral(Window):
        delete_method = None
    with pytest.raises(InvalidInput, match="cannot be removed, only changed"):
        run(emu, description=Deferral, state="absent")


def test_an_export_is_waited_for_on_enable_update_and_disable(emu):
    emu.cluster("orders-db", plan="DEDICATED", provider="AWS")
    role = "arn:aws:iam::123456789012:role/logs"
    enabled = run(emu, Export, cluster="orders-db", type="AWS_CLOUDWATCH", auth_principal=role)
    assert enabled["log_export"]["status"] == "ENABLED" and emu.clock.sleeps
    emu.clock.sleeps[:] = []
    updated = run(emu, Export, cluster="orders-db", redact=True)
    assert updated["log_export"]["status"] == "ENABLED" and updated["log_export"]["spec"]["auth_principal"] == role
    assert emu.clock.sleeps
    gone = run(emu, Export, cluster="orders-db", state="absent")
    assert gone["changed"] is True
    assert run(emu, Export, cluster="orders-db", state="absent")["changed"] is False


def test_without_wait_the_answer_is_returned_as_it_is(emu):
    emu.cluster("orders-db", plan="DEDICATED", provider="AWS")
    emu.clock.sleeps[:] = []
    result = run(emu, Export, cluster="orders-db", type="AWS_CLOUDWATCH", wait=False,
                 auth_principal="arn:aws:iam::123456789012:role/logs")
    assert result["log_export"]["status"] == "ENABLING" and emu.clock.sleeps == []


def test_a_wait_that_runs_out_reports_the_change(emu):
    emu.cluster("orders-db", plan="DEDICATED", provider="AWS")
    emu.emulator.config.async_seconds = 100
    with pytest.raises(WaitTimeout) as info:
        run(emu, Export, cluster="orders-db", type="AWS_CLOUDWATCH", wait_timeout=5,
            auth_principal="arn:aws:iam::123456789012:role/logs")
    assert str(info.value).startswith("timed out after 5 s waiting for log export of cluster orders-db to leave "
                                      "status ENABLING; the change was made")
    assert info.value.result["changed"] is True
    assert info.value.result["log_export"]["status"] == "ENABLING"


# -- an object every cluster has (``initial``), a feature a cluster cannot have (``unavailable``) ----

# The version deferral: every cluster has one (``initial``), PUT sets it, it cannot be removed.
Policy = VersionDeferral


def test_check_mode_on_a_cluster_not_created_yet_compares_with_the_initial_object(emu):
    ctx = emu.context(dict(cluster="new-cluster", wait=True, wait_timeout=600, deferral_policy="NOT_DEFERRED"),
                      check_mode=True)
    same = Policy(ctx).run()
    assert same["changed"] is False and same["version_deferral"] == {"deferral_policy": "NOT_DEFERRED"}
    assert len(ctx.warnings) == 1
    other = run(emu, Policy, check_mode=True, cluster="new-cluster", deferral_policy="FIXED_DEFERRAL")
    assert other["changed"] is True
    assert other["diff"] == {"before": {"deferral_policy": "NOT_DEFERRED"}, "after": {"deferral_policy": "FIXED_DEFERRAL"}}
    # A real run still fails on a cluster that does not exist.
    with pytest.raises(Exception, match="no cluster named 'new-cluster'"):
        run(emu, Policy, cluster="new-cluster", deferral_policy="FIXED_DEFERRAL")


def test_the_initial_object_is_only_for_a_cluster_that_does_not_exist(emu):
    emu.cluster("web-app")
    mark = emu.mark()
    assert run(emu, Policy, deferral_policy="NOT_DEFERRED")["changed"] is False
    assert emu.operations(mark) == ["ListClusters", "GetClusterVersionDeferral"]
    assert run(emu, Policy, deferral_policy="FIXED_DEFERRAL")["changed"] is True
    assert run(emu, Policy, check_mode=True, deferral_policy="NOT_DEFERRED")["diff"]["before"] == {
        "deferral_policy": "FIXED_DEFERRAL"}


class AwsOnly(Export):
    def unavailable(self):
        cluster = self.scope.cluster
        return None if cluster["cloud_provider"] == "AWS" else "only on AWS, not on %s" % cluster["cloud_provider"]


def test_an_unavailable_feature_is_refused_before_its_read(emu):
    emu.cluster("gcp-db", plan="DEDICATED", provider="GCP")
    for state in ("present", "absent"):
        mark = emu.mark()
        with pytest.raises(InvalidInput, match="^only on AWS, not on GCP$"):
            run(emu, AwsOnly, cluster="gcp-db", state=state, type="AWS_CLOUDWATCH",
                auth_principal="arn:aws:iam::123456789012:role/logs")
        assert emu.operations(mark) == ["ListClusters"]


class SecretExport(Export):
    """A log export whose principal counts as a secret."""
    fields = Fields(Field("type", api="spec.type"), Field("auth_principal", api="spec.auth_principal", secret=True))


def test_a_failed_wait_reports_the_last_state_with_its_secrets_masked(emu):
    cluster = emu.cluster("orders-db", plan="DEDICATED", provider="AWS")
    role = "arn:aws:iam::123456789012:role/logs"
    run(emu, SecretExport, cluster="orders-db", type="AWS_CLOUDWATCH", auth_principal=role)
    emu.control("POST", "clusters/%s/records/log_export/config" % cluster["id"], {"status": "ENABLE_FAILED"})
    with pytest.raises(WaitTimeout) as info:
        run(emu, SecretExport, cluster="orders-db", type="AWS_CLOUDWATCH")
    assert str(info.value) == "log export of cluster orders-db failed: status ENABLE_FAILED"
    assert info.value.last["status"] == "ENABLE_FAILED" and info.value.last["spec"]["auth_principal"] == "********"
