# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""Folders by path (``/team/prod``) and by id, from one listing: the one path resolution
for modules and the inventory plugin."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

FOLDERS_PATH = "/api/v1/folders"
ROOT = "root"


def normalize_path(path):
    """``team//prod/`` -> ``/team/prod``; ``/`` stays ``/``; None or empty -> None."""
    text = str(path).strip() if path is not None else ""
    if not text:
        return None
    return "/" + "/".join(part for part in text.split("/") if part)


def slim(folder):
    """The fields of a folder that path resolution needs (what the inventory cache keeps)."""
    return {"id": folder.get("resource_id") or folder.get("id"), "path": folder.get("path"),
            "parent_id": folder.get("parent_id")}


class Folders(object):
    """The organization's folders, listed once (every page) when first needed, or given."""

    def __init__(self, client=None, folders=None):
        self.client = client
        self._folders = [slim(f) for f in folders] if folders is not None else None

    @property
    def all(self):
        if self._folders is None:
            self._folders = [slim(f) for f in self.client.paginate(FOLDERS_PATH, "folders")]
        return self._folders

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
            raise LookupError("folder %s does not exist; create it first (in the CockroachDB Cloud Console, or with "
                              "the API: POST /api/v1/folders), or give the path or id of an existing folder (/ is "
                              "the organization's root)%s" % (normalize_path(folder),
                                                              "; folders: " + known if known else ""))
        return found["id"]
