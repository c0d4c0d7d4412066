"""Backups (derived from the schedule), backup configuration and restores."""

import time
import uuid

import pytest

from tests.emulator import clock

HOUR, DAY = 3600, 86400


def aged_cluster(api, seconds, name="test-cluster"):
    """A cluster whose creation is moved ``seconds`` into the past (before any backup read)."""
    cluster = api.create_cluster(name=name, plan="dedicated")
    created = clock.now() - seconds
    api.emulator.store.data["clusters"][cluster["id"]]["created_at"] = clock.iso(created)
    return cluster, created


def path(cluster, tail):
    return "/api/v1/clusters/%s/%s" % (cluster["id"], tail)


def backups(api, cluster, **query):
    return api.ok(api.get(path(cluster, "backups"), query=query or None))["backups"]


def times(items):
    return [clock.parse_iso(item["as_of_time"]) for item in items]


def test_new_cluster_has_one_backup_and_default_config(api):
    cluster = api.create_cluster(plan="dedicated")
    listed = backups(api, cluster)
    assert len(listed) == 1 and set(listed[0]) == {"id", "as_of_time"}
    assert listed[0]["as_of_time"] == cluster["created_at"]
    config = api.ok(api.get(path(cluster, "backups-config")))
    assert config == {"cluster_id": cluster["id"], "frequency_minutes": 60, "retention_days": 30,
                      "enabled": True}


def test_backups_follow_the_frequency_and_are_stable(api):
    cluster, created = aged_cluster(api, DAY + 60)
    listed = backups(api, cluster)
    assert len(listed) == 25  # at creation, then every hour
    assert times(listed) == pytest.approx([created + k * HOUR for k in range(25)], abs=1e-3)
    assert backups(api, cluster) == listed
    assert len({b["id"] for b in listed}) == 25


def test_at_most_50_backups(api):
    cluster, created = aged_cluster(api, 10 * DAY + 60)
    listed = api.ok(api.get(path(cluster, "backups"), query={"pagination.limit": 500}))["backups"]
    assert len(listed) == 50
    assert times(listed)[-1] == pytest.approx(created + 240 * HOUR, abs=1e-3)


def test_retention_drops_old_backups(api):
    cluster, _extra = aged_cluster(api, 40 * DAY + 60)
    api.ok(api.patch(path(cluster, "backups-config"), {"frequency_minutes": 1440}))
    # The daily schedule starts now; the hourly backups of the last 30 days remain, capped.
    assert len(backups(api, cluster, **{"pagination.limit": 500})) == 50
    api.ok(api.patch(path(cluster, "backups-config"), {"retention_days": 2}))
    listed = backups(api, cluster, **{"pagination.limit": 500})
    assert len(listed) == 48
    assert min(times(listed)) >= clock.now() - 2 * DAY


def test_schedule_history_shapes_the_backups(api):
    cluster, created = aged_cluster(api, DAY + 60)
    schedule = api.emulator.store.cluster_children(cluster["id"], "backup_schedule",
                                                   default=lambda: [[created, 60, 0]])
    # Hourly for 12 hours, then every 4 hours.
    schedule.append([created + 12 * HOUR, 240, 1])
    expected = [created + k * HOUR for k in range(12)] + [created + (12 + 4 * k) * HOUR for k in (1, 2, 3)]
    assert times(backups(api, cluster)) == pytest.approx(expected, abs=1e-3)
    # Disabled from then on: nothing after it.
    schedule.append([created + 18 * HOUR, 0, 1])
    assert times(backups(api, cluster)) == pytest.approx(expected[:13], abs=1e-3)


def test_frequency_change_keeps_past_backups(api):
    cluster, _extra = aged_cluster(api, DAY + 60)
    before = backups(api, cluster)
    config = api.ok(api.patch(path(cluster, "backups-config"), {"frequency_minutes": 240}))
    assert config["frequency_minutes"] == 240 and config["retention_days"] == 30
    assert backups(api, cluster) == before
    config = api.ok(api.patch(path(cluster, "backups-config"), {"enabled": False}))
    assert config["enabled"] is False and config["frequency_minutes"] == 240
    assert api.ok(api.get(path(cluster, "backups-config"))) == config
    assert backups(api, cluster) == before
    schedule = api.emulator.store.data["cluster_children"][cluster["id"]]["backup_schedule"]
    assert [segment[1] for segment in schedule] == [60, 240, 0]


def test_config_validation(api):
    cluster = api.create_cluster(plan="dedicated")
    for body in ({"frequency_minutes": 7}, {"retention_days": 3}, {"frequency_minutes": 0},
                 {"retention_days": 365, "frequency_minutes": 45}, {"enabled": "no"}):
        response = api.patch(path(cluster, "backups-config"), body)
        assert response.status_code == 400, body
    response = api.patch(path(cluster, "backups-config"), {"frequency_minutes": 7})
    assert "frequency_minutes must be one of 5, 10, 15, 30, 60, 240, 1440" in response.get_json()["message"]
    response = api.patch(path(cluster, "backups-config"), {"retention_days": 3})
    assert "retention_days must be one of 2, 7, 30, 90, 365" in response.get_json()["message"]
    assert api.ok(api.get(path(cluster, "backups-config")))["retention_days"] == 30
    for frequency in (5, 10, 15, 30, 60, 240, 1440):
        api.ok(api.patch(path(cluster, "backups-config"), {"frequency_minutes": frequency}))
    assert api.ok(api.patch(path(cluster, "backups-config"), {})) == api.ok(api.get(path(cluster, "backups-config")))


@pytest.mark.parametrize("retention", [2, 7, 30, 90, 365])
def test_every_accepted_retention_can_be_the_one_change(api, retention):
    cluster = api.create_cluster(plan="dedicated")
    assert api.ok(api.patch(path(cluster, "backups-config"), {"retention_days": retention}))[
        "retention_days"] == retention


def test_retention_changes_only_once(api):
    cluster = api.create_cluster(plan="dedicated")
    config = api.ok(api.patch(path(cluster, "backups-config"), {"retention_days": 7}))
    assert config["retention_days"] == 7
    mark = api.request_log()[-1]["seq"]
    response = api.patch(path(cluster, "backups-config"), {"retention_days": 90})
    assert response.status_code == 400
    assert response.get_json() == {
        "code": 400, "details": [],
        "message": "retention_days of cluster test-cluster was changed once already (to 7 days): the service "
                   "lets the retention of a cluster change only once; a further change needs Cockroach Labs support"}
    # The whole request is refused: the frequency sent with it is not applied either.
    response = api.patch(path(cluster, "backups-config"), {"retention_days": 2, "frequency_minutes": 15})
    assert response.status_code == 400
    assert api.ok(api.get(path(cluster, "backups-config"))) == config
    assert [(r["operation"], r["status"]) for r in api.request_log() if r["seq"] > mark] == [
        ("UpdateBackupConfiguration", 400), ("UpdateBackupConfiguration", 400), ("GetBackupConfiguration", 200)]
    # The same value again is no change; the other fields still change.
    config = api.ok(api.patch(path(cluster, "backups-config"), {"retention_days": 7, "frequency_minutes": 15}))
    assert (config["retention_days"], config["frequency_minutes"]) == (7, 15)
    assert api.ok(api.patch(path(cluster, "backups-config"), {"enabled": False}))["enabled"] is False


def test_retention_sent_unchanged_does_not_use_the_one_change(api):
    cluster = api.create_cluster(plan="dedicated")
    api.ok(api.patch(path(cluster, "backups-config"), {"retention_days": 30, "frequency_minutes": 30}))
    assert api.ok(api.patch(path(cluster, "backups-config"), {"retention_days": 90}))["retention_days"] == 90
    assert api.patch(path(cluster, "backups-config"), {"retention_days": 30}).status_code == 400


def test_retention_changed_once_is_kept_across_a_restart(tmp_path, make_api):
    state = str(tmp_path / "state.json")
    api = make_api(state_file=state)
    cluster = api.create_cluster(plan="dedicated")
    api.ok(api.patch(path(cluster, "backups-config"), {"retention_days": 7}))
    again = make_api(state_file=state)
    assert again.patch(path(cluster, "backups-config"), {"retention_days": 90}).status_code == 400
    assert again.ok(again.get(path(cluster, "backups-config")))["retention_days"] == 7


def test_basic_cluster_keeps_a_fixed_schedule(api):
    """A serverless cluster without provisioned vCPUs is a Basic cluster: daily backups kept 30 days."""
    cluster, created = api.create_cluster(), None
    created = clock.parse_iso(cluster["created_at"])
    config = api.ok(api.get(path(cluster, "backups-config")))
    assert config == {"cluster_id": cluster["id"], "frequency_minutes": 1440, "retention_days": 30, "enabled": True}
    api.emulator.store.data["clusters"][cluster["id"]]["created_at"] = clock.iso(created - 3 * DAY - 60)
    assert len(backups(api, cluster)) == 4  # at creation, then daily
    for body in ({"retention_days": 7}, {"frequency_minutes": 60}, {"enabled": False},
                 {"retention_days": 30, "frequency_minutes": 60}):
        response = api.patch(path(cluster, "backups-config"), body)
        assert response.status_code == 400, body
        assert response.get_json()["message"] == (
            "cluster test-cluster is a Basic cluster (SERVERLESS without usage_limits.provisioned_virtual_cpus): "
            "its managed backups keep a fixed schedule (daily, kept 30 days) that cannot change")
    assert api.ok(api.get(path(cluster, "backups-config"))) == config
    # Sending what it has already is no change.
    assert api.ok(api.patch(path(cluster, "backups-config"), {"retention_days": 30, "enabled": True})) == config


def test_standard_serverless_cluster_configures_its_backups(api):
    cluster = api.ok(api.post("/api/v1/clusters", {
        "name": "standard-cluster", "provider": "GCP",
        "spec": {"serverless": {"regions": ["us-central1"], "usage_limits": {"provisioned_virtual_cpus": 2}}}}))
    assert api.ok(api.get(path(cluster, "backups-config")))["frequency_minutes"] == 60
    config = api.ok(api.patch(path(cluster, "backups-config"), {"frequency_minutes": 15, "retention_days": 7}))
    assert (config["frequency_minutes"], config["retention_days"]) == (15, 7)
    assert api.patch(path(cluster, "backups-config"), {"retention_days": 90}).status_code == 400


def test_time_filters(api):
    cluster, created = aged_cluster(api, DAY + 60)
    start, end = clock.iso(created + 2 * HOUR), clock.iso(created + 5 * HOUR)
    listed = backups(api, cluster, start_time=start, end_time=end)
    assert times(listed) == pytest.approx([created + k * HOUR for k in (2, 3, 4)], abs=1e-3)
    assert len(backups(api, cluster, start_time=clock.iso(created + 20 * HOUR + 1))) == 4
    assert len(backups(api, cluster, end_time=clock.iso(created + 1))) == 1
    response = api.get(path(cluster, "backups"), query={"start_time": end, "end_time": start})
    assert response.status_code == 400
    assert "end_time must not be before start_time" in response.get_json()["message"]
    assert api.get(path(cluster, "backups"), query={"start_time": "yesterday"}).status_code == 400


def test_backups_paginate(api):
    cluster, _extra = aged_cluster(api, DAY + 60)
    everything = backups(api, cluster)
    seen, query = [], {"pagination.limit": 10}
    while True:
        body = api.ok(api.get(path(cluster, "backups"), query=query))
        seen.extend(body["backups"])
        if not body["pagination"].get("next"):
            break
        query = {"pagination.limit": 10, "pagination.page": body["pagination"]["next"]}
    assert seen == everything
    newest = backups(api, cluster, **{"pagination.sort_order": "DESC", "pagination.limit": 1})
    assert newest == everything[-1:]


def test_restore_runs_pending_to_success(api):
    cluster, _extra = aged_cluster(api, 3 * HOUR)
    backup = backups(api, cluster)[1]
    api.ok(api.client.patch("/_emulator/config", json={"async_seconds": 0.2}))
    restore = api.ok(api.post(path(cluster, "restores"), {"backup_id": backup["id"]}))
    assert restore["status"] == "PENDING" and restore["completion_percent"] == 0
    assert restore["cluster_id"] == cluster["id"] and restore["backup_id"] == backup["id"]
    assert restore["type"] == "CLUSTER" and restore["backup_end_time"] == backup["as_of_time"]
    uuid.UUID(restore["id"])
    # One restore at a time.
    response = api.post(path(cluster, "restores"), {"backup_id": backup["id"]})
    assert response.status_code == 409
    assert "still running" in response.get_json()["message"]
    time.sleep(0.25)
    done = api.ok(api.get(path(cluster, "restores/" + restore["id"])))
    assert done["status"] == "SUCCESS" and done["completion_percent"] == 1
    assert api.ok(api.get(path(cluster, "restores")))["restores"] == [done]
    api.ok(api.post(path(cluster, "restores"), {"backup_id": backup["id"]}))


def test_restore_targets(api):
    cluster = api.create_cluster(plan="dedicated")
    backup_id = backups(api, cluster)[0]["id"]
    target = {"type": "TABLE", "objects": [{"database": "app", "schema": "public", "table": "orders"}]}
    restore = api.ok(api.post(path(cluster, "restores"), {"backup_id": backup_id, "target": target}))
    assert restore["type"] == "TABLE" and restore["target"] == target
    database = {"type": "DATABASE", "objects": [{"database": "app"}]}
    assert api.ok(api.post(path(cluster, "restores"), {"backup_id": backup_id, "target": database}))[
        "type"] == "DATABASE"
    for bad in ({"type": "NODE"}, {"type": "DATABASE"}, {"type": "DATABASE", "objects": [{}]},
                {"type": "TABLE", "objects": [{"database": "app"}]},
                {"objects": [{"database": "app"}]}):
        response = api.post(path(cluster, "restores"), {"backup_id": backup_id, "target": bad})
        assert response.status_code == 400, bad
    assert len(api.ok(api.get(path(cluster, "restores")))["restores"]) == 2


def test_restore_of_unknown_backup_is_400(api):
    cluster = api.create_cluster()
    other = api.create_cluster(name="other-cluster")
    foreign = backups(api, other)[0]["id"]
    for backup_id in (str(uuid.uuid4()), foreign):
        response = api.post(path(cluster, "restores"), {"backup_id": backup_id})
        assert response.status_code == 400
        assert "does not exist for cluster test-cluster" in response.get_json()["message"]
    assert api.post(path(cluster, "restores"), {}).status_code == 400
    assert api.ok(api.get(path(cluster, "restores")))["restores"] == []


def test_get_unknown_restore_is_404(api):
    cluster = api.create_cluster()
    response = api.get(path(cluster, "restores/nope"))
    assert response.status_code == 404
    assert "nope" in response.get_json()["message"]
    # A restore is found only under its own cluster.
    restore = api.ok(api.post(path(cluster, "restores"), {"backup_id": backups(api, cluster)[0]["id"]}))
    other = api.create_cluster(name="other-cluster")
    assert api.get(path(other, "restores/" + restore["id"])).status_code == 404


def test_restores_filter_and_paginate(api):
    cluster = api.create_cluster()
    backup_id = backups(api, cluster)[0]["id"]
    made = [api.ok(api.post(path(cluster, "restores"), {"backup_id": backup_id})) for _unused in range(4)]
    stored = api.emulator.store.data["cluster_children"][cluster["id"]]["restores"]
    for index, restore in enumerate(made):  # one a day, oldest first
        stored[restore["id"]]["created_at"] = "2024-09-%02dT00:00:00.000000Z" % (10 + index)
    listed = api.ok(api.get(path(cluster, "restores"), query={"start_time": "2024-09-11T00:00:00Z",
                                                              "end_time": "2024-09-13T00:00:00Z"}))
    assert [r["id"] for r in listed["restores"]] == [made[1]["id"], made[2]["id"]]
    first = api.ok(api.get(path(cluster, "restores"), query={"pagination.limit": 3}))
    second = api.ok(api.get(path(cluster, "restores"), query={"pagination.limit": 3,
                                                              "pagination.page": first["pagination"]["next"]}))
    assert [r["id"] for r in first["restores"] + second["restores"]] == [r["id"] for r in made]
    response = api.get(path(cluster, "restores"), query={"start_time": "2024-09-13T00:00:00Z",
                                                         "end_time": "2024-09-11T00:00:00Z"})
    assert response.status_code == 400


def test_unknown_cluster_is_404(api):
    ghost = {"id": str(uuid.uuid4())}
    for tail in ("backups", "backups-config", "restores"):
        assert api.get(path(ghost, tail)).status_code == 404


def test_roles(api):
    cluster = api.create_cluster()
    scope = {"type": "CLUSTER", "id": cluster["id"]}
    developer = api.new_key([{"name": "CLUSTER_DEVELOPER", "resource": scope}], name="developer")[1]
    operator = api.new_key([{"name": "CLUSTER_OPERATOR_WRITER", "resource": scope}], name="operator")[1]
    backup_id = backups(api, cluster)[0]["id"]
    assert api.get(path(cluster, "backups"), key=developer).status_code == 200
    assert api.get(path(cluster, "backups-config"), key=developer).status_code == 200
    assert api.patch(path(cluster, "backups-config"), {"retention_days": 7}, key=operator).status_code == 403
    assert api.post(path(cluster, "restores"), {"backup_id": backup_id}, key=operator).status_code == 403
    assert api.ok(api.get(path(cluster, "backups-config")))["retention_days"] == 30
    assert api.ok(api.get(path(cluster, "restores")))["restores"] == []
