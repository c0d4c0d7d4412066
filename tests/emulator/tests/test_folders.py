"""Folders: the tree, computed paths, names, moves, emptiness on delete, contents, roles."""

FOLDERS = "/api/v1/folders"


def _folder(api, name, parent_id=None, key=None):
    body = {"name": name}
    if parent_id:
        body["parent_id"] = parent_id
    return api.ok(api.post(FOLDERS, body, key=key))


def _cluster_in(api, name, parent_id):
    body = {"name": name, "provider": "GCP", "parent_id": parent_id,
            "spec": {"serverless": {"regions": ["us-central1"]}}}
    return api.ok(api.post("/api/v1/clusters", body))


def _org_role(api, name):
    return {"name": name, "resource": {"type": "ORGANIZATION", "id": api.emulator.store.data["organization"]["id"]}}


def test_create_and_get_nested(api):
    top = _folder(api, "team a")
    assert top == {"resource_id": top["resource_id"], "name": "team a", "parent_id": "root", "path": "/team a"}
    child = _folder(api, "prod_1", top["resource_id"])
    assert (child["parent_id"], child["path"]) == (top["resource_id"], "/team a/prod_1")
    assert api.ok(api.get("%s/%s" % (FOLDERS, child["resource_id"]))) == child
    assert _folder(api, "explicit-root", "root")["parent_id"] == "root"
    assert api.get("%s/nope" % FOLDERS).status_code == 404


def test_create_rejects_bad_input_without_change(api):
    top = _folder(api, "a")
    for body in ({"name": "a/b"}, {"name": ""}, {"name": "x" * 33}, {"name": " lead"},
                 {"name": "trail "}, {"name": "dot.name"}, {}):
        response = api.post(FOLDERS, body)
        assert response.status_code == 400, (body, response.get_json())
    assert "'/'" in api.post(FOLDERS, {"name": "a/b"}).get_json()["message"]
    response = api.post(FOLDERS, {"name": "b", "parent_id": "missing"})
    assert response.status_code == 400 and "missing" in response.get_json()["message"]
    response = api.post(FOLDERS, {"name": "a"})
    assert response.status_code == 409 and "already exists" in response.get_json()["message"]
    assert [f["path"] for f in api.ok(api.get(FOLDERS))["folders"]] == ["/a"]
    # The same name is fine under another parent; 32 characters are allowed.
    assert _folder(api, "a", top["resource_id"])["path"] == "/a/a"
    _folder(api, "x" * 32)


def test_rename_and_move_propagate_to_paths(api):
    a = _folder(api, "a")
    b = _folder(api, "b", a["resource_id"])
    c = _folder(api, "c", b["resource_id"])
    other = _folder(api, "other")
    renamed = api.ok(api.patch("%s/%s" % (FOLDERS, a["resource_id"]), {"name": "alpha"}))
    assert renamed["path"] == "/alpha"
    assert api.ok(api.get("%s/%s" % (FOLDERS, c["resource_id"])))["path"] == "/alpha/b/c"
    moved = api.ok(api.patch("%s/%s" % (FOLDERS, b["resource_id"]), {"parent_id": other["resource_id"]}))
    assert (moved["parent_id"], moved["path"]) == (other["resource_id"], "/other/b")
    assert api.ok(api.get("%s/%s" % (FOLDERS, c["resource_id"])))["path"] == "/other/b/c"
    to_root = api.ok(api.patch("%s/%s" % (FOLDERS, c["resource_id"]), {"parent_id": "root", "name": "top"}))
    assert (to_root["parent_id"], to_root["path"]) == ("root", "/top")


def test_update_rejects_cycles_conflicts_and_bad_input(api):
    a = _folder(api, "a")
    b = _folder(api, "b", a["resource_id"])
    _folder(api, "taken", a["resource_id"])
    path_a = "%s/%s" % (FOLDERS, a["resource_id"])
    for target in (a["resource_id"], b["resource_id"]):
        response = api.patch(path_a, {"parent_id": target})
        assert response.status_code == 400
        assert "under itself" in response.get_json()["message"]
    assert api.patch(path_a, {"parent_id": "missing"}).status_code == 400
    assert api.patch(path_a, {"name": "bad/name"}).status_code == 400
    assert api.patch("%s/%s" % (FOLDERS, b["resource_id"]), {"name": "taken"}).status_code == 409
    assert api.ok(api.get(path_a))["path"] == "/a"
    assert api.ok(api.get("%s/%s" % (FOLDERS, b["resource_id"])))["path"] == "/a/b"
    assert api.patch("%s/nope" % FOLDERS, {"name": "x"}).status_code == 404


def test_delete_requires_empty_folder(api):
    a = _folder(api, "a")
    b = _folder(api, "b", a["resource_id"])
    response = api.delete("%s/%s" % (FOLDERS, a["resource_id"]))
    assert response.status_code == 400 and "not empty" in response.get_json()["message"]
    cluster = _cluster_in(api, "in-folder", b["resource_id"])
    response = api.delete("%s/%s" % (FOLDERS, b["resource_id"]))
    assert response.status_code == 400 and "1 cluster" in response.get_json()["message"]
    api.ok(api.delete("/api/v1/clusters/%s" % cluster["id"]))
    # A DELETED cluster does not keep its folder alive.
    deleted = api.ok(api.delete("%s/%s" % (FOLDERS, b["resource_id"])))
    assert deleted["path"] == "/a/b"
    assert api.get("%s/%s" % (FOLDERS, b["resource_id"])).status_code == 404
    api.ok(api.delete("%s/%s" % (FOLDERS, a["resource_id"])))
    assert api.ok(api.get(FOLDERS))["folders"] == []
    assert api.delete("%s/%s" % (FOLDERS, a["resource_id"])).status_code == 404


def test_list_path_filter_and_pagination(api):
    a = _folder(api, "a")
    _folder(api, "b", a["resource_id"])
    _folder(api, "ab")
    _folder(api, "c")

    def paths(query):
        return [f["path"] for f in api.ok(api.get(FOLDERS, query=query))["folders"]]

    assert paths({"path": "/a"}) == ["/a", "/a/b"]
    assert paths({"path": "/a/"}) == ["/a", "/a/b"]
    assert paths({"path": "/a/b"}) == ["/a/b"]
    assert paths({"path": "/zzz"}) == []
    assert paths({"path": "/"}) == ["/a", "/a/b", "/ab", "/c"]
    first = api.ok(api.get(FOLDERS, query={"pagination.limit": 3}))
    second = api.ok(api.get(FOLDERS, query={"pagination.limit": 3, "pagination.page": first["pagination"]["next"]}))
    assert [f["path"] for f in first["folders"] + second["folders"]] == ["/a", "/a/b", "/ab", "/c"]
    assert not second["pagination"].get("next")


def test_contents(api):
    a = _folder(api, "a")
    sub = _folder(api, "sub", a["resource_id"])
    cluster = _cluster_in(api, "child-cluster", a["resource_id"])
    gone = _cluster_in(api, "gone-cluster", a["resource_id"])
    api.ok(api.delete("/api/v1/clusters/%s" % gone["id"]))
    contents = api.ok(api.get("%s/%s/contents" % (FOLDERS, a["resource_id"])))["resources"]
    assert contents == [{"type": "FOLDER", "id": sub["resource_id"], "name": "sub"},
                        {"type": "CLUSTER", "id": cluster["id"], "name": "child-cluster"}]
    root = api.ok(api.get("%s/root/contents" % FOLDERS))["resources"]
    assert root == [{"type": "FOLDER", "id": a["resource_id"], "name": "a"}]
    page = api.ok(api.get("%s/%s/contents" % (FOLDERS, a["resource_id"]), query={"pagination.limit": 1}))
    assert len(page["resources"]) == 1 and page["pagination"]["next"]
    assert api.ok(api.get("%s/%s/contents" % (FOLDERS, sub["resource_id"])))["resources"] == []
    assert api.get("%s/nope/contents" % FOLDERS).status_code == 404


def test_folder_scoped_roles(api):
    mine = _folder(api, "mine")
    other = _folder(api, "other")
    grant = {"name": "FOLDER_ADMIN", "resource": {"type": "FOLDER", "id": mine["resource_id"]}}
    _new_account, key = api.new_key([_org_role(api, "ORG_MEMBER"), grant])
    # Inside its folder the key may create, rename and delete.
    child = _folder(api, "child", mine["resource_id"], key=key)
    assert api.post(FOLDERS, {"name": "top"}, key=key).status_code == 403
    assert api.post(FOLDERS, {"name": "x", "parent_id": other["resource_id"]}, key=key).status_code == 403
    path = "%s/%s" % (FOLDERS, child["resource_id"])
    assert api.ok(api.patch(path, {"name": "renamed"}, key=key))["path"] == "/mine/renamed"
    # Moving out of its folder needs a role on the destination too.
    assert api.patch(path, {"parent_id": "root"}, key=key).status_code == 403
    assert api.patch(path, {"parent_id": other["resource_id"]}, key=key).status_code == 403
    assert api.ok(api.get(path))["parent_id"] == mine["resource_id"]
    assert api.delete("%s/%s" % (FOLDERS, other["resource_id"]), key=key).status_code == 403
    api.ok(api.delete(path, key=key))
    # Deleting a folder drops the grants that sat on it.
    api.ok(api.delete("%s/%s" % (FOLDERS, mine["resource_id"])))
    grants = api.emulator.store.data["role_grants"]
    assert not any(g["resource"]["id"] == mine["resource_id"] for roles in grants.values() for g in roles)
