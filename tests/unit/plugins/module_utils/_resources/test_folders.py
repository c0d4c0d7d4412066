# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""folders on the in-process emulator: Folder (create with parents, rename and move with
new_path or name + parent, delete only when empty, by path or id, input checks) and
cockroach_folder_info (folder tree and contents)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible.module_utils.common.arg_spec import ArgumentSpecValidator

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import NotFound
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import InvalidInput
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources import _folder_paths
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.folders import Folder, folder_info
from ansible_collections.cockroachdb.cloud.plugins.modules import cockroach_folder, cockroach_folder_info
from ansible_collections.cockroachdb.cloud.tests.unit.plugins.module_utils._resources.org_helpers import (
    FOLDERS,
    UNKNOWN_ID,
    task,
)


def folder(emulator, check_mode=False, **given):
    return Folder(emulator.context(task(cockroach_folder, **given), check_mode=check_mode)).run()


def make(emulator, path):
    """Make the folders of ``path`` through the API; returns {path: id}."""
    ids, parent = {}, "root"
    for part in _folder_paths.ancestors(path) + [path]:
        found = _folder_paths.Folders(emulator.admin).find(part)
        body = {"name": _folder_paths.leaf_of(part), "parent_id": parent}
        parent = found["id"] if found else emulator.admin.post(FOLDERS, body)["resource_id"]
        ids[part] = parent
    return ids


def paths(emulator):
    return sorted(f["path"] for f in emulator.admin.list_all(FOLDERS, "folders"))


# -- creating ------------------------------------------------------------------------------------

def test_create_with_parents_predicts_then_makes_each_missing_folder_once(emulator):
    make(emulator, "/team")
    mark = emulator.mark()
    predicted = folder(emulator, check_mode=True, path="/team/prod/eu", parents=True)
    assert emulator.operations(mark) == ["ListFolders"]
    assert predicted["changed"] is True and predicted["created_parents"] == ["/team/prod"]
    assert predicted["folder"] == {"name": "eu", "path": "/team/prod/eu"}  # its parent has no id yet

    mark = emulator.mark()
    result = folder(emulator, path="team//prod/eu/", parents=True)  # any spelling of the path
    team = _folder_paths.Folders(emulator.admin).find("/team")["id"]
    sent = emulator.sent(mark)
    assert [(op, body) for op, _path, body in sent] == [
        ("CreateFolder", {"name": "prod", "parent_id": team}),
        ("CreateFolder", {"name": "eu", "parent_id": result["folder"]["parent_id"]})]
    assert result["changed"] is True and result["created_parents"] == ["/team/prod"]
    assert result["folder"]["path"] == "/team/prod/eu" and result["folder"]["resource_id"]
    assert result["diff"] == predicted["diff"] == {"before": {}, "after": {"path": "/team/prod/eu"}}
    assert paths(emulator) == ["/team", "/team/prod", "/team/prod/eu"]

    mark = emulator.mark()
    again = folder(emulator, path="/team/prod/eu", parents=True)
    assert again["changed"] is False and again["created_parents"] == []
    assert again["folder"] == result["folder"]
    assert again["diff"]["before"] == again["diff"]["after"] == {"path": "/team/prod/eu"}
    assert emulator.operations(mark) == ["ListFolders"]


def test_a_missing_parent_without_parents_fails_before_any_change(emulator):
    for check_mode in (True, False):
        mark = emulator.mark()
        with pytest.raises(InvalidInput) as info:
            folder(emulator, check_mode=check_mode, path="/team/prod")
        assert str(info.value) == ("folder /team does not exist, so /team/prod cannot be created; create it first, or "
                                   "set parents: true to create the missing folders (/team)")
        assert emulator.operations(mark) == ["ListFolders"]


def test_a_folder_at_the_top(emulator):
    result = folder(emulator, path="/ops")
    assert result["folder"]["parent_id"] == "root" and result["created_parents"] == []


def test_an_id_never_creates(emulator):
    mark = emulator.mark()
    with pytest.raises(NotFound, match="^no folder with id %s$" % UNKNOWN_ID):
        folder(emulator, id=UNKNOWN_ID)
    assert emulator.operations(mark) == ["GetFolder"]


# -- moving --------------------------------------------------------------------------------------

def test_move_and_rename_with_new_path_in_one_request_then_found_where_it_went(emulator):
    ids = make(emulator, "/team/prod")
    make(emulator, "/platform")
    mark = emulator.mark()
    predicted = folder(emulator, check_mode=True, path="/team/prod", new_path="/platform/production")
    assert emulator.mutations(mark) == []
    mark = emulator.mark()
    result = folder(emulator, path="/team/prod", new_path="/platform/production")
    platform = _folder_paths.Folders(emulator.admin).find("/platform")["id"]
    assert emulator.sent(mark) == [("UpdateFolder", "%s/%s" % (FOLDERS, ids["/team/prod"]),
                                    {"name": "production", "parent_id": platform})]
    assert result["changed"] is True and result["folder"]["path"] == "/platform/production"
    assert result["diff"] == predicted["diff"] == {"before": {"path": "/team/prod"},
                                                   "after": {"path": "/platform/production"}}
    assert predicted["folder"] == dict(result["folder"])  # the prediction is the API's answer
    mark = emulator.mark()
    again = folder(emulator, path="/team/prod", new_path="/platform/production")
    assert again["changed"] is False and again["folder"]["resource_id"] == ids["/team/prod"]
    assert emulator.operations(mark) == ["ListFolders"]


def test_a_move_creates_the_new_parent_with_parents(emulator):
    make(emulator, "/team/prod")
    predicted = folder(emulator, check_mode=True, path="/team/prod", new_path="/eu/prod", parents=True)
    assert predicted["created_parents"] == ["/eu"] and predicted["folder"]["path"] == "/eu/prod"
    mark = emulator.mark()
    result = folder(emulator, path="/team/prod", new_path="/eu/prod", parents=True)
    assert emulator.mutations(mark) == ["CreateFolder", "UpdateFolder"]
    assert emulator.sent(mark)[1][2] == {"parent_id": result["folder"]["parent_id"]}  # the name stays: not sent
    assert result["created_parents"] == ["/eu"] and paths(emulator) == ["/eu", "/eu/prod", "/team"]


def test_rename_with_name_and_move_with_parent(emulator):
    ids = make(emulator, "/team/prod")
    renamed = folder(emulator, path="/team/prod", name="production")
    assert renamed["folder"]["path"] == "/team/production"
    mark = emulator.mark()
    moved = folder(emulator, path="/team/production", parent="/")
    assert emulator.sent(mark) == [("UpdateFolder", "%s/%s" % (FOLDERS, ids["/team/prod"]), {"parent_id": "root"})]
    assert moved["folder"]["path"] == "/production"
    back = folder(emulator, path="/production", parent=ids["/team"], name="prod")  # a parent given by id
    assert back["folder"]["path"] == "/team/prod" and back["folder"]["parent_id"] == ids["/team"]
    assert folder(emulator, path="/team/prod", parent="/team")["changed"] is False


def test_rename_by_id_reads_the_folder_once(emulator):
    ids = make(emulator, "/team/prod")
    mark = emulator.mark()
    result = folder(emulator, id=ids["/team/prod"], name="staging")
    assert emulator.operations(mark) == ["GetFolder", "UpdateFolder"]
    assert result["folder"]["path"] == "/team/staging"
    mark = emulator.mark()
    assert folder(emulator, id=ids["/team/prod"], name="staging")["changed"] is False
    assert emulator.operations(mark) == ["GetFolder"]


def test_a_move_with_both_or_neither_end_fails_before_any_change(emulator):
    make(emulator, "/team/prod")
    make(emulator, "/team/staging")
    with pytest.raises(InvalidInput) as info:
        folder(emulator, path="/team/prod", name="staging")
    assert str(info.value) == ("folders /team/prod and /team/staging both exist: /team/prod cannot move to "
                               "/team/staging; delete one of them or leave name out")
    with pytest.raises(InvalidInput) as info:
        folder(emulator, path="/team/qa", new_path="/team/test")
    assert str(info.value) == ("folder /team/qa does not exist, so it cannot move to /team/test; create it first, or "
                               "manage /team/test with path: /team/test")
    with pytest.raises(InvalidInput, match="^folder /eu does not exist, so /eu/prod cannot go there; create it first"):
        folder(emulator, path="/team/prod", new_path="/eu/prod")


def test_a_folder_cannot_move_inside_itself_by_id(emulator):
    ids = make(emulator, "/team/prod")
    mark = emulator.mark()
    with pytest.raises(InvalidInput, match="^folder /team cannot move to /team/prod/team, which is inside it$"):
        folder(emulator, id=ids["/team"], parent="/team/prod")
    assert emulator.mutations(mark) == []


# -- deleting ------------------------------------------------------------------------------------

def test_delete_only_when_empty_naming_what_is_inside(emulator):
    ids = make(emulator, "/team/prod")
    emulator.admin.post("/api/v1/clusters", {"name": "in-team", "provider": "GCP", "parent_id": ids["/team"],
                                             "spec": {"serverless": {"regions": ["us-central1"]}}})
    for check_mode in (True, False):
        mark = emulator.mark()
        with pytest.raises(InvalidInput) as info:
            folder(emulator, check_mode=check_mode, path="/team", state="absent")
        assert str(info.value) == ("folder /team is not empty: it holds 1 folder and 1 cluster (folder /team/prod, "
                                   "cluster in-team); move or delete them first, a folder is deleted only when it is "
                                   "empty")
        assert emulator.operations(mark) == ["ListFolders", "ListFolderContents"]

    mark = emulator.mark()
    predicted = folder(emulator, check_mode=True, path="/team/prod", state="absent")
    assert emulator.mutations(mark) == []
    mark = emulator.mark()
    result = folder(emulator, path="/team/prod", state="absent")
    assert emulator.operations(mark) == ["ListFolders", "ListFolderContents", "DeleteFolder"]
    assert result == predicted
    assert result["changed"] is True and result["folder"] == {}
    assert result["diff"] == {"before": {"path": "/team/prod"}, "after": {}}
    mark = emulator.mark()
    again = folder(emulator, path="/team/prod", state="absent")
    assert again["changed"] is False and emulator.operations(mark) == ["ListFolders"]


def test_a_not_empty_message_names_ten_things_at_most(emulator):
    make(emulator, "/big")
    big = _folder_paths.Folders(emulator.admin).find("/big")["id"]
    for index in range(12):
        emulator.admin.post(FOLDERS, {"name": "f%02d" % index, "parent_id": big})
    with pytest.raises(InvalidInput, match=r"it holds 12 folders and 0 clusters \(folder /big/f00, .* folder /big/f09 "
                                           r"and 2 more\)"):
        folder(emulator, path="/big", state="absent")


# -- input checks --------------------------------------------------------------------------------

@pytest.mark.parametrize("given, message", [
    (dict(path=""), "path must not be empty: give a folder path such as /team/prod"),
    (dict(path="/"), "path is / (the organization's root, which is not a folder)"),
    (dict(path="/team/bad!name"), "path /team/bad!name: part 'bad!name' is not a folder name: use 1 to 32 letters"),
    (dict(path="/" + "x" * 33), "is not a folder name"),
    (dict(path="/team/ prod"), "path /team/ prod: part ' prod' is not a folder name"),
    (dict(path="/team", name="a/b"), "name 'a/b' is not a folder name"),
    (dict(path="/team", new_path="/team/inner"), "folder /team cannot move to /team/inner, which is inside it"),
    (dict(path="/team", new_path="/"), "new_path is / (the organization's root, which is not a folder)"),
    (dict(path="/team", parent="/team/x"), "folder /team cannot move to /team/x/team, which is inside it"),
    (dict(path="/team", parent=" "), "parent must not be empty"),
    (dict(path="/team", state="absent", new_path="/x"), "new_path only applies with state=present"),
    (dict(path="/team", state="absent", parents=True), "parents only applies with state=present"),
    (dict(id=" "), "id must not be empty"),
])
def test_input_checks_need_no_request(emulator, given, message):
    mark = emulator.mark()
    with pytest.raises(InvalidInput) as info:
        folder(emulator, **given)
    assert message in str(info.value)
    assert emulator.since(mark) == []


def test_the_argument_spec_refuses_new_path_with_name():
    validated = ArgumentSpecValidator(cockroach_folder.ARGUMENT_SPEC, **cockroach_folder.TASK.module_options).validate(
        dict(path="/a", new_path="/b", name="c"))
    assert "parameters are mutually exclusive: new_path|name" in validated.error_messages[0]


def test_the_cluster_module_and_the_folder_module_resolve_one_path_the_same_way(emulator):
    made = folder(emulator, path="/apps/web", parents=True)["folder"]
    assert _folder_paths.Folders(emulator.admin).id_of("/apps//web/") == made["resource_id"]


# -- info ----------------------------------------------------------------------------------------

def info(emulator, **given):
    return folder_info(emulator.context(task(cockroach_folder_info, **given)))


def test_folder_info_the_tree_one_folder_and_contents(emulator):
    ids = make(emulator, "/team/prod")
    make(emulator, "/ops")
    cluster = emulator.cluster("top-app")
    mark = emulator.mark()
    tree = info(emulator)
    assert [f["path"] for f in tree["folders"]] == ["/ops", "/team", "/team/prod"]
    assert emulator.operations(mark) == ["ListFolders"] and "contents" not in tree
    one = info(emulator, path="/team", contents=True)
    assert one["folders"] == [{"resource_id": ids["/team"], "name": "team", "parent_id": "root", "path": "/team",
                               "full_path": "/team"}]
    assert one["contents"] == [{"type": "FOLDER", "id": ids["/team/prod"], "name": "prod", "path": "/team/prod"}]
    mark = emulator.mark()
    by_id = info(emulator, id=ids["/team/prod"])
    assert by_id["folders"][0]["path"] == "/team/prod" and emulator.operations(mark) == ["GetFolder"]
    top = info(emulator, path="/", contents=True)
    assert len(top["folders"]) == 3
    expected = [("CLUSTER", "top-app"), ("FOLDER", "ops"), ("FOLDER", "team")]
    assert sorted((c["type"], c["name"]) for c in top["contents"]) == expected
    assert next(c for c in top["contents"] if c["type"] == "CLUSTER")["id"] == cluster["id"]


def test_folder_info_of_a_missing_folder_is_empty(emulator):
    assert info(emulator, path="/nope", contents=True) == {"changed": False, "folders": [], "contents": []}
    assert info(emulator, id=UNKNOWN_ID) == {"changed": False, "folders": []}


@pytest.mark.parametrize("given, message", [
    (dict(contents=True), "contents needs the folder"),
    (dict(path=" "), "path must not be empty"),
    (dict(id=""), "id must not be empty"),
])
def test_folder_info_input_checks(emulator, given, message):
    mark = emulator.mark()
    with pytest.raises(InvalidInput, match=message):
        info(emulator, **given)
    assert emulator.since(mark) == []


# -- the live wire format ------------------------------------------------------------------------

def test_path_of_reads_both_wire_formats():
    assert _folder_paths.path_of({"resource_id": "b", "name": "prod", "path": "/team/prod"}) == "/team/prod"
    lineage = [{"id": "a", "name": "team"}]
    assert _folder_paths.path_of({"resource_id": "b", "name": "prod", "path": lineage}) == "/team/prod"
    assert _folder_paths.path_of({"resource_id": "a", "name": "team", "path": []}) == "/team"
    # a lineage that names the root, or ends with the folder itself, means the same path
    assert _folder_paths.path_of({"resource_id": "b", "name": "prod",
                                  "path": [{"id": "root", "name": "root"}] + lineage + [{"id": "b", "name": "prod"}]}) \
        == "/team/prod"
    assert _folder_paths.path_of({"resource_id": "b", "path": lineage}) is None  # no name: unknown
    assert _folder_paths.slim({"resource_id": "b", "name": "prod", "parent_id": "a", "path": lineage}) == \
        {"id": "b", "path": "/team/prod", "parent_id": "a"}


def test_live_create_rerun_move_delete(live):
    make(live, "/team")
    team = _folder_paths.Folders(live.admin).find("/team")["id"]
    mark = live.mark()
    predicted = folder(live, check_mode=True, path="/team/prod/eu", parents=True)
    assert live.mutations(mark) == [] and predicted["created_parents"] == ["/team/prod"]

    mark = live.mark()
    result = folder(live, path="/team/prod/eu", parents=True)
    prod = _folder_paths.Folders(live.admin).find("/team/prod")["id"]
    assert [(op, body) for op, _path, body in live.sent(mark)] == [
        ("CreateFolder", {"name": "prod", "parent_id": team}),
        ("CreateFolder", {"name": "eu", "parent_id": prod})]
    # the result keeps the live object: its path is the lineage above it
    assert result["folder"]["path"] == [{"id": team, "name": "team"}, {"id": prod, "name": "prod"}]
    assert result["folder"]["resource_type"] == "FOLDER"
    assert result["diff"] == predicted["diff"] == {"before": {}, "after": {"path": "/team/prod/eu"}}

    mark = live.mark()
    again = folder(live, path="/team/prod/eu", parents=True)
    assert again["changed"] is False and live.mutations(mark) == []
    assert again["diff"]["before"] == again["diff"]["after"] == {"path": "/team/prod/eu"}

    mark = live.mark()
    moved = folder(live, path="/team/prod/eu", new_path="/team/europe")
    assert [(op, body) for op, _path, body in live.sent(mark)] == [
        ("UpdateFolder", {"name": "europe", "parent_id": team})]
    assert moved["diff"] == {"before": {"path": "/team/prod/eu"}, "after": {"path": "/team/europe"}}
    mark = live.mark()
    assert folder(live, path="/team/prod/eu", new_path="/team/europe")["changed"] is False
    assert live.mutations(mark) == []

    with pytest.raises(InvalidInput, match=r"folder /team is not empty: it holds 2 folders and 0 clusters "
                                           r"\(folder /team/europe, folder /team/prod\)"):
        folder(live, path="/team", state="absent")
    mark = live.mark()
    gone = folder(live, path="/team/europe", state="absent")
    assert gone["changed"] is True and [op for op, _p, _b in live.sent(mark)] == ["DeleteFolder"]
    assert gone["diff"] == {"before": {"path": "/team/europe"}, "after": {}}
    mark = live.mark()
    assert folder(live, path="/team/europe", state="absent")["changed"] is False and live.mutations(mark) == []


def test_live_folder_info_and_the_cluster_module_read_list_paths(live):
    ids = make(live, "/team/prod")
    cluster = live.cluster("web-app", parent_id=ids["/team/prod"])
    tree = info(live)
    assert [_folder_paths.path_of(f) for f in tree["folders"]] == ["/team", "/team/prod"]
    assert [f["full_path"] for f in tree["folders"]] == ["/team", "/team/prod"]  # the same string in both formats
    assert isinstance(tree["folders"][1]["path"], list)  # and the server's own shape
    one = info(live, path="/team/prod", contents=True)
    assert [f["resource_id"] for f in one["folders"]] == [ids["/team/prod"]]
    assert [(c["resource_type"], c["resource_id"], c["name"]) for c in one["contents"]] == \
        [("CLUSTER", cluster["id"], "web-app")]
    # the contents keep the live lineage
    assert one["contents"][0]["path"] == [{"id": ids["/team"], "name": "team"}, {"id": ids["/team/prod"], "name": "prod"}]
    assert _folder_paths.Folders(live.client()).id_of("/team/prod") == ids["/team/prod"]
