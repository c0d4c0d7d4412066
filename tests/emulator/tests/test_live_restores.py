"""Restores in the live wire format (``--contract live``): ``type``/``objects``/``restore_opts``
at the top of the request and of the answers, ``source_cluster_id``, the latest backup."""

import time
import uuid

from tests.emulator.tests import test_backups as backup_tests
from tests.emulator.tests.test_backups import backups, path

HOUR = backup_tests.HOUR


def aged_cluster(api, seconds, name="test-cluster"):
    return backup_tests.aged_cluster(api, seconds, name)[0]


def test_restore_in_the_live_shape(live_api):
    cluster = aged_cluster(live_api, 3 * HOUR)
    backup = backups(live_api, cluster)[1]
    live_api.ok(live_api.client.patch("/_emulator/config", json={"async_seconds": 0.2}))
    objects = [{"database": "app", "schema": "public", "table": "orders"}]
    restore = live_api.ok(live_api.post(path(cluster, "restores"), {
        "type": "TABLE", "backup_id": backup["id"], "source_cluster_id": cluster["id"], "objects": objects,
        "restore_opts": {"into_db": "copy", "skip_missing_views": True}}))
    assert restore["status"] == "PENDING" and restore["type"] == "TABLE" and restore["objects"] == objects
    assert restore["backup_id"] == backup["id"] and restore["backup_end_time"] == backup["as_of_time"]
    assert restore["source_cluster_name"] == restore["destination_cluster_name"] == "test-cluster"
    assert restore["restore_opts"] == {"into_db": "copy", "skip_missing_views": True}
    assert "target" not in restore and "cluster_id" not in restore
    time.sleep(0.25)
    done = live_api.ok(live_api.get(path(cluster, "restores/" + restore["id"])))
    assert done == dict(restore, status="SUCCESS", completion_percent=1.0)
    assert live_api.ok(live_api.get(path(cluster, "restores")))["restores"] == [done]


def test_restore_without_backup_id_restores_the_latest(live_api):
    cluster = aged_cluster(live_api, 3 * HOUR)
    latest = backups(live_api, cluster)[-1]
    restore = live_api.ok(live_api.post(path(cluster, "restores"), {"type": "CLUSTER"}))
    assert restore["backup_id"] == latest["id"] and restore["type"] == "CLUSTER" and "objects" not in restore


def test_restore_refuses_the_contract_shape_and_other_sources(live_api):
    cluster = live_api.create_cluster(plan="dedicated")
    backup_id = backups(live_api, cluster)[0]["id"]
    response = live_api.post(path(cluster, "restores"), {"backup_id": backup_id, "target": {"type": "CLUSTER"}})
    assert response.status_code == 400
    assert "'type' is a required property" in response.get_json()["message"]
    other = live_api.create_cluster(name="other-cluster", plan="dedicated")
    response = live_api.post(path(cluster, "restores"), {"type": "CLUSTER", "backup_id": backup_id,
                                                         "source_cluster_id": other["id"]})
    assert response.status_code == 400 and "only backups of the destination cluster" in response.get_json()["message"]
    response = live_api.post(path(cluster, "restores"), {"type": "DATABASE", "backup_id": backup_id})
    assert response.status_code == 400 and "needs target.objects" in response.get_json()["message"]
    response = live_api.post(path(cluster, "restores"), {"type": "CLUSTER", "backup_id": str(uuid.uuid4())})
    assert response.status_code == 400
    ghost = {"id": str(uuid.uuid4())}
    assert live_api.post(path(ghost, "restores"), {"type": "CLUSTER"}).status_code == 404
    assert live_api.ok(live_api.get(path(cluster, "restores")))["restores"] == []
