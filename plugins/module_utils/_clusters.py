# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""Clusters by name or id, and waiting on their states: for every cluster-scoped plugin."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import ApiError, NotFound

CLUSTERS_PATH = "/api/v1/clusters"
UUID_RE = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
BUSY_STATES = frozenset(["CREATING", "LOCKED"])
FAILED_STATES = frozenset(["CREATION_FAILED"])


class ClusterNotFound(NotFound):
    """The cluster a task names does not exist (or is DELETED)."""


def looks_like_id(value):
    """Cluster ids are UUIDs; cluster names (6 to 20 characters) never are."""
    return bool(UUID_RE.match(value or ""))


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


def cluster_path(cluster_id):
    return "%s/%s" % (CLUSTERS_PATH, cluster_id)


def get_cluster(client, cluster_id):
    """The cluster with this id (DELETED ones included), or None."""
    try:
        return client.get(cluster_path(cluster_id))
    except ApiError as error:
        if error.status == 404:
            return None
        raise


def _scan(client, name, include_deleted):
    """(the cluster called ``name`` or None, how many clusters were read). Stops at the live
    cluster of that name, so the count is the whole listing's only when none is live."""
    params = {"show_inactive": "true"} if include_deleted else None
    deleted = None
    count = 0
    for cluster in client.paginate(CLUSTERS_PATH, "clusters", params=params):
        count += 1
        if cluster.get("name") == name:
            if cluster.get("state") != "DELETED":
                return cluster, count  # a name can be reused after a delete: the live one wins
            deleted = deleted or cluster
    return deleted, count


def missing_message(name_or_id, count=None, show_inactive=False, deleted=None):
    """What was looked for and where: ``no cluster named 'x' among 12 clusters (show_inactive: false)``."""
    if looks_like_id(name_or_id):
        if deleted:
            return "no cluster with id %s: it was deleted%s" % (
                name_or_id, " at %s" % deleted["deleted_at"] if deleted.get("deleted_at") else "")
        return "no cluster with id %s" % name_or_id
    return "no cluster named %r among %d cluster%s (show_inactive: %s)" % (
        name_or_id, count or 0, "" if count == 1 else "s", "true" if show_inactive else "false")


def find_cluster(client, name_or_id, include_deleted=False):
    """Find a cluster by id (one GET) or by name (one listing); None when absent.

    A DELETED cluster counts as absent unless ``include_deleted``.
    """
    try:
        return require_cluster(client, name_or_id, include_deleted)
    except ClusterNotFound:
        return None


def require_cluster(client, name_or_id, include_deleted=False):
    """The cluster, by id (one GET) or by name (one listing); ClusterNotFound when absent."""
    if looks_like_id(name_or_id):
        cluster = get_cluster(client, name_or_id)
        if cluster is None or (cluster.get("state") == "DELETED" and not include_deleted):
            raise ClusterNotFound(missing_message(name_or_id, deleted=cluster), method="GET",
                                  path=cluster_path(name_or_id))
        return cluster
    cluster, count = _scan(client, name_or_id, include_deleted)
    if cluster is None:
        raise ClusterNotFound(missing_message(name_or_id, count, include_deleted), method="GET", path=CLUSTERS_PATH)
    return cluster


def get_connection_string(client, cluster_id, query=None):
    """The cluster's connection string; ``query`` may hold database, sql_user and os."""
    answer = client.get(cluster_path(cluster_id) + "/connection-string", params=query or None)
    return (answer or {}).get("connection_string") or ""


def is_ready(cluster):
    return cluster.get("state") not in BUSY_STATES


def wait_until_ready(client, cluster, timeout):
    """Wait until the cluster is neither CREATING nor LOCKED; fail on CREATION_FAILED."""
    if is_ready(cluster) and cluster.get("state") not in FAILED_STATES:
        return cluster
    return client.wait_for(
        lambda: client.get(cluster_path(cluster["id"])),
        lambda c: c.get("state") not in BUSY_STATES and c.get("state") not in FAILED_STATES,
        timeout,
        what="cluster %s to leave state %s" % (cluster.get("name"), cluster.get("state")),
        failed=lambda c: ("cluster %s failed: state %s" % (c.get("name"), c.get("state"))
                          if c.get("state") in FAILED_STATES else None),
    )


def wait_until_deleted(client, cluster, timeout):
    def gone(value):
        return value is None or value.get("state") == "DELETED"
    return client.wait_for(lambda: get_cluster(client, cluster["id"]), gone, timeout,
                           what="cluster %s to be deleted" % cluster.get("name"))


def cluster_for_change(client, name_or_id, timeout, wait=True):
    """The cluster a sub-resource task works on, ready to accept changes.

    Fails clearly when it does not exist; a cluster still CREATING or LOCKED is waited
    for (up to ``timeout`` seconds) when ``wait``, since the API refuses changes then.
    """
    cluster = require_cluster(client, name_or_id)
    if wait and not is_ready(cluster):
        cluster = wait_until_ready(client, cluster, timeout)
    return cluster
