# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""Clusters by name or id, their waits and connection strings: the one place that modules,
the inventory plugin and the lookup find clusters; and ``ClusterScope``, the scope of the
resources inside a cluster (``cluster: <name or id>``)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import API, ApiError, NotFound
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import InvalidInput
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.scopes import (
    DEFAULT_WAIT_TIMEOUT,
    check_wait_timeout,
)
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.waiters import Waiter, fetch_or_none
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources import _plans

CLUSTERS_PATH = API + "/clusters"
CONNECTION_OPTIONS = ("database", "sql_user", "os")
UUID_RE = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")

#: A cluster refuses changes while CREATING or LOCKED; CREATION_FAILED is not "present".
READY = Waiter("state", pending=("CREATING", "LOCKED"), failed=("CREATION_FAILED",))
DELETED = Waiter("state", gone=("DELETED",))


class ClusterNotFound(NotFound):
    """The cluster a task names does not exist (or is DELETED)."""


def looks_like_id(value):
    """Cluster ids are UUIDs; cluster names (6 to 20 characters) never are."""
    return bool(UUID_RE.match(value or ""))


def cluster_path(cluster_id):
    return "%s/%s" % (CLUSTERS_PATH, cluster_id)


# -- labels --------------------------------------------------------------------------------

def label_value(value):
    """A wanted label value as the API stores labels (strings); None means any value."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return value if isinstance(value, str) else str(value)


def labels_match(have, wanted):
    """Whether labels ``have`` carry every label of ``wanted`` (values from label_value)."""
    have = have or {}
    return all(key in have and (value is None or label_value(have[key]) == value)
               for key, value in (wanted or {}).items())


# -- finding -------------------------------------------------------------------------------

def get_cluster(client, cluster_id):
    """The cluster with this id (DELETED ones included), or None."""
    return fetch_or_none(client, cluster_path(cluster_id))()


def lookup_clusters(client, names, include_deleted=False):
    """({name: cluster}, how many clusters were read) for ``names``, in one listing.

    A name can be used again after a delete: a live cluster wins over a DELETED one. The
    listing stops once every name has its live cluster, so the count is the whole
    listing's only when some name has none.
    """
    wanted = set(names)
    params = {"show_inactive": "true"} if include_deleted else None
    live, deleted = {}, {}
    count = 0
    for cluster in client.paginate(CLUSTERS_PATH, "clusters", params=params):
        count += 1
        name = cluster.get("name")
        if name in wanted:
            if cluster.get("state") == "DELETED":
                deleted.setdefault(name, cluster)
            else:
                live.setdefault(name, cluster)
                if len(live) == len(wanted):
                    break
    found = dict(deleted)
    found.update(live)
    return found, count


# Names this process resolved to ids: an in-process task runs every item of its loop in one
# worker process, so a loop over databases of one cluster lists the clusters once. Only
# the id is kept (it never changes); our own deletes forget it. (api url, key, name) -> id
_KNOWN_IDS = {}


def _memory_key(client, name):
    return (getattr(client, "base_url", None), getattr(client, "api_key", None), name)


def remember(client, cluster):
    if cluster and cluster.get("name") and cluster.get("id") and cluster.get("state") != "DELETED":
        _KNOWN_IDS[_memory_key(client, cluster["name"])] = cluster["id"]


def forget(client, name):
    _KNOWN_IDS.pop(_memory_key(client, name), None)


def known_id(client, name):
    """The id this process found for the cluster ``name`` earlier, or None."""
    return _KNOWN_IDS.get(_memory_key(client, name))


def missing_message(name_or_id, count=None, include_deleted=False, deleted=None):
    """What was looked for and where: ``no cluster named 'x' among 12 clusters``.

    It names no option: the modules, the lookup and the inventory that fail with it have no
    ``show_inactive`` (only cockroach_cluster_info has, and it answers an empty list)."""
    if looks_like_id(name_or_id):
        if deleted:
            return "no cluster with id %s: it was deleted%s" % (
                name_or_id, " at %s" % deleted["deleted_at"] if deleted.get("deleted_at") else "")
        return "no cluster with id %s" % name_or_id
    return "no cluster named %r among %d cluster%s%s" % (
        name_or_id, count or 0, "" if count == 1 else "s", " (deleted ones included)" if include_deleted else "")


def require_cluster(client, name_or_id, include_deleted=False):
    """The cluster, by id (one GET) or by name (one listing); ClusterNotFound when absent.
    A DELETED cluster counts as absent unless ``include_deleted``."""
    if looks_like_id(name_or_id):
        cluster = get_cluster(client, name_or_id)
        if cluster is None or (cluster.get("state") == "DELETED" and not include_deleted):
            raise ClusterNotFound(missing_message(name_or_id, deleted=cluster), method="GET",
                                  path=cluster_path(name_or_id))
        return cluster
    found, count = lookup_clusters(client, [name_or_id], include_deleted)
    if name_or_id not in found:
        raise ClusterNotFound(missing_message(name_or_id, count, include_deleted), method="GET", path=CLUSTERS_PATH)
    remember(client, found[name_or_id])
    return found[name_or_id]


def find_cluster(client, name_or_id, include_deleted=False):
    """Like ``require_cluster``, but None when absent."""
    try:
        return require_cluster(client, name_or_id, include_deleted)
    except ClusterNotFound:
        return None


def select_clusters(client, name_or_id=None, show_inactive=False):
    """The clusters a name or id selects (every cluster without one), DELETED ones only with
    ``show_inactive``. A name is unique among live clusters, but deleted clusters may have
    held it before: with ``show_inactive`` they all come, the live one first."""
    if name_or_id is not None and (looks_like_id(name_or_id) or not show_inactive):
        found = find_cluster(client, name_or_id, include_deleted=show_inactive)
        return [found] if found is not None else []
    query = {"show_inactive": "true"} if show_inactive else None
    listing = client.paginate(CLUSTERS_PATH, "clusters", params=query)
    if name_or_id is None:
        return list(listing)
    matches = [c for c in listing if c.get("name") == name_or_id]
    return sorted(matches, key=lambda c: c.get("state") == "DELETED")


# -- waiting -------------------------------------------------------------------------------

def wait_until_ready(client, cluster, timeout):
    """Wait until the cluster is neither CREATING nor LOCKED; fail on CREATION_FAILED."""
    return READY.wait_ready(client, fetch_or_none(client, cluster_path(cluster["id"])), timeout,
                            "cluster %s" % cluster.get("name"), cluster)


def wait_until_deleted(client, cluster, timeout):
    return DELETED.wait_gone(client, fetch_or_none(client, cluster_path(cluster["id"])), timeout,
                             "cluster %s" % cluster.get("name"))


# -- around a cluster ----------------------------------------------------------------------

def get_connection_string(client, cluster_id, query=None):
    """The cluster's connection string; ``query`` may hold the CONNECTION_OPTIONS."""
    answer = client.get(cluster_path(cluster_id) + "/connection-string", params=query or None)
    return (answer or {}).get("connection_string") or ""


def connection_query(options):
    """The query of GetConnectionString for the CONNECTION_OPTIONS set in ``options``."""
    return dict((option, options[option]) for option in CONNECTION_OPTIONS if options.get(option))


def or_gone(call, default):
    """``call()``, or ``default`` when the cluster was deleted meanwhile (404)."""
    try:
        return call()
    except ApiError as error:
        if error.status != 404:
            raise
        return default


class ClusterScope(object):
    """Resources inside the cluster that the task's ``cluster`` option names (name or id).

    Nothing is read until needed, then only once: a cluster given by id is not read at all
    on a no-op (a member listing answers 404 for an unknown id). ``ready_for_change()`` waits
    for a CREATING or LOCKED cluster (when the task's ``wait`` is true), before the first
    change only. With ``state=absent``, a cluster that does not exist holds nothing; in check
    mode, a cluster that does not exist yet counts as a new, empty one (with a warning).
    ``dedicated_only`` names a feature that serverless clusters do not have: asking for it on
    one fails before any change.
    """

    option = "cluster"

    def __init__(self, ctx, dedicated_only=None):
        self.ctx = ctx
        self.ref = ctx.params.get(self.option)
        self.dedicated_only = dedicated_only
        self.wait = bool(ctx.params.get("wait", True))
        timeout = ctx.params.get("wait_timeout")
        self.wait_timeout = DEFAULT_WAIT_TIMEOUT if timeout is None else timeout
        self._cluster = None
        self.missing = False  # check mode on a cluster that does not exist yet

    def check_input(self):
        if self.ref is None or not str(self.ref).strip():
            raise InvalidInput("cluster must not be empty: give the name or the id of the cluster")
        check_wait_timeout(self.ctx.params)

    # -- the cluster ---------------------------------------------------------------------------
    @property
    def cluster(self):
        """The cluster (API object), read once; ClusterNotFound when it does not exist."""
        if self._cluster is None:
            known = None if looks_like_id(self.ref) else known_id(self.ctx.client, self.ref)
            if known:  # one read by id rather than a listing by name
                self._cluster = find_cluster(self.ctx.client, known)
                if self._cluster is None or self._cluster.get("name") != self.ref:
                    forget(self.ctx.client, self.ref)
                    self._cluster = None
            if self._cluster is None:
                self._cluster = require_cluster(self.ctx.client, self.ref)
        return self._cluster

    @property
    def cluster_id(self):
        """The cluster's id; a cluster given by id is not read for it, nor one whose name this
        process resolved already (an earlier item of the same loop)."""
        if self._cluster is None:
            if looks_like_id(self.ref):
                return self.ref
            known = known_id(self.ctx.client, self.ref)
            if known:
                return known
        return self.cluster["id"]

    @property
    def path(self):
        return cluster_path(self.cluster_id)

    def check_plan(self):
        """Refuse a serverless cluster for a dedicated-only feature (reads the cluster)."""
        if self.dedicated_only and not self.missing and _plans.is_serverless(self.cluster):
            raise InvalidInput("%s is only available on dedicated clusters; cluster %s is serverless"
                               % (self.dedicated_only, self.cluster.get("name")))

    def describe(self):
        """``cluster web-app``, for messages."""
        return "cluster %s" % ((self._cluster or {}).get("name") or self.ref)

    def ready_for_change(self):
        """The cluster, once it accepts changes (see the class)."""
        cluster = self.cluster
        if self.wait and READY.busy(cluster):
            self._cluster = wait_until_ready(self.ctx.client, cluster, self.wait_timeout)
        return self._cluster

    # -- a cluster that does not exist -----------------------------------------------------------
    def not_found(self, error):
        """``error`` as ClusterNotFound when a read failed because the cluster does not exist
        (an unknown id answers 404 on the member's path), else None."""
        if isinstance(error, ClusterNotFound):
            return error
        if isinstance(error, ApiError) and error.status == 404 and self._cluster is None:
            if looks_like_id(self.ref):
                return ClusterNotFound(missing_message(self.ref), method=error.method,
                                       path=error.path)
            if known_id(self.ctx.client, self.ref):  # deleted since an earlier item resolved it
                forget(self.ctx.client, self.ref)
                return ClusterNotFound("no cluster named %r any more (it was there earlier in this loop)"
                                       % self.ref, method=error.method, path=error.path)
        return None

    def absent_because(self, error):
        """Whether a read that failed with ``error`` means the resource is absent: the cluster
        does not exist and the task deletes (nothing to do), or runs in check mode (predicts
        as on a new cluster, with a warning). Raises ClusterNotFound otherwise."""
        missing = self.not_found(error)
        if missing is None:
            return False
        if self.ctx.params.get("state") == "absent":
            self.missing = True
            return True
        if self.ctx.check_mode:
            self.missing = True
            self.ctx.warn("%s; in check mode this task predicts its change as on a new, empty cluster (as if an "
                          "earlier task created it), a real run fails unless the cluster exists by then" % missing)
            return True
        raise missing

    def info(self):
        return {"cluster_id": None if self.missing else self.cluster_id}


def dedicated_cluster(feature):
    """The scope of a feature that only dedicated clusters have: ``scope = dedicated_cluster("log export")``."""
    return lambda ctx: ClusterScope(ctx, dedicated_only=feature)
