"""Folders: a tree under ``root`` that holds clusters and other folders.

A folder is stored as ``{resource_id, name, parent_id, created_at}`` (``created_at``
serves ``as_of_time`` and is not shown); its ``path`` (``/a/b``) is
computed from its ancestors on every read, so a rename or a move shows everywhere at
once. Names are unique among siblings; a folder must be empty to be deleted.
"""

import re

from .. import pagination as pagination_util
from ..auth import folder_ancestors
from ..errors import bad_request, conflict, not_found
from ..permissions import ANY_KEY, FOLDER_ADMIN, FOLDER_MOVE, READ_CLUSTER
from ..registry import operation
from . import roles as role_rules

ROOT = "root"
# The emulator's rule (the contract sets none): 1 to 32 letters, digits, dashes,
# underscores and inner spaces; never '/', which separates the parts of a path.
NAME_RE = re.compile(r"^[A-Za-z0-9_-]([A-Za-z0-9_ -]{0,30}[A-Za-z0-9_-])?$")


# -- helpers --------------------------------------------------------------------------
def _check_name(name):
    if not isinstance(name, str) or not NAME_RE.match(name):
        raise bad_request("invalid folder name %r: use 1 to 32 letters, digits, dashes, underscores "
                          "or spaces, not starting or ending with a space (no '/')" % (name,))
    return name


def _find(data, folder_id):
    folder = data["folders"].get(folder_id)
    if folder is None:
        raise not_found("folder", folder_id)
    return folder


def _check_parent(data, parent_id):
    if parent_id in (None, "", ROOT):
        return ROOT
    if not isinstance(parent_id, str) or parent_id not in data["folders"]:
        raise bad_request("parent folder %r does not exist" % (parent_id,))
    return parent_id


def _check_unique(data, parent_id, name, folder_id=None):
    for other in data["folders"].values():
        if other["parent_id"] == parent_id and other["name"] == name and other["resource_id"] != folder_id:
            where = "the root" if parent_id == ROOT else "folder %s" % path_of(data, parent_id)
            raise conflict("a folder named %r already exists in %s" % (name, where))


def path_of(data, folder_id):
    names = [data["folders"][f]["name"] for f in reversed(folder_ancestors(data, folder_id))]
    return "/" + "/".join(names)


def view(data, folder):
    """The API's folder; ``created_at`` is kept for ``as_of_time`` but not shown."""
    return {"resource_id": folder["resource_id"], "name": folder["name"],
            "parent_id": folder["parent_id"], "path": path_of(data, folder["resource_id"])}


def _live_clusters(data, parent_id):
    return [c for c in data["clusters"].values()
            if c.get("parent_id") == parent_id and c["state"] != "DELETED"]


def _child_folders(data, parent_id):
    return [f for f in data["folders"].values() if f["parent_id"] == parent_id]


def _under_prefix(path, prefix):
    prefix = "/" + prefix.strip("/")
    return prefix == "/" or path == prefix or path.startswith(prefix + "/")


# -- operations -----------------------------------------------------------------------
@operation("ListFolders", roles=ANY_KEY, scope="org")
def list_folders(ctx):
    prefix = ctx.query.get("path")
    items = [f for f in ctx.data["folders"].values()
             if not prefix or _under_prefix(path_of(ctx.data, f["resource_id"]), prefix)]
    page, pagination = pagination_util.paginate(items, ctx.query)
    return {"folders": [view(ctx.data, f) for f in page], "pagination": pagination}


@operation("CreateFolder", roles=FOLDER_ADMIN, scope="parent")
def create_folder(ctx):
    name = _check_name(ctx.body.get("name"))
    parent_id = _check_parent(ctx.data, ctx.body.get("parent_id"))
    _check_unique(ctx.data, parent_id, name)
    folder_id = ctx.new_id()
    folder = {"resource_id": folder_id, "name": name, "parent_id": parent_id,
              "created_at": ctx.timestamp()}
    ctx.data["folders"][folder_id] = folder
    return view(ctx.data, folder)


@operation("GetFolder", roles=ANY_KEY, scope="org")
def get_folder(ctx, folder_id):
    return view(ctx.data, _find(ctx.data, folder_id))


@operation("UpdateFolder", roles=FOLDER_MOVE, scope="folder")
def update_folder(ctx, folder_id):
    folder = _find(ctx.data, folder_id)
    name, parent_id = folder["name"], folder["parent_id"]
    if ctx.body.get("name") is not None:
        name = _check_name(ctx.body["name"])
    if ctx.body.get("parent_id") is not None:
        parent_id = _check_parent(ctx.data, ctx.body["parent_id"])
        if folder_id in folder_ancestors(ctx.data, parent_id):
            raise bad_request("cannot move folder %s under itself or one of its sub-folders"
                              % path_of(ctx.data, folder_id))
        if parent_id != folder["parent_id"]:
            # A move also needs the right to place things in the destination.
            if parent_id == ROOT:
                ctx.require(FOLDER_MOVE)
            else:
                ctx.require(FOLDER_MOVE, "FOLDER", parent_id)
    _check_unique(ctx.data, parent_id, name, folder_id)
    folder.update(name=name, parent_id=parent_id)
    return view(ctx.data, folder)


@operation("DeleteFolder", roles=FOLDER_ADMIN, scope="folder")
def delete_folder(ctx, folder_id):
    folder = _find(ctx.data, folder_id)
    folders = len(_child_folders(ctx.data, folder_id))
    clusters = len(_live_clusters(ctx.data, folder_id))
    if folders or clusters:
        raise bad_request("folder %s is not empty (%d folder(s), %d cluster(s)); move or delete "
                          "its contents first" % (path_of(ctx.data, folder_id), folders, clusters))
    shown = view(ctx.data, folder)
    del ctx.data["folders"][folder_id]
    role_rules.drop_resource_grants(ctx.data, "FOLDER", folder_id)
    # Deleted clusters keep no link to a folder that is gone.
    for cluster in ctx.data["clusters"].values():
        if cluster.get("parent_id") == folder_id:
            cluster["parent_id"] = ROOT
    return shown


@operation("ListFolderContents", roles=ANY_KEY, scope="org")
def list_folder_contents(ctx, folder_id):
    if folder_id != ROOT:
        _find(ctx.data, folder_id)
    items = [("FOLDER", f["resource_id"], f["name"], f.get("created_at", ""))
             for f in _child_folders(ctx.data, folder_id)]
    # Clusters the caller cannot read stay hidden, as in ListClusters.
    items += [("CLUSTER", c["id"], c["name"], c["created_at"])
              for c in _live_clusters(ctx.data, folder_id)
              if ctx.can(READ_CLUSTER, "CLUSTER", c["id"])]
    items = [{"type": kind, "id": ident, "name": name, "created_at": created}
             for kind, ident, name, created in sorted(items, key=lambda item: item[3])]
    page, pagination = pagination_util.paginate(items, ctx.query)
    resources = [{k: item[k] for k in ("type", "id", "name")} for item in page]
    return {"resources": resources, "pagination": pagination}
