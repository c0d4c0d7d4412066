# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""maintenance on the in-process emulator: the maintenance window (set, replaced whole,
removed; its duration in hours) and the version deferral policy (changed, never removed)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible.module_utils.common.arg_spec import ArgumentSpecValidator

from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import InvalidInput
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.maintenance import (
    MaintenanceWindow,
    VersionDeferral,
)
from ansible_collections.cockroachdb.cloud.plugins.modules import cockroach_maintenance_window, cockroach_version_deferral
from ansible_collections.cockroachdb.cloud.tests.unit.emulator import task_params


task = task_params  # (module, **given): the parameters of a task of that module


def window(emulator, check_mode=False, **given):
    given.setdefault("cluster", "web-app")
    return MaintenanceWindow(emulator.context(task(cockroach_maintenance_window, **given), check_mode=check_mode)).run()


def deferral(emulator, check_mode=False, **given):
    given.setdefault("cluster", "web-app")
    return VersionDeferral(emulator.context(task(cockroach_version_deferral, **given), check_mode=check_mode)).run()


@pytest.fixture
def web_app(emulator):
    """A serverless cluster (any plan may have a window and a policy); ``base`` is its path."""
    cluster = emulator.cluster("web-app")
    cluster["base"] = "/api/v1/clusters/%s" % cluster["id"]
    return cluster


# -- maintenance window ----------------------------------------------------------------------------------

def test_window_set_rerun_move_and_remove(emulator, web_app):
    path = web_app["base"] + "/maintenance-window"
    mark = emulator.mark()
    predicted = window(emulator, check_mode=True, day_of_week=0, start_hour=2, duration_hours=6)
    assert emulator.operations(mark) == ["ListClusters", "GetMaintenanceWindow"]
    mark = emulator.mark()
    created = window(emulator, day_of_week=0, start_hour=2, duration_hours=6)
    assert emulator.sent(mark) == [("SetMaintenanceWindow", path,
                                    {"day_of_week": 0, "start_hour": 2, "window_duration": "21600s"})]
    assert created["maintenance_window"] == {"day_of_week": 0, "start_hour": 2, "window_duration": "21600s"}
    assert created["diff"] == {"before": {}, "after": {"day_of_week": 0, "start_hour": 2, "duration_hours": 6}}
    assert predicted == created

    mark = emulator.mark()
    assert window(emulator, day_of_week=0, start_hour=2, duration_hours=6)["changed"] is False
    assert emulator.operations(mark) == ["ListClusters", "GetMaintenanceWindow"]

    mark = emulator.mark()
    predicted = window(emulator, check_mode=True, start_hour=4)
    moved = window(emulator, start_hour=4)
    # The PUT replaces the window: what the task leaves out is sent as it is.
    assert emulator.sent(mark) == [("SetMaintenanceWindow", path,
                                    {"day_of_week": 0, "start_hour": 4, "window_duration": "21600s"})]
    assert moved["diff"] == predicted["diff"] == {"before": {"start_hour": 2}, "after": {"start_hour": 4}}

    mark = emulator.mark()
    predicted = window(emulator, check_mode=True, state="absent")
    removed = window(emulator, state="absent")
    assert emulator.sent(mark) == [("DeleteMaintenanceWindow", path, None)]
    assert removed == predicted
    assert removed["changed"] is True and removed["maintenance_window"] == {}
    assert removed["diff"] == {"before": {"day_of_week": 0, "start_hour": 4, "duration_hours": 6}, "after": {}}
    mark = emulator.mark()
    assert window(emulator, state="absent")["changed"] is False
    assert emulator.mutations(mark) == []


def test_a_duration_that_is_not_whole_hours_differs(emulator, web_app):
    emulator.admin.put(web_app["base"] + "/maintenance-window",
                       {"day_of_week": 1, "start_hour": 1, "window_duration": "5400s"})
    result = window(emulator, duration_hours=2)
    assert result["diff"] == {"before": {"duration_hours": 1.5}, "after": {"duration_hours": 2}}
    assert emulator.bodies("PUT")[-1][1] == {"day_of_week": 1, "start_hour": 1, "window_duration": "7200s"}


@pytest.mark.parametrize("given, message", [
    (dict(day_of_week=7, start_hour=2), "day_of_week must be from 0 to 6 (0 is Sunday, 6 is Saturday), got 7"),
    (dict(day_of_week=-1, start_hour=2), "day_of_week must be from 0 to 6"),
    (dict(day_of_week=1, start_hour=24), "start_hour must be from 0 to 23 (the hour of the day in UTC), got 24"),
    (dict(day_of_week=1, start_hour=2, duration_hours=0), "duration_hours must be from 1 to 168"),
    (dict(day_of_week=1, start_hour=2, duration_hours=200), "duration_hours must be from 1 to 168"),
    (dict(day_of_week=1, start_hour=2, cluster=" "), "cluster must not be empty"),
])
def test_window_input_checks_need_no_request(emulator, given, message):
    mark = emulator.mark()
    with pytest.raises(InvalidInput) as info:
        window(emulator, **given)
    assert str(info.value).startswith(message)
    assert emulator.since(mark) == []


def test_to_set_a_window_the_day_and_the_hour_are_needed(emulator, web_app):
    mark = emulator.mark()
    with pytest.raises(InvalidInput, match="^to set up maintenance window of cluster web-app, also give: day_of_week$"):
        window(emulator, start_hour=3)
    assert emulator.mutations(mark) == []


# -- version deferral ----------------------------------------------------------------------------------------

def test_deferral_change_rerun_and_back(emulator, web_app):
    path = web_app["base"] + "/version-deferral"
    mark = emulator.mark()
    assert deferral(emulator, deferral_policy="NOT_DEFERRED")["changed"] is False  # a new cluster's
    assert emulator.operations(mark) == ["ListClusters", "GetClusterVersionDeferral"]
    predicted = deferral(emulator, check_mode=True, deferral_policy="FIXED_DEFERRAL")
    mark = emulator.mark()
    changed = deferral(emulator, deferral_policy="FIXED_DEFERRAL")
    assert emulator.sent(mark) == [("SetClusterVersionDeferral", path, {"deferral_policy": "FIXED_DEFERRAL"})]
    assert changed == predicted
    assert changed["diff"] == {"before": {"deferral_policy": "NOT_DEFERRED"},
                               "after": {"deferral_policy": "FIXED_DEFERRAL"}}
    mark = emulator.mark()
    assert deferral(emulator, deferral_policy="FIXED_DEFERRAL")["changed"] is False
    assert emulator.mutations(mark) == []
    assert deferral(emulator, deferral_policy="NOT_DEFERRED")["version_deferral"] == {"deferral_policy": "NOT_DEFERRED"}


def test_deferral_in_check_mode_on_a_cluster_not_created_yet(emulator):
    ctx = emulator.context(task(cockroach_version_deferral, cluster="new-cluster", deferral_policy="FIXED_DEFERRAL"),
                           check_mode=True)
    result = VersionDeferral(ctx).run()
    assert result["changed"] is True and result["version_deferral"] == {"deferral_policy": "FIXED_DEFERRAL"}
    assert len(ctx.warnings) == 1


POLICIES = "NOT_DEFERRED, FIXED_DEFERRAL, DEFERRAL_30_DAYS, DEFERRAL_60_DAYS, DEFERRAL_90_DAYS"


@pytest.mark.parametrize("params, message", [
    (dict(deferral_policy="fixed"), "deferral_policy must be one of %s, got 'fixed'" % POLICIES),
    (dict(deferral_policy=None), "deferral_policy must be one of %s, got None" % POLICIES),
    (dict(deferral_policy="NOT_DEFERRED", cluster=""), "cluster must not be empty"),
    (dict(deferral_policy="NOT_DEFERRED", state="absent"), "version deferral cannot be removed, only changed"),
])
def test_deferral_input_checks_need_no_request(emulator, params, message):
    merged = dict(cluster="web-app", wait=True, wait_timeout=600)
    merged.update(params)  # past the argument spec: the description checks them too
    mark = emulator.mark()
    with pytest.raises(InvalidInput) as info:
        VersionDeferral(emulator.context(merged)).run()
    assert str(info.value).startswith(message)
    assert emulator.since(mark) == []


def test_the_argument_spec_refuses_what_the_module_has_not():
    for given in (dict(deferral_policy="DEFER_30_DAYS"), dict(), dict(deferral_policy="NOT_DEFERRED", state="absent")):
        validated = ArgumentSpecValidator(cockroach_version_deferral.ARGUMENT_SPEC).validate(dict(given, cluster="x"))
        assert validated.error_messages, given


# -- the live wire format ------------------------------------------------------------------------------------

@pytest.fixture
def live_app(live):
    cluster = live.cluster("web-app")
    cluster["base"] = "/api/v1/clusters/%s" % cluster["id"]
    return cluster


def test_live_window_set_rerun_move_and_remove(live, live_app):
    path = live_app["base"] + "/maintenance-window"
    predicted = window(live, check_mode=True, day_of_week=0, start_hour=2, duration_hours=6)
    mark = live.mark()
    created = window(live, day_of_week=0, start_hour=2, duration_hours=6)
    # Sunday 02:00 UTC is 6 days and 2 hours after Monday 00:00 UTC.
    assert live.sent(mark) == [("SetMaintenanceWindow", path,
                                {"offset_duration": "525600s", "window_duration": "21600s"})]
    assert created["maintenance_window"] == {"offset_duration": "525600s", "window_duration": "21600s"}
    assert created["diff"] == {"before": {}, "after": {"day_of_week": 0, "start_hour": 2, "duration_hours": 6}}
    assert predicted == created

    mark = live.mark()
    assert window(live, day_of_week=0, start_hour=2, duration_hours=6)["changed"] is False
    assert live.operations(mark) == ["ListClusters", "GetMaintenanceWindow"]

    mark = live.mark()
    predicted = window(live, check_mode=True, day_of_week=1, start_hour=4)
    moved = window(live, day_of_week=1, start_hour=4)
    assert live.sent(mark) == [("SetMaintenanceWindow", path, {"offset_duration": "14400s", "window_duration": "21600s"})]
    assert moved["diff"] == predicted["diff"] == {"before": {"day_of_week": 0, "start_hour": 2},
                                                  "after": {"day_of_week": 1, "start_hour": 4}}
    assert moved["maintenance_window"] == predicted["maintenance_window"] == {"offset_duration": "14400s",
                                                                              "window_duration": "21600s"}
    mark = live.mark()
    moved = window(live, duration_hours=8)
    assert live.sent(mark) == [("SetMaintenanceWindow", path, {"offset_duration": "14400s", "window_duration": "28800s"})]
    assert moved["diff"] == {"before": {"duration_hours": 6}, "after": {"duration_hours": 8}}

    mark = live.mark()
    predicted = window(live, check_mode=True, state="absent")
    removed = window(live, state="absent")
    assert live.sent(mark) == [("DeleteMaintenanceWindow", path, None)]
    assert removed == predicted
    assert removed["diff"] == {"before": {"day_of_week": 1, "start_hour": 4, "duration_hours": 8}, "after": {}}


def test_live_new_window_without_a_duration_gets_six_hours(live, live_app):
    predicted = window(live, check_mode=True, day_of_week=3, start_hour=23)
    mark = live.mark()
    created = window(live, day_of_week=3, start_hour=23)
    assert live.sent(mark)[0][2] == {"offset_duration": "255600s", "window_duration": "21600s"}
    assert created == predicted
    assert created["diff"] == {"before": {}, "after": {"day_of_week": 3, "start_hour": 23}}


@pytest.mark.parametrize("offset, day, hour", [("0s", 1, 0), ("525600s", 0, 2), ("601200s", 0, 23),
                                               (7200, 1, 2), ("5400s", 1, 1.5)])
def test_live_offsets_read_as_days_and_hours(offset, day, hour):
    table = MaintenanceWindow.fields.on("live")
    view = table.view({"offset_duration": offset, "window_duration": "21600.0s"})
    assert view == {"day_of_week": day, "start_hour": hour, "duration_hours": 6}
    # the contract's shape reads the same with either table
    assert table.view({"day_of_week": day, "start_hour": 1}) == MaintenanceWindow.fields.view(
        {"day_of_week": day, "start_hour": 1})


def test_live_window_within_an_hour_differs(live, live_app):
    live.admin.put(live_app["base"] + "/maintenance-window", {"offset_duration": "5400s", "window_duration": "21600s"})
    result = window(live, day_of_week=1, start_hour=1)
    assert result["diff"] == {"before": {"day_of_week": 1, "start_hour": 1.5}, "after": {"day_of_week": 1, "start_hour": 1}}
    assert live.bodies("PUT")[-1][1] == {"offset_duration": "3600s", "window_duration": "21600s"}


@pytest.mark.parametrize("hours", [1, 5, 168])
def test_live_refuses_what_the_service_refuses(live, live_app, hours):
    mark = live.mark()
    with pytest.raises(InvalidInput, match=r"^duration_hours must be from 6 to 167 for this API \(the CockroachDB "
                                           r"Cloud service takes a window of at least 6 hours and less than a week\), "
                                           r"got %d$" % hours):
        window(live, day_of_week=1, start_hour=2, duration_hours=hours)
    assert live.mutations(mark) == []


def test_live_deferral_policies(live, live_app):
    path = live_app["base"] + "/version-deferral"
    assert deferral(live, deferral_policy="NOT_DEFERRED")["changed"] is False
    predicted = deferral(live, check_mode=True, deferral_policy="FIXED_DEFERRAL")
    mark = live.mark()
    changed = deferral(live, deferral_policy="FIXED_DEFERRAL")
    assert live.sent(mark) == [("SetClusterVersionDeferral", path, {"deferral_policy": "DEFERRAL_60_DAYS"})]
    assert changed == predicted
    assert changed["version_deferral"] == {"deferral_policy": "DEFERRAL_60_DAYS"}
    assert changed["diff"] == {"before": {"deferral_policy": "NOT_DEFERRED"}, "after": {"deferral_policy": "FIXED_DEFERRAL"}}
    mark = live.mark()
    for same in ("FIXED_DEFERRAL", "DEFERRAL_60_DAYS"):
        assert deferral(live, deferral_policy=same)["changed"] is False
    assert live.mutations(mark) == []
    # The service's deprecated name, set elsewhere, is the same policy.
    live.admin.put(path, {"deferral_policy": "FIXED_DEFERRAL"})
    assert deferral(live, deferral_policy="DEFERRAL_60_DAYS")["changed"] is False
    mark = live.mark()
    changed = deferral(live, deferral_policy="DEFERRAL_90_DAYS")
    assert live.sent(mark) == [("SetClusterVersionDeferral", path, {"deferral_policy": "DEFERRAL_90_DAYS"})]
    assert changed["diff"] == {"before": {"deferral_policy": "FIXED_DEFERRAL"}, "after": {"deferral_policy": "DEFERRAL_90_DAYS"}}
    assert deferral(live, deferral_policy="DEFERRAL_90_DAYS")["changed"] is False


def test_contract_refuses_the_live_only_deferrals(emulator, web_app):
    mark = emulator.mark()
    with pytest.raises(InvalidInput, match="^deferral_policy DEFERRAL_30_DAYS is not one this API takes"):
        deferral(emulator, deferral_policy="DEFERRAL_30_DAYS")
    assert emulator.mutations(mark) == []
    changed = deferral(emulator, deferral_policy="DEFERRAL_60_DAYS")
    assert emulator.sent(mark) == [("SetClusterVersionDeferral", web_app["base"] + "/version-deferral",
                                    {"deferral_policy": "FIXED_DEFERRAL"})]
    assert changed["diff"]["after"] == {"deferral_policy": "FIXED_DEFERRAL"}
