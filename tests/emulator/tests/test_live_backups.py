"""Backups and their configuration in the live wire format (``--contract live``)."""

from tests.emulator.tests import test_backups as backup_tests
from tests.emulator.tests.test_backups import backups, path

HOUR = backup_tests.HOUR


def aged_cluster(api, seconds, name="test-cluster"):
    return backup_tests.aged_cluster(api, seconds, name)[0]


def test_backup_configuration_in_the_live_shape(live_api):
    cluster = live_api.create_cluster(plan="dedicated")
    config = live_api.ok(live_api.get(path(cluster, "backups-config")))
    assert config == {"enabled": True, "frequency_minutes": 60, "retention_days": 30}  # no cluster_id
    changed = live_api.ok(live_api.patch(path(cluster, "backups-config"), {"frequency_minutes": 30, "enabled": False}))
    assert changed == {"enabled": False, "frequency_minutes": 30, "retention_days": 30}
    assert live_api.ok(live_api.get(path(cluster, "backups-config"))) == changed
    response = live_api.patch(path(cluster, "backups-config"), {"frequency_minutes": 30, "cluster_id": cluster["id"]})
    assert response.status_code == 400 and "cluster_id" in response.get_json()["message"]


def test_backups_listed_and_paged_in_the_live_shape(live_api):
    cluster = aged_cluster(live_api, 3 * HOUR)
    everything = backups(live_api, cluster)
    assert len(everything) == 4 and all(set(b) == {"id", "as_of_time"} for b in everything)
    first = live_api.ok(live_api.get(path(cluster, "backups"), query={"pagination.limit": 3}))
    assert set(first["pagination"]) == {"next_page"}
    second = live_api.ok(live_api.get(path(cluster, "backups"), query={
        "pagination.limit": 3, "pagination.page": first["pagination"]["next_page"]}))
    assert first["backups"] + second["backups"] == everything and second["pagination"] == {}
