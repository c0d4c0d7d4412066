"""The IP allowlist in the live wire format (``--contract live``): an update names its entry in
the path only, the listing says whether a change is ``propagating``, and every answer holds the
live document's shape (response validation is on)."""

import pytest


@pytest.fixture
def cluster(live_api):
    return live_api.create_cluster()


def base(cluster):
    return "/api/v1/clusters/%s/networking/allowlist" % cluster["id"]


def test_the_cycle_in_the_live_shape(live_api, cluster):
    added = live_api.ok(live_api.post(base(cluster), {"cidr_ip": "10.1.2.3", "cidr_mask": 24, "sql": True,
                                                      "ui": False, "name": "office"}))
    assert added == {"cidr_ip": "10.1.2.0", "cidr_mask": 24, "name": "office", "sql": True, "ui": False}
    listing = live_api.ok(live_api.get(base(cluster)))
    assert listing == {"allowlist": [added], "pagination": {}, "propagating": False}

    updated = live_api.ok(live_api.patch(base(cluster) + "/10.1.2.0/24", {"name": "hq", "sql": True, "ui": True}))
    assert updated == dict(added, name="hq", ui=True)
    # The network of the path is compared in canonical form, as in the contract.
    assert live_api.ok(live_api.patch(base(cluster) + "/10.1.2.9/24", {"sql": False, "ui": True}))["sql"] is False

    assert live_api.ok(live_api.delete(base(cluster) + "/10.1.2.0/24"))["cidr_ip"] == "10.1.2.0"
    assert live_api.ok(live_api.get(base(cluster)))["allowlist"] == []


def test_the_contract_shape_of_an_update_is_refused(live_api, cluster):
    live_api.ok(live_api.post(base(cluster), {"cidr_ip": "10.0.0.0", "cidr_mask": 8, "sql": True, "ui": False}))
    response = live_api.patch(base(cluster) + "/10.0.0.0/8",
                              {"cidr_ip": "10.0.0.0", "cidr_mask": 8, "sql": True, "ui": True})
    assert response.status_code == 400
    message = response.get_json()["message"]
    assert "Additional properties are not allowed" in message and "'cidr_ip'" in message and "'cidr_mask'" in message


def test_sql_and_ui_are_required_by_the_live_document(live_api, cluster):
    response = live_api.post(base(cluster), {"cidr_ip": "10.0.0.0", "cidr_mask": 8})
    assert response.status_code == 400 and "'ui' is a required property" in response.get_json()["message"]
    live_api.ok(live_api.post(base(cluster), {"cidr_ip": "10.0.0.0", "cidr_mask": 8, "sql": True, "ui": False}))
    response = live_api.patch(base(cluster) + "/10.0.0.0/8", {"name": "x"})
    assert response.status_code == 400 and "is a required property" in response.get_json()["message"]


def test_an_unknown_entry_is_404(live_api, cluster):
    response = live_api.patch(base(cluster) + "/10.9.0.0/16", {"sql": True, "ui": True})
    assert response.status_code == 404
    assert live_api.delete(base(cluster) + "/10.9.0.0/16").status_code == 404
