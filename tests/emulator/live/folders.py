"""Folders in the live wire format: a folder (and each member of a folder's contents) is a
``FolderResource``: ``{resource_id, resource_type, name, parent_id, organization_id, path,
labels}``, where ``path`` is the list of its ancestors ``[{id, name}]`` from the top (the
folder itself is not in it: ``/team/prod`` is ``[{id: <team>, name: team}]`` with name
``prod``). Folders take ``labels`` (kept on the stored folder, ``extras``; an update that
sends ``labels`` replaces them)."""

from ..auth import folder_ancestors
from . import answer, extras, request

ROOT = "root"


def lineage(data, parent_id):
    """The ancestors of a resource whose parent is ``parent_id``, from the top: ``[{id, name}]``."""
    return [{"id": f, "name": data["folders"][f]["name"]} for f in reversed(folder_ancestors(data, parent_id))]


def folder_resource(data, value, resource_type="FOLDER"):
    """A folder of the contract's shape (``{resource_id, name, parent_id, path: "/a/b"}``), or a
    cluster (``{id, name, parent_id}``) as the live service's ``FolderResource``."""
    if resource_type == "FOLDER":
        resource_id = value.get("resource_id") or value.get("id")
        stored = data["folders"].get(resource_id) or {}
    else:
        resource_id = value.get("id") or value.get("resource_id")
        stored = data["clusters"].get(resource_id) or {}
    parent_id = value.get("parent_id") or stored.get("parent_id") or ROOT
    labels = (stored.get("_live") or {}).get("labels") if resource_type == "FOLDER" else stored.get("labels")
    return {"resource_id": resource_id, "resource_type": resource_type, "name": value.get("name") or stored.get("name", ""),
            "parent_id": parent_id, "organization_id": data["organization"]["id"],
            "path": lineage(data, parent_id), "labels": dict(labels or {})}


@request("CreateFolder", "UpdateFolder")
def folder_labels(call):
    """``labels``: live-only, kept for the answer (the contract's handler has no field for them)."""
    body = dict(call.body or {})
    if "labels" in body:
        call.notes["labels"] = body.pop("labels") or {}
    call.body = body


@answer("CreateFolder", "UpdateFolder")
def changed(call, value):
    stored = call.data["folders"].get(value.get("resource_id"))
    if stored is not None and "labels" in call.notes:
        extras(stored)["labels"] = dict(call.notes["labels"])
    return folder_resource(call.data, value)


@answer("GetFolder")
def one(call, value):
    return folder_resource(call.data, value)


@answer("DeleteFolder")
def deleted(call, value):
    return {}  # the live answer is empty


@answer("ListFolders")
def listing(call, value):
    return dict(value, folders=[folder_resource(call.data, f) for f in value.get("folders") or []])


@answer("ListFolderContents")
def contents(call, value):
    parent_id = call.path.get("folder_id") or ROOT
    resources = []
    for item in value.get("resources") or []:
        kind = item.get("type") or "CLUSTER"
        resources.append(folder_resource(call.data, {"id": item.get("id"), "resource_id": item.get("id"),
                                                     "name": item.get("name"), "parent_id": parent_id}, kind))
    return dict(value, resources=resources)
