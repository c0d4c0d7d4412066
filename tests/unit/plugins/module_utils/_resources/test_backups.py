# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""backups on the in-process emulator: the backup configuration (changes, check mode, the
values the service accepts) and the backups with time filters."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import datetime

import pytest

from ansible.module_utils.common.arg_spec import ArgumentSpecValidator

from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import InvalidInput
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.runner import run_task
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources._cluster_lookup import ClusterNotFound
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources._time_filters import time_query
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.backups import BackupConfig
from ansible_collections.cockroachdb.cloud.plugins.module_utils._times import parse_time
from ansible_collections.cockroachdb.cloud.plugins.modules import cockroach_backup_config
from ansible_collections.cockroachdb.cloud.tests.unit.plugins.module_utils._resources.backup_helpers import (
    UNKNOWN_ID,
    backups,
    seed_orders_db,
    task,
)


def config(emulator, check_mode=False, **given):
    given.setdefault("cluster", "orders-db")
    return BackupConfig(emulator.context(task(cockroach_backup_config, **given), check_mode=check_mode)).run()


# -- the backup configuration ---------------------------------------------------------------------------

def test_config_change_rerun_and_the_fields_it_sends(emulator, orders_db):
    path = orders_db["base"] + "/backups-config"
    mark = emulator.mark()
    predicted = config(emulator, check_mode=True, frequency_minutes=15, retention_days=7)
    assert emulator.operations(mark) == ["ListClusters", "GetBackupConfiguration"]
    mark = emulator.mark()
    changed = config(emulator, frequency_minutes=15, retention_days=7)
    assert emulator.sent(mark) == [("UpdateBackupConfiguration", path, {"frequency_minutes": 15, "retention_days": 7})]
    assert changed["backup_config"] == {"cluster_id": orders_db["id"], "enabled": True, "frequency_minutes": 15,
                                        "retention_days": 7}
    assert changed["diff"] == {"before": {"frequency_minutes": 60, "retention_days": 30},
                               "after": {"frequency_minutes": 15, "retention_days": 7}}
    assert predicted == changed

    mark = emulator.mark()
    again = config(emulator, frequency_minutes=15, retention_days=7)
    assert again["changed"] is False and emulator.operations(mark) == ["ListClusters", "GetBackupConfiguration"]

    mark = emulator.mark()
    off = config(emulator, enabled=False, frequency_minutes=15)
    assert emulator.sent(mark) == [("UpdateBackupConfiguration", path, {"enabled": False})]  # only what differs
    assert off["diff"] == {"before": {"enabled": True, "frequency_minutes": 15},
                           "after": {"enabled": False, "frequency_minutes": 15}}


def test_check_mode_on_a_cluster_not_created_yet_compares_with_a_new_clusters_configuration(emulator):
    ctx = emulator.context(task(cockroach_backup_config, cluster="new-cluster", frequency_minutes=60), check_mode=True)
    same = BackupConfig(ctx).run()
    assert same["changed"] is False and len(ctx.warnings) == 1
    ctx = emulator.context(task(cockroach_backup_config, cluster="new-cluster", retention_days=90), check_mode=True)
    other = BackupConfig(ctx).run()
    assert other["changed"] is True
    assert len(ctx.warnings) == 1 and "retention_days" not in ctx.warnings[0]  # a new cluster's change is its first
    assert other["backup_config"] == {"enabled": True, "frequency_minutes": 60, "retention_days": 90}


RETENTION_ONCE = ("the service lets the retention of a cluster change only once: if it was changed before, a further "
                  "change needs Cockroach Labs support")


def failed_config(emulator, **given):
    """The result of a cockroach_backup_config task that fails (as the module returns it)."""
    given.setdefault("cluster", "orders-db")
    return run_task(BackupConfig.task, emulator.context(task(cockroach_backup_config, **given)))


def test_a_second_change_of_retention_fails_with_the_apis_reason_and_changes_nothing(emulator, orders_db):
    path = orders_db["base"] + "/backups-config"
    first = config(emulator, retention_days=7)
    assert first["changed"] is True and first["backup_config"]["retention_days"] == 7
    mark = emulator.mark()
    failure = failed_config(emulator, retention_days=90, frequency_minutes=15)
    assert emulator.sent(mark) == [("UpdateBackupConfiguration", path, {"frequency_minutes": 15, "retention_days": 90})]
    assert emulator.since(mark)[-1] == ("PATCH", path, 400)
    assert failure["failed"] is True and failure.get("changed", False) is False
    assert failure["msg"] == ("PATCH %s failed with HTTP 400: retention_days of cluster orders-db was changed once "
                              "already (to 7 days): the service lets the retention of a cluster change only once; a "
                              "further change needs Cockroach Labs support" % path)  # (no hint: it says so already)
    assert failure["error"]["status"] == 400 and "backup_config" not in failure
    after = config(emulator, check_mode=True, frequency_minutes=60, retention_days=7)
    assert after["changed"] is False  # nothing of the refused request was applied


def test_a_refused_retention_change_says_what_the_rule_is_when_the_api_does_not(emulator, orders_db):
    path = orders_db["base"] + "/backups-config"
    emulator.control("PUT", "faults", {"rate": 1, "kinds": ["400"], "operations": ["UpdateBackupConfiguration"]})
    failure = failed_config(emulator, retention_days=90)
    assert failure["msg"] == ("PATCH %s failed with HTTP 400: injected fault (emulator fault injection) (%s)"
                              % (path, RETENTION_ONCE))
    assert failure.get("changed", False) is False
    # Without retention_days in the request, the rule is not the reason: no hint.
    failure = failed_config(emulator, frequency_minutes=15)
    assert failure["msg"] == "PATCH %s failed with HTTP 400: injected fault (emulator fault injection)" % path


def test_check_mode_warns_that_a_retention_change_may_be_refused(emulator, orders_db):
    ctx = emulator.context(task(cockroach_backup_config, cluster="orders-db", retention_days=7), check_mode=True)
    predicted = BackupConfig(ctx).run()
    assert predicted["changed"] is True and predicted["backup_config"]["retention_days"] == 7
    assert ctx.warnings == [
        "retention_days would change from 30 to 7 days of cluster orders-db: the service lets the retention of a "
        "cluster change only once, and its configuration does not say whether it was changed before; if it was, "
        "the API refuses the change and a further one needs Cockroach Labs support"]
    for given in (dict(retention_days=30), dict(frequency_minutes=15)):  # no change of retention: no warning
        ctx = emulator.context(task(cockroach_backup_config, cluster="orders-db", **given), check_mode=True)
        BackupConfig(ctx).run()
        assert ctx.warnings == [], given
    ctx = emulator.context(task(cockroach_backup_config, cluster="orders-db", retention_days=7))
    BackupConfig(ctx).run()
    assert ctx.warnings == []  # the real run made the change: nothing to warn about


@pytest.mark.parametrize("given, message", [
    (dict(frequency_minutes=45),
     "frequency_minutes must be one of 5, 10, 15, 30, 60, 240, 1440 (minutes; the service accepts no other), got 45"),
    (dict(retention_days=14),
     "retention_days must be one of 2, 7, 30, 90, 365 (days; the service accepts no other), got 14"),
    (dict(cluster=""), "cluster must not be empty"),
    (dict(), "give at least one of enabled, frequency_minutes, retention_days"),
])
def test_config_input_checks_need_no_request(emulator, given, message):
    given.setdefault("cluster", "orders-db")
    params = dict(dict((name, None) for name in cockroach_backup_config.ARGUMENT_SPEC), wait=True, wait_timeout=600)
    params.update(given)  # past the argument spec's choices: the description checks them too
    mark = emulator.mark()
    with pytest.raises(InvalidInput) as info:
        BackupConfig(emulator.context(params)).run()
    assert str(info.value).startswith(message)
    assert emulator.since(mark) == []


def test_the_argument_spec_refuses_other_values_and_no_option_at_all():
    for given in (dict(frequency_minutes=45), dict(retention_days=14), dict(frequency_minutes="hourly"), dict()):
        validated = ArgumentSpecValidator(cockroach_backup_config.ARGUMENT_SPEC,
                                          **cockroach_backup_config.TASK.module_options).validate(
            dict(given, cluster="orders-db"))
        assert validated.error_messages, given


# -- backups ---------------------------------------------------------------------------------------------

def test_backups_every_page_with_time_filters(emulator, orders_db):
    path = orders_db["base"] + "/backups"
    every = backups(emulator)
    assert len(every) == 5 and every == sorted(every, key=lambda b: b["as_of_time"])
    mark = emulator.mark()
    some = backups(emulator, start_time=every[1]["as_of_time"], end_time=every[3]["as_of_time"])
    assert some == every[1:3]
    assert emulator.queries(mark) == [("/api/v1/clusters", {"pagination.limit": "500"}), (path, {
        "start_time": every[1]["as_of_time"], "end_time": every[3]["as_of_time"], "pagination.limit": "500"})]
    # An offset is turned into UTC.
    start = parse_time(every[2]["as_of_time"], "start_time")
    shifted = start.astimezone(datetime.timezone(datetime.timedelta(hours=2)))
    assert backups(emulator, start_time=shifted.isoformat()) == every[2:]


@pytest.mark.parametrize("given, message", [
    (dict(start_time="yesterday"), "start_time must be an RFC 3339 time such as 2026-11-28T10:00:00Z, got 'yesterday'"),
    (dict(end_time="2026-13-01T00:00:00Z"), "end_time must be an RFC 3339 time"),
    (dict(start_time="2026-11-28T10:00:00Z", end_time="2026-11-28T09:00:00Z"),
     "end_time 2026-11-28T09:00:00Z is before start_time 2026-11-28T10:00:00Z"),
])
def test_time_filters_are_checked_before_any_request(emulator, orders_db, given, message):
    mark = emulator.mark()
    with pytest.raises(InvalidInput) as info:
        backups(emulator, **given)
    assert str(info.value).startswith(message)
    assert emulator.since(mark) == []


def test_time_query_writes_utc():
    assert time_query({"start_time": "2026-11-28T11:30:00.5+01:00", "end_time": None}) == {
        "start_time": "2026-11-28T10:30:00.500000Z"}


def test_backups_of_an_unknown_cluster_is_an_error_that_names_it(emulator):
    with pytest.raises(ClusterNotFound, match="^no cluster with id %s$" % UNKNOWN_ID):
        backups(emulator, cluster=UNKNOWN_ID)


# -- the live wire format ---------------------------------------------------------------------------------

@pytest.fixture
def live_orders_db(live):
    return seed_orders_db(live)


def test_live_config_change_rerun_and_the_fields_it_sends(live, live_orders_db):
    path = live_orders_db["base"] + "/backups-config"
    predicted = config(live, check_mode=True, frequency_minutes=15, retention_days=7)
    mark = live.mark()
    changed = config(live, frequency_minutes=15, retention_days=7)
    assert live.sent(mark) == [("UpdateBackupConfiguration", path, {"frequency_minutes": 15, "retention_days": 7})]
    assert changed["backup_config"] == {"enabled": True, "frequency_minutes": 15, "retention_days": 7}  # as sent
    assert changed["diff"] == {"before": {"frequency_minutes": 60, "retention_days": 30},
                               "after": {"frequency_minutes": 15, "retention_days": 7}}
    assert predicted["changed"] is True and predicted["diff"] == changed["diff"]
    mark = live.mark()
    again = config(live, frequency_minutes=15, retention_days=7, enabled=True)
    assert again["changed"] is False and live.operations(mark) == ["ListClusters", "GetBackupConfiguration"]
    mark = live.mark()
    off = config(live, enabled=False)
    assert live.sent(mark) == [("UpdateBackupConfiguration", path, {"enabled": False})]
    assert off["diff"] == {"before": {"enabled": True}, "after": {"enabled": False}}


def test_live_config_read_tolerantly(live, live_orders_db, monkeypatch):
    """int32 values that come as strings (protojson) compare equal to the task's integers."""
    ctx = live.context(task(cockroach_backup_config, cluster="orders-db", frequency_minutes=60, retention_days=30))
    description = BackupConfig(ctx)
    monkeypatch.setattr(description, "read", lambda path: {"enabled": True, "frequency_minutes": "60",
                                                           "retention_days": "30"})
    mark = live.mark()
    result = description.run()
    assert result["changed"] is False and live.mutations(mark) == []
    assert result["diff"]["before"] == {"frequency_minutes": 60, "retention_days": 30}


def test_live_backups_every_page_with_time_filters(live, live_orders_db):
    every = backups(live)
    assert len(every) == 5 and all(set(b) == {"id", "as_of_time"} for b in every)
    assert backups(live, start_time=every[1]["as_of_time"], end_time=every[3]["as_of_time"]) == every[1:3]
