"""MaintenanceWindows: GetMaintenanceWindow, SetMaintenanceWindow, DeleteMaintenanceWindow."""

import uuid


def path(cluster):
    return "/api/v1/clusters/%s/maintenance-window" % cluster["id"]


def test_set_get_replace_delete(api):
    cluster = api.create_cluster("maint-test", plan="dedicated", provider="GCP")
    assert api.get(path(cluster)).status_code == 404
    window = api.ok(api.put(path(cluster), {"day_of_week": 6, "start_hour": 23, "unknown": "ignored"}))
    assert window == {"day_of_week": 6, "start_hour": 23}
    assert api.ok(api.get(path(cluster))) == window
    # Set replaces the whole window; the real service's durations are kept when given.
    replaced = api.ok(api.put(path(cluster), {"day_of_week": 0, "start_hour": 0,
                                              "offset_duration": "3600s", "window_duration": "21600s"}))
    assert replaced == {"day_of_week": 0, "start_hour": 0, "offset_duration": "3600s", "window_duration": "21600s"}
    assert api.ok(api.put(path(cluster), {"day_of_week": 1, "start_hour": 2})) == {"day_of_week": 1, "start_hour": 2}
    assert api.ok(api.delete(path(cluster))) == {"day_of_week": 1, "start_hour": 2}
    assert api.get(path(cluster)).status_code == 404
    response = api.delete(path(cluster))
    assert response.status_code == 404 and "no maintenance window" in response.get_json()["message"]


def test_validation_changes_nothing(api):
    cluster = api.create_cluster("maint-test")
    api.ok(api.put(path(cluster), {"day_of_week": 3, "start_hour": 4}))
    cases = [({"start_hour": 4}, "day_of_week is required"),
             ({"day_of_week": 3}, "start_hour is required"),
             ({"day_of_week": 3, "start_hour": 4, "window_duration": "6h"}, "window_duration"),
             ({"day_of_week": 3, "start_hour": 4, "offset_duration": 60}, "offset_duration")]
    for body, words in cases:
        response = api.put(path(cluster), body)
        assert response.status_code == 400, body
        assert words in response.get_json()["message"], response.get_json()
    # Out-of-range values are refused by the contract's minimum/maximum.
    for body in ({"day_of_week": 7, "start_hour": 4}, {"day_of_week": 3, "start_hour": 24},
                 {"day_of_week": -1, "start_hour": 4}, {"day_of_week": "1", "start_hour": 4}):
        assert api.put(path(cluster), body).status_code == 400, body
    assert api.ok(api.get(path(cluster))) == {"day_of_week": 3, "start_hour": 4}


def test_windows_are_per_cluster(api):
    first = api.create_cluster("maint-one")
    second = api.create_cluster("maint-two")
    api.ok(api.put(path(first), {"day_of_week": 2, "start_hour": 5}))
    assert api.get(path(second)).status_code == 404


def test_unknown_cluster_and_roles(api):
    assert api.get("/api/v1/clusters/%s/maintenance-window" % uuid.uuid4()).status_code == 404
    cluster = api.create_cluster("maint-test")
    developer = api.new_key([{"name": "CLUSTER_DEVELOPER", "resource": {"type": "CLUSTER", "id": cluster["id"]}}])[1]
    assert api.put(path(cluster), {"day_of_week": 1, "start_hour": 1}, key=developer).status_code == 403
    assert api.get(path(cluster)).status_code == 404
    api.ok(api.put(path(cluster), {"day_of_week": 1, "start_hour": 1}))
    assert api.ok(api.get(path(cluster), key=developer)) == {"day_of_week": 1, "start_hour": 1}
    assert api.delete(path(cluster), key=developer).status_code == 403
