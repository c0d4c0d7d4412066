"""The /_emulator/clusters/<id>/records/<kind>/<key> control: forcing a sub-resource's status
(failures the emulator never produces by itself), and what it refuses."""

CONTROL = "/_emulator/clusters/%s/records/%s/%s"


def _dedicated(api):
    return api.create_cluster(name="ctl-cluster", plan="dedicated", provider="AWS")


def test_a_restore_forced_to_failed_stays_failed(api):
    cluster = _dedicated(api)
    api.ok(api.client.patch("/_emulator/config", json={"async_seconds": 60}))  # restores stay PENDING
    backups = api.ok(api.get("/api/v1/clusters/%s/backups" % cluster["id"]))["backups"]
    restore = api.ok(api.post("/api/v1/clusters/%s/restores" % cluster["id"], {"backup_id": backups[0]["id"]}))
    assert restore["status"] == "PENDING"
    forced = api.ok(api.client.post(CONTROL % (cluster["id"], "restores", restore["id"]), json={"status": "FAILED"}))
    assert forced["status"] == "FAILED" and forced["id"] == restore["id"]
    path = "/api/v1/clusters/%s/restores/%s" % (cluster["id"], restore["id"])
    assert api.ok(api.get(path))["status"] == "FAILED"
    # The pending transition is gone: the record never turns SUCCESS by itself.
    record = api.emulator.store.data["cluster_children"][cluster["id"]]["restores"][restore["id"]]
    assert "_until" not in record and "_then" not in record


def test_a_metric_export_forced_to_error(api):
    cluster = _dedicated(api)
    path = "/api/v1/clusters/%s/metricexport/datadog" % cluster["id"]
    api.ok(api.post(path, {"api_key": "0123456789abcdef"}))
    api.ok(api.client.post(CONTROL % (cluster["id"], "metric_export", "datadog"), json={"status": "ERROR"}))
    assert api.ok(api.get(path))["status"] == "ERROR"


def test_unknown_records_and_bad_bodies_are_refused(api):
    cluster = _dedicated(api)
    missing = api.client.post(CONTROL % (cluster["id"], "restores", "no-such-restore"), json={"status": "FAILED"})
    assert missing.status_code == 404
    assert missing.get_json()["message"] == "cluster %r has no restores record 'no-such-restore'" % cluster["id"]
    assert api.client.post(CONTROL % ("no-such-cluster", "metric_export", "datadog"),
                           json={"status": "ERROR"}).status_code == 404
    api.ok(api.get("/api/v1/clusters/%s/backups" % cluster["id"]))  # keeps its schedule as a list
    assert api.client.post(CONTROL % (cluster["id"], "backup_schedule", "0"), json={"status": "X"}).status_code == 404
    api.ok(api.post("/api/v1/clusters/%s/metricexport/prometheus" % cluster["id"]))
    for body in ({}, {"_until": 1}, {"status": None}, {"targets": {}}):
        answer = api.client.post(CONTROL % (cluster["id"], "metric_export", "prometheus"), json=body)
        assert answer.status_code == 400, body
