"""Pagination: default 100, max 500, opaque tokens, sort order, as_of_time."""

import time


def _walk(api, limit=None, **query):
    names, token, pages = [], None, 0
    while True:
        params = dict(query)
        if limit:
            params["pagination.limit"] = limit
        if token:
            params["pagination.page"] = token
        body = api.ok(api.get("/api/v1/clusters", query=params))
        names.extend(c["name"] for c in body["clusters"])
        pages += 1
        token = body["pagination"].get("next")
        if not token:
            return names, pages


def test_default_page_is_100_and_walk_is_complete(api):
    api.ok(api.client.post("/_emulator/seed", json={"clusters": 250}))
    first = api.ok(api.get("/api/v1/clusters"))
    assert len(first["clusters"]) == 100
    assert first["pagination"]["next"] and first["pagination"]["last"] and first["pagination"]["time"]
    names, pages = _walk(api)
    assert pages == 3
    assert len(names) == 250 and len(set(names)) == 250


def test_max_page_is_500(api):
    api.ok(api.client.post("/_emulator/seed", json={"clusters": 600}))
    names, pages = _walk(api, limit=500)
    assert (len(names), pages) == (600, 2)
    assert api.get("/api/v1/clusters", query={"pagination.limit": 501}).status_code == 400


def test_sort_order_desc_reverses(api):
    api.ok(api.client.post("/_emulator/seed", json={"clusters": 5}))
    ascending, _extra = _walk(api)
    descending, _extra = _walk(api, **{"pagination.sort_order": "DESC"})
    assert descending == list(reversed(ascending))


def test_as_of_time_hides_later_items(api):
    api.create_cluster("early-one")
    cutoff = api.ok(api.get("/api/v1/clusters"))["pagination"]["time"]
    time.sleep(0.01)
    api.create_cluster("later-one")
    names, _extra = _walk(api, **{"pagination.as_of_time": cutoff})
    assert names == ["early-one"]


def test_as_of_time_outside_years_1_to_9999_in_utc_is_400(api):
    # Found by schemathesis: year 1 at +18:51 is year 0 in UTC, which crashed the listing (500).
    for value in ("0001-01-01T00:51:15.7+18:51", "9999-12-31T23:59:59-10:00"):
        response = api.get("/api/v1/api-keys", query={"pagination.as_of_time": value})
        assert response.status_code == 400, response.get_json()
        assert "pagination.as_of_time" in response.get_json()["message"]


def test_bad_token_is_400(api):
    response = api.get("/api/v1/clusters", query={"pagination.page": "garbage!"})
    assert response.status_code == 400
    assert "invalid pagination.page token" in response.get_json()["message"]


def test_items_created_between_pages_do_not_shift_the_walk(api):
    api.ok(api.client.post("/_emulator/seed", json={"clusters": 4}))
    first = api.ok(api.get("/api/v1/clusters", query={"pagination.limit": 2}))
    api.create_cluster("late-comer")
    second = api.ok(api.get("/api/v1/clusters", query={"pagination.limit": 2,
                                                       "pagination.page": first["pagination"]["next"]}))
    names = [c["name"] for c in first["clusters"] + second["clusters"]]
    assert len(set(names)) == 4 and "late-comer" not in names
    assert "next" not in second["pagination"]
