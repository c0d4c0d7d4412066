"""Maintenance windows and version deferrals in the live wire format (``live_api``)."""

import pytest


def path(cluster, what="maintenance-window"):
    return "/api/v1/clusters/%s/%s" % (cluster["id"], what)


@pytest.mark.parametrize("offset, day, hour", [("0s", 1, 0), ("172800s", 3, 0), ("525600s", 0, 2),
                                               ("93600s", 2, 2), ("5400s", 1, 1)])
def test_offsets_are_the_contract_days_and_hours(live_api, offset, day, hour):
    cluster = live_api.create_cluster("maint-test")
    window = live_api.ok(live_api.put(path(cluster), {"offset_duration": offset, "window_duration": "28800s"}))
    assert window == {"offset_duration": offset, "window_duration": "28800s"}
    assert live_api.ok(live_api.get(path(cluster))) == window
    stored = live_api.emulator.store.data["cluster_children"][cluster["id"]]["maintenance"]["window"]
    assert (stored["day_of_week"], stored["start_hour"]) == (day, hour)
    assert live_api.ok(live_api.delete(path(cluster))) == window
    assert live_api.get(path(cluster)).status_code == 404


def test_refused_windows_change_nothing(live_api):
    cluster = live_api.create_cluster("maint-test")
    live_api.ok(live_api.put(path(cluster), {"offset_duration": "3600s", "window_duration": "21600s"}))
    cases = [({"day_of_week": 1, "start_hour": 2}, "Additional properties are not allowed"),
             ({"offset_duration": "3600s"}, "'window_duration' is a required property"),
             ({"offset_duration": "3600s", "window_duration": "3600s"}, "at least 6 hours"),
             ({"offset_duration": "3600s", "window_duration": "604800s"}, "less than 1 week"),
             ({"offset_duration": "604800s", "window_duration": "21600s"}, "offset_duration must be less than 1 week"),
             ({"offset_duration": "1h", "window_duration": "21600s"}, "a duration in seconds")]
    for body, words in cases:
        response = live_api.put(path(cluster), body)
        assert response.status_code == 400, body
        assert words in response.get_json()["message"], response.get_json()
    assert live_api.ok(live_api.get(path(cluster))) == {"offset_duration": "3600s", "window_duration": "21600s"}


def test_a_window_set_in_the_contract_shape_answers_live(live_api):
    cluster = live_api.create_cluster("maint-test")
    live_api.emulator.store.cluster_children(cluster["id"], "maintenance")["window"] = {"day_of_week": 0,
                                                                                        "start_hour": 23}
    assert live_api.ok(live_api.get(path(cluster))) == {"offset_duration": "601200s", "window_duration": "21600s"}


def test_deferral_policies(live_api):
    cluster = live_api.create_cluster("maint-test")
    assert live_api.ok(live_api.get(path(cluster, "version-deferral"))) == {"deferral_policy": "NOT_DEFERRED"}
    for policy in ("DEFERRAL_30_DAYS", "DEFERRAL_90_DAYS", "FIXED_DEFERRAL", "DEFERRAL_60_DAYS", "NOT_DEFERRED"):
        assert live_api.ok(live_api.put(path(cluster, "version-deferral"), {"deferral_policy": policy})) == {
            "deferral_policy": policy}
        assert live_api.ok(live_api.get(path(cluster, "version-deferral"))) == {"deferral_policy": policy}
    response = live_api.put(path(cluster, "version-deferral"), {"deferral_policy": "SOMETIMES"})
    assert response.status_code == 400
