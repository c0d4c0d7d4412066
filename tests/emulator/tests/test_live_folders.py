"""Folders in the live wire format: FolderResource answers (path = the lineage [{id, name}]
above the folder, resource_type, organization_id, labels kept and shown back), contents as
FolderResources; every answer passes the strict live document (validate_responses)."""

FOLDERS = "/api/v1/folders"


def _folder(api, name, parent_id="root", **extra):
    return api.ok(api.post(FOLDERS, dict({"name": name, "parent_id": parent_id}, **extra)))


def test_create_get_list_with_lineage_and_labels(live_api):
    org = live_api.emulator.store.data["organization"]["id"]
    team = _folder(live_api, "team")
    assert team == {"resource_id": team["resource_id"], "resource_type": "FOLDER", "name": "team",
                    "parent_id": "root", "organization_id": org, "path": [], "labels": {}}
    prod = _folder(live_api, "prod", team["resource_id"], labels={"env": "prod"})
    assert prod["path"] == [{"id": team["resource_id"], "name": "team"}]
    assert prod["labels"] == {"env": "prod"}
    assert live_api.ok(live_api.get("%s/%s" % (FOLDERS, prod["resource_id"]))) == prod
    listed = live_api.ok(live_api.get(FOLDERS))["folders"]
    assert sorted(f["name"] for f in listed) == ["prod", "team"]
    assert next(f for f in listed if f["name"] == "prod") == prod
    # the contract's store shows no live-only field
    assert "_live" not in live_api.emulator.store.data["folders"][team["resource_id"]]


def test_update_moves_renames_and_replaces_labels(live_api):
    team = _folder(live_api, "team")
    other = _folder(live_api, "other")
    prod = _folder(live_api, "prod", team["resource_id"], labels={"a": "1"})
    moved = live_api.ok(live_api.patch("%s/%s" % (FOLDERS, prod["resource_id"]),
                                       {"name": "production", "parent_id": other["resource_id"]}))
    assert (moved["name"], moved["path"], moved["labels"]) == \
        ("production", [{"id": other["resource_id"], "name": "other"}], {"a": "1"})  # labels left out: kept
    relabelled = live_api.ok(live_api.patch("%s/%s" % (FOLDERS, prod["resource_id"]), {"labels": {"b": "2"}}))
    assert relabelled["labels"] == {"b": "2"}
    # a child sees its parent's new name in its lineage
    child = _folder(live_api, "eu", prod["resource_id"])
    live_api.ok(live_api.patch("%s/%s" % (FOLDERS, other["resource_id"]), {"name": "renamed"}))
    again = live_api.ok(live_api.get("%s/%s" % (FOLDERS, child["resource_id"])))
    assert [s["name"] for s in again["path"]] == ["renamed", "production"]


def test_contents_are_folder_resources_and_delete_answers_empty(live_api):
    team = _folder(live_api, "team", labels={"k": "v"})
    cluster = live_api.create_cluster("web-app-one", parent_id=team["resource_id"], labels={"tier": "web"})
    sub = _folder(live_api, "sub", team["resource_id"])
    contents = live_api.ok(live_api.get("%s/%s/contents" % (FOLDERS, team["resource_id"])))["resources"]
    by_type = {c["resource_type"]: c for c in contents}
    assert by_type["CLUSTER"]["resource_id"] == cluster["id"] and by_type["CLUSTER"]["labels"] == {"tier": "web"}
    assert by_type["FOLDER"]["resource_id"] == sub["resource_id"]
    for item in contents:
        assert item["parent_id"] == team["resource_id"]
        assert item["path"] == [{"id": team["resource_id"], "name": "team"}]
    top = live_api.ok(live_api.get("%s/root/contents" % FOLDERS))["resources"]
    assert [(c["resource_type"], c["name"], c["path"]) for c in top] == [("FOLDER", "team", [])]
    assert live_api.delete("%s/%s" % (FOLDERS, team["resource_id"])).status_code == 400  # not empty
    assert live_api.ok(live_api.delete("%s/%s" % (FOLDERS, sub["resource_id"]))) == {}


def test_the_live_document_is_strict(live_api):
    response = live_api.post(FOLDERS, {"name": "x", "parent_id": "root", "color": "red"})
    assert response.status_code == 400
    assert live_api.emulator.store.data["folders"] == {}
