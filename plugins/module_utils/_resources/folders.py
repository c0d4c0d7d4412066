# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""The organization's folders by path (``Folder``, a Collection of the kit built on the one
path resolution of ``_folder_paths``), and what cockroach_folder_info reads (the folder tree
and a folder's contents)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import API
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import (
    InvalidInput,
    OnlyWith,
    clean,
    path_segment,
    refuse_blank,
)
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.collection import Collection
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.fields import Field, Fields
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources import _folder_paths

MOVE_OPTIONS = ("new_path", "name", "parent")
path_of = _folder_paths.path_of
CONTENTS_SHOWN = 10  # how many of a folder's contents a "not empty" message names


def _checked(check, *args):
    """``check(*args)``, its ValueError as InvalidInput."""
    try:
        return check(*args)
    except ValueError as problem:
        raise InvalidInput(str(problem)) from None


# -- folders -------------------------------------------------------------------------------------

class _PathField(Field):
    """The folder's path as a string in both wire formats (see ``_folder_paths.path_of``)."""

    def read(self, resource):
        return path_of(resource)


class Folder(Collection):
    """``/folders``, by path (``/team/prod``) or by id. A create makes the missing parents with
    ``parents``; ``new_path`` (or ``name`` and ``parent``) renames and moves in one PATCH; a
    delete reads the folder's contents first and refuses a folder that is not empty."""

    kind = "folder"
    path = "folders"
    items = "folders"
    key = "path"
    item_key = "resource_id"
    id_option = "id"
    fields = Fields(_PathField("path", create=False, update=False))
    only_with = (OnlyWith(MOVE_OPTIONS + ("parents",), "state", "present", unset=False,
                          hint="to delete the folder, leave {it} out"),)

    def __init__(self, ctx):
        super(Folder, self).__init__(ctx)
        self.folders = _folder_paths.Folders(ctx.client)
        self.created = []  # paths of the parents this task creates (or would create, in check mode)
        self._known_ids = {}  # path -> id of a folder this task made, or of the parent of the folder it moves

    # -- input -----------------------------------------------------------------------------------
    def check_input(self):
        super(Folder, self).check_input()
        params = self.params
        if params.get("path") is not None:
            params["path"] = _checked(_folder_paths.check_path, params["path"])
        elif params.get("id") is not None and not str(params["id"]).strip():
            raise InvalidInput("id must not be empty: give the folder's id, or its path")
        if params.get("state") == "absent":
            return  # (the options of a move and parents were refused: only_with)
        if params.get("new_path") is not None:
            params["new_path"] = _checked(_folder_paths.check_path, params["new_path"], "new_path")
        if params.get("name") is not None:
            _checked(_folder_paths.check_name, params["name"], "name")
        parent = params.get("parent")
        if parent is not None and str(parent).startswith("/"):
            params["parent"] = _folder_paths.normalize_path(parent)
            if params["parent"] != "/":
                _checked(_folder_paths.check_path, params["parent"], "parent")
        elif parent is not None and not str(parent).strip():
            raise InvalidInput("parent must not be empty: give a folder path (/ for the top), or a folder id")
        # A parent given by id is checked once the folders are read (validate).
        if params.get("path") is not None and (parent is None or params["parent"].startswith("/")):
            target = self.target(params["path"])
            if target is not None:
                self.check_move(params["path"], target)

    @staticmethod
    def check_move(path, target):
        if target.startswith(path + "/"):
            raise InvalidInput("folder %s cannot move to %s, which is inside it" % (path, target))

    def target(self, path):
        """Where the task puts the folder now at ``path``; None when it does not move it."""
        params = self.params
        if params.get("new_path") is not None:
            return params["new_path"]
        if path is None or not (params.get("name") or params.get("parent")):
            return None
        parent = params.get("parent")
        if parent is None:
            parent = _folder_paths.parent_of(path)
        elif parent == _folder_paths.ROOT:
            parent = "/"
        elif not parent.startswith("/"):
            found = self.folders.by_id(parent)
            if found is None:
                raise InvalidInput("parent: no folder with id %s%s" % (parent, self.known()))
            parent = found["path"]
        return _folder_paths.join(parent, params.get("name") or _folder_paths.leaf_of(path))

    def key_of(self, item):
        return path_of(item)

    def known(self):
        known = self.folders.known()
        return "; folders: %s" % known if known else " (the organization has no folders)"

    # -- reading ---------------------------------------------------------------------------------
    def listing(self, refresh=False):
        if refresh:
            self.folders = _folder_paths.Folders(self.client)
        return self.folders.objects()

    def lookup(self):
        """By id (one GET), else by path in the listing; with a move, the folder is found at
        either end (a move that was made already is found where it went)."""
        if self.params.get("id"):
            return super(Folder, self).lookup()
        path = self.params["path"]
        current = self.folders.api_object(self.folders.find(path))
        target = self.target(path)
        if target is None or target == path:
            return current
        moved = self.folders.api_object(self.folders.find(target))
        if current is not None and moved is not None:
            raise InvalidInput("folders %s and %s both exist: %s cannot move to %s; delete one of them or leave "
                               "%s out" % (path, target, path, target, self.move_options()))
        if current is None and moved is None:
            raise InvalidInput("folder %s does not exist, so it cannot move to %s; create it first, or manage %s "
                               "with path: %s" % (path, target, target, target))
        return current if current is not None else moved

    def move_options(self):
        return " and ".join(o for o in MOVE_OPTIONS if self.params.get(o) is not None)

    def parent_id(self, parent_path):
        """The id of the folder at ``parent_path`` ('root' for /); None when it does not exist."""
        if parent_path == "/":
            return _folder_paths.ROOT
        if parent_path in self._known_ids:
            return self._known_ids[parent_path]
        found = self.folders.find(parent_path)
        return found["id"] if found else None

    def missing_parents(self, path):
        """The folders above ``path`` that do not exist, from the top (none when its parent does)."""
        parent = _folder_paths.parent_of(path)
        if parent == "/" or self.parent_id(parent) is not None:
            return []
        return [p for p in _folder_paths.ancestors(path) if self.parent_id(p) is None]

    def validate(self, current):
        super(Folder, self).validate(current)
        if current is not None:  # a rename in place needs no listing to find the parent
            self._known_ids.setdefault(_folder_paths.parent_of(path_of(current)), current.get("parent_id"))
        where = path_of(current) if current is not None else self.params.get("path")
        target = self.target(where) if current is not None else where
        if current is not None and target is not None:
            self.check_move(where, target)
        if target is None or (current is not None and target == where):
            return
        missing = self.missing_parents(target)
        if missing and not self.params.get("parents"):
            raise InvalidInput("folder %s does not exist, so %s cannot %s; create it first, or set parents: true "
                               "to create the missing folders (%s)"
                               % (missing[0], target, "be created" if current is None else "go there",
                                  ", ".join(missing)))

    def validate_delete(self, current):
        """A folder is deleted only when empty: read its contents, and name them otherwise."""
        contents = self.client.list_all("%s/contents" % self.item_path(current), "resources")
        if not contents:
            return
        where = path_of(current)
        folders = sorted(_folder_paths.join(where, c.get("name")) for c in contents
                         if _folder_paths.kind_of(c) == "FOLDER")
        clusters = sorted(c.get("name") or _folder_paths.id_of_item(c) for c in contents
                          if _folder_paths.kind_of(c) != "FOLDER")
        named = (["folder %s" % f for f in folders] + ["cluster %s" % c for c in clusters])
        shown = ", ".join(named[:CONTENTS_SHOWN]) + (" and %d more" % (len(named) - CONTENTS_SHOWN)
                                                     if len(named) > CONTENTS_SHOWN else "")
        raise InvalidInput("folder %s is not empty: it holds %d folder%s and %d cluster%s (%s); move or delete them "
                           "first, a folder is deleted only when it is empty"
                           % (where, len(folders), "" if len(folders) == 1 else "s", len(clusters),
                              "" if len(clusters) == 1 else "s", shown))

    # -- changing --------------------------------------------------------------------------------
    def make(self, path, parent_id):
        """POST one folder; after an ambiguous failure, look for it before trying again."""
        body = {"name": _folder_paths.leaf_of(path), "parent_id": parent_id}

        def look():
            self.listing(refresh=True)
            return self.folders.api_object(self.folders.find(path))
        made = self.client.change("POST", self.base, look, body=body)
        self._known_ids[path] = made.get("resource_id") or made.get("id")
        return made

    def ensure_parents(self, path):
        """The id of the folder that holds ``path``, making the missing ones (``parents``)."""
        for missing in self.missing_parents(path):
            self.make(missing, self.parent_id(_folder_paths.parent_of(missing)))
            self.created.append(missing)
        return self.parent_id(_folder_paths.parent_of(path))

    def predict_parents(self, path):
        missing = self.missing_parents(path)
        self.created.extend(missing)
        return None if missing else self.parent_id(_folder_paths.parent_of(path))

    def create(self):
        path = self.params["path"]
        return self.make(path, self.ensure_parents(path))

    def predict_create(self):
        path = self.params["path"]
        parent_id = self.predict_parents(path)
        return clean({"name": _folder_paths.leaf_of(path), "parent_id": parent_id, "path": path})

    def changes(self, current):
        target = self.target(path_of(current))
        return {"path": target} if target is not None and target != path_of(current) else {}

    def update(self, current, changes):
        target = changes["path"]
        body = {}
        if _folder_paths.leaf_of(target) != current.get("name"):
            body["name"] = _folder_paths.leaf_of(target)
        parent_id = self.ensure_parents(target)
        if parent_id != current.get("parent_id"):
            body["parent_id"] = parent_id
        return self.client.change("PATCH", self.item_path(current), lambda: self.moved(current, body), body=body)

    def moved(self, current, body):
        """The folder read again when it has the name and parent of ``body``, else None."""
        fresh = self.read(self.item_path(current))
        return fresh if fresh is not None and all(fresh.get(k) == v for k, v in body.items()) else None

    def predict_update(self, current, changes):
        target = changes["path"]
        return clean(dict(current, name=_folder_paths.leaf_of(target), path=target, parent_id=self.predict_parents(target)))

    def run(self):
        out = super(Folder, self).run()
        out["created_parents"] = list(self.created)
        return out


def folder_info(ctx):
    """Every folder (sorted by path), or the one of ``path``/``id``; with ``contents``, what
    that folder (or the root, for ``/``) holds. A folder that does not exist: empty lists."""
    params = ctx.params
    folders = _folder_paths.Folders(ctx.client)
    path = params.get("path")
    if path is not None:
        path = _folder_paths.normalize_path(path)
        if path is None:
            raise InvalidInput("path must not be empty: give a folder path (/ for the root), or leave it out to list "
                               "every folder")
        if path != "/":
            path = _checked(_folder_paths.check_path, path)  # a path no folder can have would list nothing
    refuse_blank(params, "id", "give a folder id, or leave it out to list every folder")
    if params.get("contents") and path is None and params.get("id") is None:
        raise InvalidInput("contents needs the folder: give its path (/ for the top of the tree) or its id")
    if params.get("id") is not None:
        found = Folder(ctx).by_id(params["id"])
        shown = [found] if found else []
    elif path is not None and path != "/":
        shown = [folders.api_object(f) for f in folders.all if f.get("path") == path]
    else:
        shown = sorted(folders.objects(), key=lambda f: path_of(f) or "")
    # (full_path: the /team/prod form from either format, which the live service's list is not)
    out = {"changed": False, "folders": [dict(f, full_path=path_of(f)) for f in shown]}
    if params.get("contents"):
        out["contents"] = []
        folder_id = _folder_paths.ROOT if path == "/" and params.get("id") is None else \
            (_folder_paths.id_of_item(shown[0]) if shown else None)
        if folder_id is not None:
            where = "/" if folder_id == _folder_paths.ROOT else path_of(shown[0])
            out["contents"] = [_content(item, where) for item in
                               ctx.client.list_all("%s/folders/%s/contents" % (API, path_segment(folder_id)),
                                                   "resources")]
    return out


def _content(item, where):
    """A member of a folder's contents as the API shows it; a folder gets its ``path`` where
    the API gives none (the contract's contents; the live service's carry their lineage)."""
    item = dict(item)
    if _folder_paths.kind_of(item) == "FOLDER" and where and item.get("path") is None:
        item["path"] = _folder_paths.join(where, item.get("name"))
    return item
