# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""Resources that live inside one cluster: SQL users, databases, allowlist entries...

``ClusterChildren`` is one kind of child of one cluster. It resolves the cluster (by name
or id) once, reads the whole listing once (every page, 500 per page) and finds items in it
by their natural key. ``ClusterChildResource`` is a ``Resource`` built on it for the
managing modules; the info modules use ``ClusterChildren`` alone.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from urllib.parse import quote

from ansible_collections.cockroachdb.cloud.plugins.module_utils import _clusters
from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import ApiError
from ansible_collections.cockroachdb.cloud.plugins.module_utils._clusters import ClusterNotFound
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resource import InvalidInput, Resource, mask

DEFAULT_WAIT_TIMEOUT = 600


def path_segment(value):
    """``value`` as one URL path segment: percent-encoded, and never a dot segment
    (``.`` or ``..`` would be removed from the URL by the HTTP library)."""
    text = quote(str(value), safe="")
    if text in (".", ".."):
        text = text.replace(".", "%2E")
    return text


def name_key(item):
    return item.get("name")


def check_cluster_option(value):
    """The ``cluster`` option (a name or an id) is checked before any request."""
    if value is None or not str(value).strip():
        raise InvalidInput("cluster must not be empty: give the name or the id of the cluster")


def predicts_on_new_cluster(ctx, error):
    """In check mode, a task on a cluster that does not exist yet predicts its change as on a
    new, empty cluster (an earlier task of the playbook would create it), with a warning, so
    that ``--check`` of a whole setup shows the whole plan. A real run still fails."""
    if not ctx.check_mode:
        return False
    ctx.warn("%s; in check mode this task predicts its change as on a new, empty cluster (as if an earlier "
             "task created it), a real run fails unless the cluster exists by then" % error)
    return True


class ClusterChildren(object):
    """The children of one kind (``segment`` in the URL, ``items_key`` in the listing) of
    one cluster, given by name or id. Nothing is read until it is needed, then only once.

    ``for_change``: the cluster is resolved first and a CREATING or LOCKED one is waited for
    (when ``wait``, up to ``wait_timeout`` seconds). Without it, the cluster is only looked
    up (a cluster given by id is not even read: its listing answers 404 when it does not
    exist or was deleted), and ``ready_for_change()`` waits later, before the first change.
    So a no-op costs one read by id, or two by name, and never waits.
    """

    def __init__(self, client, cluster, segment, items_key, key=name_key, for_change=True, wait=True,
                 wait_timeout=DEFAULT_WAIT_TIMEOUT):
        self.client = client
        self.cluster_ref = cluster
        self.segment = segment
        self.items_key = items_key
        self.key = key
        self.for_change = for_change
        self.wait = wait
        self.wait_timeout = wait_timeout if wait_timeout is not None else DEFAULT_WAIT_TIMEOUT
        self._cluster = None
        self._items = None

    @property
    def cluster(self):
        """The cluster (API object), resolved once; ClusterNotFound when it does not exist."""
        if self._cluster is None:
            if self.for_change:
                self._cluster = _clusters.cluster_for_change(self.client, self.cluster_ref, self.wait_timeout,
                                                             wait=self.wait)
            else:
                self._cluster = _clusters.require_cluster(self.client, self.cluster_ref)
        return self._cluster

    def _by_id_unread(self):
        """Whether the cluster is given by id and need not be read (yet)."""
        return not self.for_change and self._cluster is None and _clusters.looks_like_id(self.cluster_ref)

    @property
    def cluster_id(self):
        """The cluster's id; a cluster given by id is not read for it."""
        return self.cluster_ref if self._by_id_unread() else self.cluster["id"]

    def ready_for_change(self):
        """The cluster, once it accepts changes: a CREATING or LOCKED one is waited for
        (when ``wait``). Call it before the first change only, so that a no-op never waits."""
        if self._cluster is None:
            self.for_change = True  # resolved now through _clusters.cluster_for_change
            return self.cluster
        if self.wait and not _clusters.is_ready(self._cluster):
            self._cluster = _clusters.wait_until_ready(self.client, self._cluster, self.wait_timeout)
        return self._cluster

    @property
    def path(self):
        """``/api/v1/clusters/<id>/<segment>``: the listing, and where creates are sent."""
        return "%s/%s" % (_clusters.cluster_path(self.cluster_id), self.segment)

    def item_path(self, *parts):
        """The path of one child (and of its sub-paths): ``item_path(name, "password")``."""
        return "/".join([self.path] + [path_segment(p) for p in parts])

    def items(self, refresh=False):
        """Every child of the cluster (all pages), read once unless ``refresh``."""
        if self._items is None or refresh:
            by_id = self._by_id_unread()
            try:
                self._items = self.client.list_all(self.path, self.items_key)
            except ApiError as error:
                if error.status != 404 or not by_id:
                    raise
                raise ClusterNotFound(_clusters.missing_message(self.cluster_ref), method=error.method,
                                      path=error.path) from None
        return self._items

    def find(self, wanted, refresh=False):
        """The first child whose key is ``wanted``, or None."""
        for item in self.items(refresh=refresh):
            if self.key(item) == wanted:
                return item
        return None

    def select(self, wanted=None):
        """Every child, or those whose key is ``wanted`` when it is not None."""
        return [dict(item) for item in self.items() if wanted is None or self.key(item) == wanted]


class ClusterChildResource(Resource):
    """A managed child of a cluster, found by its natural key in the cluster's listing.

    Subclasses set ``kind``, ``segment`` and ``items_key`` and fill in the rest of
    ``Resource``; ``key_of_params`` and ``key`` say how the task and the items are keyed.
    With ``state=absent`` a cluster that does not exist means the child is absent too.
    """

    segment = None
    items_key = None

    def __init__(self, ctx):
        super(ClusterChildResource, self).__init__(ctx)
        params = self.params
        # Reads work on a busy cluster: only a change waits for it (see ready_for_change).
        self.children = ClusterChildren(
            ctx.client, params.get("cluster"), self.segment, self.items_key, key=self.key, for_change=False,
            wait=bool(params.get("wait", True)), wait_timeout=params.get("wait_timeout"))

    # -- to override ---------------------------------------------------------------------------
    @staticmethod
    def key(item):
        return name_key(item)

    def key_of_params(self):
        return self.params.get("name")

    def find_child(self):
        return self.children.find(self.key_of_params())

    # -- Resource ----------------------------------------------------------------------------
    def check_input(self):
        check_cluster_option(self.params.get("cluster"))

    def find(self):
        try:
            return self.find_child()
        except ClusterNotFound as error:
            if self.params.get("state") == "absent" or predicts_on_new_cluster(self.ctx, error):
                return None
            raise

    def public(self, resource):
        return mask(resource, self.secret_fields) if resource is not None else {}

    # -- helpers -----------------------------------------------------------------------------
    def create_child(self, body, key):
        """POST ``body`` once the cluster accepts changes; after an ambiguous failure, look
        for ``key`` before trying again."""
        self.children.ready_for_change()
        return self.create_safely(lambda: self.client.post(self.children.path, body),
                                  lambda: self.children.find(key, refresh=True))

    def delete_child(self, *parts):
        """DELETE the child once the cluster accepts changes; one that is already gone (404,
        e.g. on a retry) is fine."""
        self.children.ready_for_change()
        try:
            self.client.delete(self.children.item_path(*parts), idempotent=True)
        except ApiError as error:
            if error.status != 404:
                raise


def list_children(client, params, path, items_key, noun):
    """What an info module of cluster children returns: every child, or the one named."""
    check_cluster_option(params.get("cluster"))
    if params.get("name") is not None and not params["name"].strip():
        raise InvalidInput("name must not be empty: leave it out to list every %s" % noun)
    children = ClusterChildren(client, params["cluster"], path, items_key, for_change=False)
    return children.select(params.get("name"))
