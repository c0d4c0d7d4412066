"""IP allowlist: canonical CIDRs, defaults, conflicts, updates, deletes, long lists."""

import uuid

import pytest


@pytest.fixture
def cluster(api):
    return api.create_cluster()


def base(cluster):
    return "/api/v1/clusters/%s/networking/allowlist" % cluster["id"]


def entries(api, cluster):
    return api.ok(api.get(base(cluster)))["allowlist"]


def test_empty_at_first(api, cluster):
    body = api.ok(api.get(base(cluster)))
    assert body["allowlist"] == [] and "time" in body["pagination"]


def test_add_with_defaults(api, cluster):
    entry = api.ok(api.post(base(cluster), {"cidr_ip": "192.168.1.0", "cidr_mask": 24}))
    assert entry == {"cidr_ip": "192.168.1.0", "cidr_mask": 24, "name": "", "sql": True, "ui": False}
    assert entries(api, cluster) == [entry]


def test_add_stores_the_canonical_form(api, cluster):
    entry = api.ok(api.post(base(cluster), {"cidr_ip": "10.1.2.3", "cidr_mask": 24, "name": "office",
                                            "ui": True, "sql": False}))
    assert entry == {"cidr_ip": "10.1.2.0", "cidr_mask": 24, "name": "office", "sql": False, "ui": True}
    # The same network written another way is the same entry.
    response = api.post(base(cluster), {"cidr_ip": "10.1.2.77", "cidr_mask": 24})
    assert response.status_code == 409
    assert "10.1.2.0/24" in response.get_json()["message"]
    assert api.post(base(cluster), {"cidr_ip": "10.1.2.0", "cidr_mask": 24}).status_code == 409
    # Another mask is another entry; /0 and /32 are fine.
    api.ok(api.post(base(cluster), {"cidr_ip": "10.1.2.3", "cidr_mask": 32}))
    assert api.ok(api.post(base(cluster), {"cidr_ip": "8.8.8.8", "cidr_mask": 0}))["cidr_ip"] == "0.0.0.0"
    assert [(e["cidr_ip"], e["cidr_mask"]) for e in entries(api, cluster)] == [
        ("10.1.2.0", 24), ("10.1.2.3", 32), ("0.0.0.0", 0)]


INVALID = [
    {"cidr_ip": "10.1.2", "cidr_mask": 24},
    {"cidr_ip": "256.1.1.1", "cidr_mask": 24},
    {"cidr_ip": "::1", "cidr_mask": 24},
    {"cidr_ip": "example.com", "cidr_mask": 24},
    {"cidr_ip": "10.0.0.0/8", "cidr_mask": 8},
    {"cidr_ip": "", "cidr_mask": 8},
    {"cidr_ip": "10.0.0.0", "cidr_mask": 33},
    {"cidr_ip": "10.0.0.0"},
    {"cidr_ip": "010.1.1.1", "cidr_mask": 8},
]


def test_invalid_cidrs_are_400(api, cluster):
    for body in INVALID:
        assert api.post(base(cluster), body).status_code == 400, body
    assert entries(api, cluster) == []


def test_invalid_ip_message(api, cluster):
    response = api.post(base(cluster), {"cidr_ip": "300.1.1.1", "cidr_mask": 24})
    assert response.status_code == 400
    assert "invalid CIDR 300.1.1.1/24" in response.get_json()["message"]


def test_update_entry(api, cluster):
    api.ok(api.post(base(cluster), {"cidr_ip": "10.1.2.0", "cidr_mask": 24, "name": "office"}))
    path = base(cluster) + "/10.1.2.0/24"
    updated = api.ok(api.patch(path, {"cidr_ip": "10.1.2.0", "cidr_mask": 24, "ui": True}))
    assert updated == {"cidr_ip": "10.1.2.0", "cidr_mask": 24, "name": "office", "sql": True, "ui": True}
    updated = api.ok(api.patch(path, {"cidr_ip": "10.1.2.0", "cidr_mask": 24, "name": "vpn", "sql": False}))
    assert updated == {"cidr_ip": "10.1.2.0", "cidr_mask": 24, "name": "vpn", "sql": False, "ui": True}
    assert entries(api, cluster) == [updated]
    # Path and body in non-canonical spelling still name the entry.
    body = {"cidr_ip": "10.1.2.5", "cidr_mask": 24, "name": "vpn2"}
    again = api.ok(api.patch(base(cluster) + "/10.1.2.9/24", body))
    assert again["name"] == "vpn2" and again["cidr_ip"] == "10.1.2.0"


def test_update_errors(api, cluster):
    entry = api.ok(api.post(base(cluster), {"cidr_ip": "10.1.2.0", "cidr_mask": 24, "name": "office"}))
    path = base(cluster) + "/10.1.2.0/24"
    response = api.patch(path, {"cidr_ip": "10.9.9.0", "cidr_mask": 24, "name": "moved"})
    assert response.status_code == 400
    assert "cannot change" in response.get_json()["message"]
    assert api.patch(path, {"cidr_ip": "10.1.2.0", "cidr_mask": 16, "name": "x"}).status_code == 400
    assert api.patch(path, {"name": "no cidr in body"}).status_code == 400
    response = api.patch(base(cluster) + "/10.7.0.0/16", {"cidr_ip": "10.7.0.0", "cidr_mask": 16})
    assert response.status_code == 404
    assert api.patch(base(cluster) + "/10.1.2/24", {"cidr_ip": "10.1.2", "cidr_mask": 24}).status_code == 400
    assert entries(api, cluster) == [entry]


def test_delete_entry(api, cluster):
    api.ok(api.post(base(cluster), {"cidr_ip": "10.1.2.0", "cidr_mask": 24, "name": "office"}))
    api.ok(api.post(base(cluster), {"cidr_ip": "172.16.0.0", "cidr_mask": 12}))
    deleted = api.ok(api.delete(base(cluster) + "/10.1.2.3/24"))
    assert deleted == {"cidr_ip": "10.1.2.0", "cidr_mask": 24, "name": "office", "sql": True, "ui": False}
    assert [e["cidr_ip"] for e in entries(api, cluster)] == ["172.16.0.0"]
    response = api.delete(base(cluster) + "/10.1.2.0/24")
    assert response.status_code == 404
    assert "10.1.2.0/24" in response.get_json()["message"]
    assert api.delete(base(cluster) + "/10.1.2.0/40").status_code == 400


def test_entries_belong_to_their_cluster(api, cluster):
    other = api.create_cluster(name="other-cluster")
    api.ok(api.post(base(cluster), {"cidr_ip": "10.0.0.0", "cidr_mask": 8}))
    assert entries(api, other) == []
    api.ok(api.post(base(other), {"cidr_ip": "10.0.0.0", "cidr_mask": 8}))
    assert api.get("/api/v1/clusters/%s/networking/allowlist" % uuid.uuid4()).status_code == 404


def test_long_list_pages(api, cluster):
    # 600 entries written straight into the state, a few more through the API.
    stored = api.emulator.store.cluster_children(cluster["id"], "allowlist")
    for index in range(600):
        ip = "10.%d.%d.0" % (index // 256, index % 256)
        stored["%s/24" % ip] = {"cidr_ip": ip, "cidr_mask": 24, "name": "e%d" % index, "sql": True, "ui": False}
    api.ok(api.post(base(cluster), {"cidr_ip": "192.168.0.0", "cidr_mask": 16, "name": "last"}))
    seen, query, pages = [], {"pagination.limit": 250}, 0
    while True:
        body = api.ok(api.get(base(cluster), query=query))
        seen.extend(e["name"] for e in body["allowlist"])
        pages += 1
        if not body["pagination"].get("next"):
            break
        query = {"pagination.limit": 250, "pagination.page": body["pagination"]["next"]}
    assert pages == 3
    assert seen == ["e%d" % i for i in range(600)] + ["last"]
    # The default page holds 100 entries and says there is more.
    first = api.ok(api.get(base(cluster)))
    assert len(first["allowlist"]) == 100 and first["pagination"]["next"]
    # The last of the 600 (10.2.87.0/24) conflicts like any other entry.
    assert api.post(base(cluster), {"cidr_ip": "10.2.87.0", "cidr_mask": 24}).status_code == 409


def test_roles(api, cluster):
    scope = {"type": "CLUSTER", "id": cluster["id"]}
    developer = api.new_key([{"name": "CLUSTER_DEVELOPER", "resource": scope}], name="developer")[1]
    operator = api.new_key([{"name": "CLUSTER_OPERATOR_WRITER", "resource": scope}], name="operator")[1]
    body = {"cidr_ip": "10.0.0.0", "cidr_mask": 8}
    assert api.post(base(cluster), body, key=developer).status_code == 403
    assert api.get(base(cluster), key=developer).status_code == 200
    api.ok(api.post(base(cluster), body, key=operator))
    assert api.delete(base(cluster) + "/10.0.0.0/8", key=developer).status_code == 403
    api.ok(api.delete(base(cluster) + "/10.0.0.0/8", key=operator))
