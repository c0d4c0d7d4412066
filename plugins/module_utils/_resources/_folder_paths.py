# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""Folders by path (``/team/prod``) and by id, from one listing: the one path resolution
for modules (cockroach_cluster's folder, cockroach_folder, role grants on folders) and the
inventory plugin."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import API

FOLDERS_PATH = API + "/folders"
ROOT = "root"
# A folder's name: 1 to 32 letters, digits, dashes, underscores and inner spaces, never '/'
# (which separates the parts of a path). The contract sets no rule; this is the rule the
# project's copy of it notes on CreateFolder (x-emulator-notes).
NAME_RE = re.compile(r"^[A-Za-z0-9_-]([A-Za-z0-9_ -]{0,30}[A-Za-z0-9_-])?$")


def normalize_path(path):
    """``team//prod/`` -> ``/team/prod``; ``/`` stays ``/``; None or empty -> None."""
    text = str(path).strip() if path is not None else ""
    if not text:
        return None
    return "/" + "/".join(part for part in text.split("/") if part)


def check_name(name, where="name"):
    """``name`` when it can name a folder; ValueError with a message otherwise."""
    if not isinstance(name, str) or not NAME_RE.match(name):
        raise ValueError("%s %r is not a folder name: use 1 to 32 letters, digits, '-', '_' or inner spaces "
                         "(no '/')" % (where, name))
    return name


def check_path(path, where="path"):
    """The normalised ``path`` of a folder (not the root); ValueError with a message when a
    part of it cannot name a folder."""
    normal = normalize_path(path)
    if normal is None:
        raise ValueError("%s must not be empty: give a folder path such as /team/prod" % where)
    if normal == "/":
        raise ValueError("%s is / (the organization's root, which is not a folder): give a folder path such as "
                         "/team/prod" % where)
    for part in normal.split("/")[1:]:
        check_name(part, "%s %s: part" % (where, normal))
    return normal


def parent_of(path):
    """``/a/b`` -> ``/a``; ``/a`` -> ``/``."""
    return path.rpartition("/")[0] or "/"


def leaf_of(path):
    """``/a/b`` -> ``b``."""
    return path.rpartition("/")[2]


def join(parent, name):
    """``/a`` + ``b`` -> ``/a/b``; ``/`` + ``b`` -> ``/b``."""
    return "%s/%s" % ("" if parent == "/" else parent, name)


def ancestors(path):
    """The folders above ``path``, from the top: ``/a/b/c`` -> ``[/a, /a/b]``."""
    parts = path.split("/")[1:-1]
    return ["/" + "/".join(parts[:index + 1]) for index in range(len(parts))]


def path_of(folder):
    """The path (``/team/prod``) of an API folder of either wire format: the contract's
    ``path`` is that string; the live service's is the list of the folders above it,
    ``[{id, name}]`` from the top, without the folder itself (its ``name``). A lineage that
    names the folder itself at its end, or the root, is read as well. None when unknown."""
    if folder is None:
        return None
    path = folder.get("path")
    if not isinstance(path, list):
        return normalize_path(path) if path is not None else None
    folder_id = folder.get("resource_id") or folder.get("id")
    segments = [s for s in path if isinstance(s, dict) and s.get("id") != ROOT]
    if segments and folder_id and segments[-1].get("id") == folder_id:
        segments = segments[:-1]
    name = folder.get("name")
    if name is None or any(s.get("name") is None for s in segments):
        return None
    return "/" + "/".join([s["name"] for s in segments] + [name])


def kind_of(item):
    """``FOLDER`` or ``CLUSTER`` of a member of a folder's contents (``type`` in the contract,
    ``resource_type`` on the live service)."""
    return item.get("type") or item.get("resource_type")


def id_of_item(item):
    """The id of a folder, or of a member of a folder's contents, in either wire format."""
    return item.get("resource_id") or item.get("id")


def slim(folder):
    """The fields of a folder that path resolution needs (what the inventory cache keeps):
    its path as a string whatever the wire format."""
    return {"id": id_of_item(folder), "path": path_of(folder), "parent_id": folder.get("parent_id")}


class Folders(object):
    """The organization's folders, listed once (every page) when first needed, or given."""

    def __init__(self, client=None, folders=None):
        self.client = client
        self._folders = [slim(f) for f in folders] if folders is not None else None
        self._objects = {}  # folder id -> the API's object, when read from the API

    @property
    def all(self):
        if self._folders is None:
            folders = list(self.client.paginate(FOLDERS_PATH, "folders"))
            self._folders = [slim(f) for f in folders]
            self._objects = dict((s["id"], f) for s, f in zip(self._folders, folders))
        return self._folders

    def objects(self):
        """Every folder as the API shows it (from the listing)."""
        return [self.api_object(f) for f in self.all]

    def api_object(self, folder):
        """A folder (slim or not) as the API shows it: ``{resource_id, name, parent_id, path}``."""
        if folder is None:
            return None
        folder_id = id_of_item(folder)
        if folder_id in self._objects:
            return dict(self._objects[folder_id])
        return {"resource_id": folder_id, "name": leaf_of(folder.get("path") or ""),
                "parent_id": folder.get("parent_id"), "path": folder.get("path")}

    def by_id(self, folder_id):
        """The folder with this id (slim), or None."""
        return next((f for f in self.all if f.get("id") == folder_id), None)

    def paths(self):
        """{folder id: path}."""
        return dict((f["id"], f["path"]) for f in self.all if f.get("id"))

    def find(self, path):
        """The folder at ``path`` (any spelling normalize_path accepts), or None."""
        path = normalize_path(path)
        return next((f for f in self.all if f.get("path") == path), None)

    def below(self, path):
        """Ids of the folder at ``path`` and of every folder under it."""
        path = normalize_path(path)
        return set(f["id"] for f in self.all
                   if f.get("path") == path or (f.get("path") or "").startswith(path + "/"))

    def known(self, limit=20):
        """Some paths that exist, for messages."""
        known = sorted(f["path"] for f in self.all if f.get("path"))
        return ", ".join(known[:limit]) + (" ..." if len(known) > limit else "") if known else ""

    def id_of(self, folder):
        """A ``folder`` option (a path, ``/`` or ``root``, or a folder id) as a folder id.
        Raises LookupError with a message when the path does not exist."""
        if folder in ("/", ROOT):
            return ROOT
        if not str(folder).startswith("/"):
            return folder
        found = self.find(folder)
        if found is None:
            known = self.known()
            path = normalize_path(folder)
            raise LookupError("folder %s does not exist; create it first with cockroachdb.cloud.cockroach_folder (path: "
                              "%s, parents: true), or give the path or id of an existing folder (/ is the "
                              "organization's root)%s" % (path, path, "; folders: " + known if known else ""))
        return found["id"]
