# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""restores on the in-process emulator: restores started once, followed, never started
twice, failures, lost answers, and cockroach_restore_info."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import datetime

import pytest

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import WaitTimeout
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import InvalidInput
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources._cluster_lookup import ClusterNotFound
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.restores import Restores, restore_info
from ansible_collections.cockroachdb.cloud.plugins.module_utils._times import api_time, parse_time
from ansible_collections.cockroachdb.cloud.plugins.modules import cockroach_restore, cockroach_restore_info
from ansible_collections.cockroachdb.cloud.tests.unit.plugins.module_utils._resources.backup_helpers import (
    UNKNOWN_ID,
    backups,
    seed_orders_db,
    task,
)


def restore(emulator, check_mode=False, **given):
    given.setdefault("cluster", "orders-db")
    return Restores(emulator.context(task(cockroach_restore, **given), check_mode=check_mode)).run()


def restores(emulator, **given):
    given.setdefault("cluster", "orders-db")
    return restore_info(emulator.context(task(cockroach_restore_info, **given)))["restores"]


# -- restores ---------------------------------------------------------------------------------------------

def test_a_restore_is_started_once_followed_and_never_started_again(emulator, orders_db):
    path = orders_db["base"] + "/restores"
    backup = backups(emulator)[-1]
    mark = emulator.mark()
    predicted = restore(emulator, check_mode=True, backup_id=backup["id"])
    assert emulator.operations(mark) == ["ListClusters", "ListRestores", "ListBackups"]
    mark = emulator.mark()
    started = restore(emulator, backup_id=backup["id"])
    assert emulator.sent(mark) == [("CreateRestore", path, {"backup_id": backup["id"]})]
    restore_path = "%s/%s" % (path, started["restore"]["id"])
    assert emulator.since(mark)[-2:] == [("GET", restore_path, 200), ("GET", restore_path, 200)]  # PENDING, SUCCESS
    assert started["changed"] is True and started["restore"]["status"] == "SUCCESS"
    assert started["restore"]["backup_end_time"] == backup["as_of_time"]
    assert started["diff"] == predicted["diff"] == {"before": {}, "after": {"backup_id": backup["id"]}}
    volatile = ("id", "created_at", "completion_percent")
    assert dict((k, v) for k, v in predicted["restore"].items() if k not in volatile) == \
        dict((k, v) for k, v in started["restore"].items() if k not in volatile)

    mark = emulator.mark()
    again = restore(emulator, backup_id=backup["id"])
    assert again["changed"] is False and again["restore"] == started["restore"]
    assert again["diff"]["before"] == again["diff"]["after"] == {"backup_id": backup["id"]}
    assert emulator.operations(mark) == ["ListClusters", "ListRestores"]
    assert restores(emulator) == [started["restore"]]


def restored_then_later(emulator):
    """A first restore of the cluster's first backup, then 10 minutes on: (the backup, that
    restore, a time just after it)."""
    backup = backups(emulator)[0]
    first = restore(emulator, backup_id=backup["id"])["restore"]
    emulator.clock.sleep(600)
    return backup, first, api_time(parse_time(first["created_at"], "created_at") + datetime.timedelta(seconds=1))


def test_ignore_restores_before_lets_the_same_backup_be_restored_again_once(emulator, orders_db):
    backup, first, later = restored_then_later(emulator)
    mark = emulator.mark()
    second = restore(emulator, backup_id=backup["id"], ignore_restores_before=later)
    assert second["changed"] is True and second["restore"]["id"] != first["id"]
    assert emulator.mutations(mark) == ["CreateRestore"]
    mark = emulator.mark()
    assert restore(emulator, backup_id=backup["id"], ignore_restores_before=later)["restore"]["id"] == \
        second["restore"]["id"]
    assert restore(emulator, backup_id=backup["id"])["restore"]["id"] == second["restore"]["id"]  # the newest
    assert emulator.mutations(mark) == []


def test_another_target_is_another_restore(emulator, orders_db):
    backup = backups(emulator)[-1]
    whole = restore(emulator, backup_id=backup["id"])
    tables = dict(type="TABLE", objects=[{"database": "orders", "table": "items"},
                                         {"database": "orders", "schema": "public", "table": "bills"}])
    mark = emulator.mark()
    predicted = restore(emulator, check_mode=True, backup_id=backup["id"], target=tables)
    started = restore(emulator, backup_id=backup["id"], target=tables)
    sent_target = {"type": "TABLE", "objects": [{"database": "orders", "table": "items"},  # sorted, no schema first
                                                {"database": "orders", "schema": "public", "table": "bills"}]}
    assert emulator.sent(mark) == [("CreateRestore", orders_db["base"] + "/restores",
                                    {"backup_id": backup["id"], "target": sent_target})]
    assert started["restore"]["id"] != whole["restore"]["id"] and started["restore"]["type"] == "TABLE"
    assert started["diff"] == predicted["diff"] == {"before": {}, "after": {"backup_id": backup["id"],
                                                                            "target": sent_target}}
    mark = emulator.mark()
    tables["objects"].reverse()  # the order does not matter
    assert restore(emulator, backup_id=backup["id"], target=tables)["changed"] is False
    assert restore(emulator, backup_id=backup["id"], target={"type": "CLUSTER"})["changed"] is False
    assert emulator.mutations(mark) == []


def test_a_running_restore_is_followed_and_blocks_another(emulator, orders_db):
    first, second = backups(emulator)[-2:]
    started = restore(emulator, backup_id=first["id"], wait=False)
    assert started["restore"]["status"] == "PENDING"
    mark = emulator.mark()
    with pytest.raises(InvalidInput) as busy:
        restore(emulator, check_mode=True, backup_id=second["id"])
    assert str(busy.value) == ("restore %s (of backup %s) is still PENDING on cluster orders-db, and the service runs "
                               "one restore at a time: wait until it ends, then run this task again"
                               % (started["restore"]["id"], first["id"]))
    with pytest.raises(InvalidInput, match="is still PENDING"):
        restore(emulator, backup_id=second["id"])
    followed = restore(emulator, backup_id=first["id"])
    assert followed["changed"] is False and followed["restore"]["status"] == "SUCCESS"
    assert emulator.mutations(mark) == []


def test_a_running_restore_counts_although_it_started_before_ignore_restores_before(emulator, orders_db):
    backup = backups(emulator)[-1]
    started = restore(emulator, backup_id=backup["id"], wait=False)["restore"]
    record = "clusters/%s/records/restores/%s" % (orders_db["id"], started["id"])
    emulator.control("POST", record, {"status": "PENDING"})  # kept running
    emulator.clock.sleep(600)
    after_it = api_time(parse_time(started["created_at"], "created_at") + datetime.timedelta(seconds=300))
    mark = emulator.mark()
    followed = restore(emulator, backup_id=backup["id"], ignore_restores_before=after_it, wait=False)
    assert followed["changed"] is False and followed["restore"]["id"] == started["id"]
    assert followed["restore"]["status"] == "PENDING" and emulator.mutations(mark) == []


def test_a_backup_that_is_not_listed_is_refused_before_any_change(emulator, orders_db):
    for check_mode in (True, False):
        mark = emulator.mark()
        with pytest.raises(InvalidInput, match="^backup no-such-backup is not among the 5 backups of cluster orders-db "
                                               r"\(backups past their retention are gone\); cockroach_backup_info"):
            restore(emulator, check_mode=check_mode, backup_id="no-such-backup")
        assert emulator.mutations(mark) == []


def test_a_restore_that_fails_ends_the_task_clearly_and_is_not_started_again(emulator, orders_db):
    backup = backups(emulator)[-1]

    def fail_it(_seconds):
        for item in emulator.children(orders_db["id"], "restores").values():
            if item.get("_then"):
                item["_then"] = {"status": "FAILED"}

    emulator.clock.on_sleep = fail_it
    with pytest.raises(WaitTimeout) as info:
        restore(emulator, backup_id=backup["id"])
    failed = info.value.result["restore"]
    assert str(info.value) == "restore %s of backup %s on cluster orders-db failed: status FAILED" % (
        failed["id"], backup["id"])
    assert info.value.result["changed"] is True and failed["status"] == "FAILED"
    emulator.clock.on_sleep = None
    for check_mode in (True, False):
        mark = emulator.mark()
        with pytest.raises(WaitTimeout) as again:
            restore(emulator, check_mode=check_mode, backup_id=backup["id"])
        assert str(again.value) == (
            "restore %s of backup %s on cluster orders-db failed: status FAILED (started %s). This task does not "
            "start it again: to try again, set ignore_restores_before to a time after %s"
            % (failed["id"], backup["id"], failed["created_at"], failed["created_at"]))
        assert emulator.mutations(mark) == []
    retried = restore(emulator, backup_id=backup["id"], ignore_restores_before=failed["created_at"][:19] + ".5Z")
    assert retried["changed"] is True and retried["restore"]["status"] == "SUCCESS"


def _lose_the_answers_of_starts(emulator, kind):
    emulator.control("PUT", "faults", {"rate": 1.0, "kinds": [kind], "operations": ["CreateRestore"], "seed": 1})


@pytest.mark.parametrize("kind", ["502-after", "drop-after"])
def test_a_restore_whose_answer_is_lost_is_found_and_followed(emulator, orders_db, kind):
    backup = backups(emulator)[-1]
    _lose_the_answers_of_starts(emulator, kind)
    mark = emulator.mark()
    started = restore(emulator, backup_id=backup["id"])
    assert started["changed"] is True and started["restore"]["status"] == "SUCCESS"
    assert started["restore"]["backup_id"] == backup["id"]
    assert emulator.mutations(mark) == ["CreateRestore"]
    # The start, then one listing of the restores finds it, then the wait reads it.
    assert emulator.operations(mark)[-4:-2] == ["CreateRestore", "ListRestores"]
    emulator.control("DELETE", "faults")
    assert restores(emulator) == [started["restore"]]


@pytest.mark.parametrize("kind", ["502-after", "drop-after"])
def test_a_restore_whose_answer_is_lost_and_that_fails_says_changed(emulator, orders_db, kind):
    """The start went through although its answer was lost: the task that then fails says changed."""
    backup = backups(emulator)[-1]

    def fail_it(_seconds):
        for item in emulator.children(orders_db["id"], "restores").values():
            if item.get("_then"):
                item["_then"] = {"status": "FAILED"}

    _lose_the_answers_of_starts(emulator, kind)
    emulator.clock.on_sleep = fail_it
    with pytest.raises(WaitTimeout) as info:
        restore(emulator, backup_id=backup["id"])
    assert str(info.value).endswith("failed: status FAILED")
    assert info.value.result["changed"] is True and info.value.result["restore"]["status"] == "FAILED"


def _at(emulator, seconds):
    """The emulator's clock (the controller's, in these tests) ``seconds`` from now, as RFC 3339."""
    return api_time(datetime.datetime.fromtimestamp(emulator.clock.now() + seconds, datetime.timezone.utc))


@pytest.mark.parametrize("option, named", [("ignore_restores_before", "ignore_restores_before"),
                                           ("not_before", "ignore_restores_before (given as not_before)")])
def test_a_time_in_the_future_is_refused_before_any_request(emulator, orders_db, option, named):
    future = _at(emulator, 60)
    for check_mode in (True, False):
        mark = emulator.mark()
        with pytest.raises(InvalidInput) as info:
            restore(emulator, check_mode=check_mode, backup_id="b", **{option: future})
        assert str(info.value) == (
            "%s %s is in the future (now is %s): restores of the backup started before that time do not count as "
            "this task's, so until then every run would start another restore. Give a time that has passed: to "
            "restore a backup again, a time after its last restore (cockroach_restore_info lists them)"
            % (named, future, _at(emulator, 0)))
        assert emulator.since(mark) == []


def test_ignore_restores_before_now_starts_one_restore(emulator, orders_db):
    backup = backups(emulator)[-1]
    restore(emulator, backup_id=backup["id"])
    emulator.clock.sleep(60)
    now = _at(emulator, 0)
    mark = emulator.mark()
    started = restore(emulator, backup_id=backup["id"], ignore_restores_before=now)
    emulator.clock.sleep(60)
    again = restore(emulator, backup_id=backup["id"], ignore_restores_before=now)
    assert started["changed"] is True and again["changed"] is False
    assert again["restore"]["id"] == started["restore"]["id"]
    assert emulator.mutations(mark) == ["CreateRestore"]


def test_not_before_is_an_alias_of_ignore_restores_before(emulator, orders_db):
    backup, first, later = restored_then_later(emulator)
    mark = emulator.mark()
    second = restore(emulator, backup_id=backup["id"], not_before=later)
    assert second["changed"] is True and second["restore"]["id"] != first["id"]
    assert restore(emulator, backup_id=backup["id"], ignore_restores_before=later)["changed"] is False
    assert emulator.mutations(mark) == ["CreateRestore"]


@pytest.mark.parametrize("given, message", [
    (dict(backup_id=" "), "backup_id must not be empty"),
    (dict(backup_id="b", ignore_restores_before="last week"), "ignore_restores_before must be an RFC 3339 time"),
    (dict(backup_id="b", not_before="last week"), "ignore_restores_before (given as not_before) must be an RFC 3339 time"),
    (dict(backup_id="b", target={"type": "CLUSTER", "objects": [{"database": "orders"}]}),
     "a CLUSTER restore restores the whole cluster: leave target.objects out"),
    (dict(backup_id="b", target={"type": "DATABASE"}), "a DATABASE restore needs target.objects: the databases"),
    (dict(backup_id="b", target={"type": "TABLE", "objects": [{"database": "orders"}]}),
     "target.objects[0] needs a table: a TABLE restore restores tables"),
    (dict(backup_id="b", target={"type": "DATABASE", "objects": [{"database": "orders", "table": "t"}]}),
     "target.objects[0] names a table, but a DATABASE restore restores whole databases"),
    (dict(backup_id="b", target={"type": "DATABASE", "objects": [{"database": " "}]}),
     "target.objects[0] needs a database"),
    (dict(backup_id="b", target={"type": "DATABASE", "objects": [{"database": "a"}, {"database": "a"}]}),
     "target.objects must not name the same object twice"),
    (dict(backup_id="b", cluster=""), "cluster must not be empty"),
])
def test_restore_input_checks_need_no_request(emulator, given, message):
    mark = emulator.mark()
    with pytest.raises(InvalidInput) as info:
        restore(emulator, **given)
    assert str(info.value).startswith(message)
    assert emulator.since(mark) == []


def test_check_mode_on_a_cluster_not_created_yet_predicts_with_a_warning(emulator):
    ctx = emulator.context(task(cockroach_restore, cluster="new-cluster", backup_id="b1"), check_mode=True)
    result = Restores(ctx).run()
    assert result["changed"] is True
    assert result["restore"] == {"backup_id": "b1", "type": "CLUSTER", "status": "SUCCESS"}
    assert len(ctx.warnings) == 1


# -- cockroach_restore_info -------------------------------------------------------------------------------------

def test_restore_info_lists_filters_and_reads_one(emulator, orders_db):
    listed = backups(emulator)
    first = restore(emulator, backup_id=listed[0]["id"])["restore"]
    emulator.clock.sleep(3600)
    second = restore(emulator, backup_id=listed[1]["id"])["restore"]
    assert restores(emulator) == [first, second]
    assert restores(emulator, start_time=second["created_at"]) == [second]
    assert restores(emulator, end_time=second["created_at"]) == [first]
    mark = emulator.mark()
    assert restores(emulator, cluster=orders_db["id"], id=first["id"]) == [first]
    assert emulator.operations(mark) == ["GetRestore"]
    mark = emulator.mark()
    assert restores(emulator, cluster=orders_db["id"], id="no-such-restore") == []
    assert emulator.operations(mark) == ["GetRestore", "GetCluster"]
    with pytest.raises(ClusterNotFound, match="^no cluster with id %s$" % UNKNOWN_ID):
        restores(emulator, cluster=UNKNOWN_ID, id=first["id"])
    with pytest.raises(InvalidInput, match="^id must not be empty"):
        restores(emulator, id=" ")


def test_a_listed_restore_that_does_not_name_its_backup_is_recognised_by_the_backups_time(emulator, orders_db):
    first, second = backups(emulator)[-2:]
    done = restore(emulator, backup_id=first["id"])["restore"]
    record = emulator.children(orders_db["id"], "restores")[done["id"]]
    del record["backup_id"]  # the contract's restores do not promise it
    mark = emulator.mark()
    again = restore(emulator, backup_id=first["id"])
    assert again["changed"] is False and again["restore"]["id"] == done["id"]
    assert emulator.operations(mark) == ["ListClusters", "ListRestores", "ListBackups"]
    other = restore(emulator, backup_id=second["id"])  # another backup's time: another restore
    assert other["changed"] is True and emulator.mutations(mark) == ["CreateRestore"]


def test_a_listed_restore_that_says_neither_backup_nor_type_counts_as_the_same(emulator, orders_db):
    first, second = backups(emulator)[-2:]
    done = restore(emulator, backup_id=first["id"])["restore"]
    record = emulator.children(orders_db["id"], "restores")[done["id"]]
    for field in ("backup_id", "backup_end_time", "type"):
        del record[field]
    mark = emulator.mark()
    databases = {"type": "DATABASE", "objects": [{"database": "x"}]}
    for given in (dict(backup_id=second["id"]), dict(backup_id=first["id"], target=databases)):
        assert restore(emulator, **given)["restore"]["id"] == done["id"]  # never twice: it cannot tell
    emulator.clock.sleep(60)
    later = api_time(parse_time(done["created_at"], "created_at") + datetime.timedelta(seconds=30))
    assert restore(emulator, backup_id=second["id"], ignore_restores_before=later)["changed"] is True
    assert emulator.mutations(mark) == ["CreateRestore"]


# -- the live wire format ---------------------------------------------------------------------------------

@pytest.fixture
def live_orders_db(live):
    return seed_orders_db(live)


def test_live_a_restore_is_started_once_in_the_live_shape(live, live_orders_db):
    path = live_orders_db["base"] + "/restores"
    backup = backups(live)[-1]
    predicted = restore(live, check_mode=True, backup_id=backup["id"])
    mark = live.mark()
    started = restore(live, backup_id=backup["id"])
    assert live.sent(mark) == [("CreateRestore", path, {"backup_id": backup["id"], "type": "CLUSTER",
                                                        "source_cluster_id": live_orders_db["id"]})]
    got = started["restore"]
    assert started["changed"] is True and got["status"] == "SUCCESS" and got["type"] == "CLUSTER"
    assert "target" not in got and got["destination_cluster_name"] == "orders-db"  # as the server sent it
    assert started["diff"] == predicted["diff"] == {"before": {}, "after": {"backup_id": backup["id"]}}
    volatile = ("id", "created_at", "completion_percent")
    assert dict((k, v) for k, v in predicted["restore"].items() if k not in volatile) == \
        dict((k, v) for k, v in got.items() if k not in volatile)
    mark = live.mark()
    again = restore(live, backup_id=backup["id"])
    assert again["changed"] is False and again["restore"] == got
    assert again["diff"]["before"] == again["diff"]["after"] == {"backup_id": backup["id"]}
    assert live.operations(mark) == ["ListClusters", "ListRestores"]
    assert restore(live, backup_id=backup["id"], target={"type": "CLUSTER"})["changed"] is False
    assert live.mutations(mark) == []
    assert restores(live) == [got]
    assert restores(live, id=got["id"]) == [got]


def test_live_targets_are_sent_as_type_and_objects_and_found_again(live, live_orders_db):
    backup = backups(live)[-1]
    restore(live, backup_id=backup["id"])
    tables = dict(type="TABLE", objects=[{"database": "orders", "table": "items"},
                                         {"database": "orders", "schema": "public", "table": "bills"}])
    sent_objects = [{"database": "orders", "table": "items"}, {"database": "orders", "schema": "public", "table": "bills"}]
    predicted = restore(live, check_mode=True, backup_id=backup["id"], target=tables)
    mark = live.mark()
    started = restore(live, backup_id=backup["id"], target=tables)
    assert live.sent(mark) == [("CreateRestore", live_orders_db["base"] + "/restores", {
        "backup_id": backup["id"], "type": "TABLE", "objects": sent_objects,
        "source_cluster_id": live_orders_db["id"]})]
    assert started["restore"]["objects"] == sent_objects
    after = {"backup_id": backup["id"], "target": {"type": "TABLE", "objects": sent_objects}}
    assert started["diff"] == predicted["diff"] == {"before": {}, "after": after}  # as in the contract's format
    assert predicted["restore"]["objects"] == sent_objects and "target" not in predicted["restore"]
    mark = live.mark()
    tables["objects"].reverse()
    assert restore(live, backup_id=backup["id"], target=tables)["changed"] is False
    assert restore(live, backup_id=backup["id"], target={"type": "CLUSTER"})["changed"] is False  # the first one
    assert live.mutations(mark) == []
    databases = restore(live, backup_id=backup["id"], target=dict(type="DATABASE", objects=[{"database": "orders"}]))
    assert databases["changed"] is True and live.mutations(mark) == ["CreateRestore"]


def test_live_restores_are_read_tolerantly(live, live_orders_db, monkeypatch):
    """A restore the live service lists: ``type``/``objects`` at the top (in any order), no
    ``target``, no ``cluster_id``: the same target counts as the same restore, another does not."""
    backup = backups(live)[-1]
    listed = {"id": "r-1", "backup_id": backup["id"], "status": "SUCCESS", "type": "TABLE",
              "created_at": "2026-01-01T00:00:00Z", "completion_percent": 1, "source_cluster_name": "orders-db",
              "destination_cluster_name": "orders-db", "backup_end_time": backup["as_of_time"],
              "objects": [{"database": "b", "table": "t"}, {"database": "a", "schema": "s", "table": "t"}]}
    ctx = live.context(task(cockroach_restore, cluster="orders-db", backup_id=backup["id"], target=dict(
        type="TABLE", objects=[{"database": "a", "schema": "s", "table": "t"}, {"database": "b", "table": "t"}])))
    same = Restores(ctx)
    monkeypatch.setattr(same, "listing", lambda refresh=False: [listed])
    mark = live.mark()
    result = same.run()
    assert result["changed"] is False and result["restore"] == listed and live.mutations(mark) == []
    other = Restores(live.context(task(cockroach_restore, cluster="orders-db", backup_id=backup["id"],
                                       target=dict(type="TABLE", objects=[{"database": "a", "table": "t"}]))))
    assert other.same(listed) is False
    whole = Restores(live.context(task(cockroach_restore, cluster="orders-db", backup_id=backup["id"])))
    assert whole.same(listed) is False and whole.same(dict(listed, type="CLUSTER", objects=None)) is True


def test_live_a_failed_restore_says_why(live, live_orders_db):
    backup = backups(live)[-1]
    failed = {"id": "r-2", "backup_id": backup["id"], "status": "FAILED", "type": "CLUSTER",
              "created_at": "2026-01-01T00:00:00Z", "client_error_message": "the backup is incompatible"}
    description = Restores(live.context(task(cockroach_restore, cluster="orders-db", backup_id=backup["id"])))
    assert description.failed_message(failed).startswith(
        "restore r-2 of backup %s on cluster orders-db failed: status FAILED: the backup is incompatible (started "
        "2026-01-01T00:00:00Z)" % backup["id"])


@pytest.mark.parametrize("kind", ["502-after", "drop-after"])
def test_live_a_restore_whose_answer_is_lost_is_found_and_followed(live, live_orders_db, kind):
    backup = backups(live)[-1]
    _lose_the_answers_of_starts(live, kind)
    mark = live.mark()
    started = restore(live, backup_id=backup["id"], target=dict(type="DATABASE", objects=[{"database": "orders"}]))
    assert started["changed"] is True and started["restore"]["status"] == "SUCCESS"
    assert live.mutations(mark) == ["CreateRestore"]
    live.control("DELETE", "faults")
    assert restores(live) == [started["restore"]]
