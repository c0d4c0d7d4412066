# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""Where a resource lives: the organization (``OrgScope``) or one cluster, named by the
task's ``cluster`` option as a name or an id (``ClusterScope``). A scope gives the path that
the resource's paths hang from, and makes sure the place accepts changes before the first
one (a cluster that is CREATING or LOCKED is waited for then, never on a no-op)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.plugins.module_utils import _clusters
from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import ApiError
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import InvalidInput

API = "/api/v1"
DEFAULT_WAIT_TIMEOUT = 600


def check_wait_timeout(params):
    """Refuse a negative ``wait_timeout`` (every wait would end at once, after the change)."""
    timeout = params.get("wait_timeout")
    if timeout is not None and timeout < 0:
        raise InvalidInput("wait_timeout must be 0 or more seconds, got %d" % timeout)


class OrgScope(object):
    """Resources of the organization: nothing to resolve, nothing to wait for."""

    path = API
    missing = False  # (a ClusterScope's cluster may not exist yet; the organization always does)

    def __init__(self, ctx):
        self.ctx = ctx

    def check_input(self):
        pass

    def ready_for_change(self):
        pass

    def check_plan(self):
        pass

    def describe(self):
        return "the organization"

    def not_found(self, error):
        """The failure that says the scope does not exist, for ``error``; None: not that."""
        return None

    def absent_because(self, error):
        """Whether ``error`` (raised while reading) means the resource is absent."""
        return False

    def info(self):
        """What the scope adds to a result."""
        return {}


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
            known = None if _clusters.looks_like_id(self.ref) else _clusters.known_id(self.ctx.client, self.ref)
            if known:  # one read by id rather than a listing by name
                self._cluster = _clusters.find_cluster(self.ctx.client, known)
                if self._cluster is None or self._cluster.get("name") != self.ref:
                    _clusters.forget(self.ctx.client, self.ref)
                    self._cluster = None
            if self._cluster is None:
                self._cluster = _clusters.require_cluster(self.ctx.client, self.ref)
        return self._cluster

    @property
    def cluster_id(self):
        """The cluster's id; a cluster given by id is not read for it, nor one whose name this
        process resolved already (an earlier item of the same loop)."""
        if self._cluster is None:
            if _clusters.looks_like_id(self.ref):
                return self.ref
            known = _clusters.known_id(self.ctx.client, self.ref)
            if known:
                return known
        return self.cluster["id"]

    @property
    def path(self):
        return _clusters.cluster_path(self.cluster_id)

    def check_plan(self):
        """Refuse a serverless cluster for a dedicated-only feature (reads the cluster)."""
        if self.dedicated_only and not self.missing and self.cluster.get("plan") == "SERVERLESS":
            raise InvalidInput("%s is only available on dedicated clusters; cluster %s is serverless"
                               % (self.dedicated_only, self.cluster.get("name")))

    def describe(self):
        """``cluster web-app``, for messages."""
        return "cluster %s" % ((self._cluster or {}).get("name") or self.ref)

    def ready_for_change(self):
        """The cluster, once it accepts changes (see the class)."""
        cluster = self.cluster
        if self.wait and _clusters.READY.busy(cluster):
            self._cluster = _clusters.wait_until_ready(self.ctx.client, cluster, self.wait_timeout)
        return self._cluster

    # -- a cluster that does not exist -----------------------------------------------------------
    def not_found(self, error):
        """``error`` as ClusterNotFound when a read failed because the cluster does not exist
        (an unknown id answers 404 on the member's path), else None."""
        if isinstance(error, _clusters.ClusterNotFound):
            return error
        if isinstance(error, ApiError) and error.status == 404 and self._cluster is None:
            if _clusters.looks_like_id(self.ref):
                return _clusters.ClusterNotFound(_clusters.missing_message(self.ref), method=error.method,
                                                 path=error.path)
            if _clusters.known_id(self.ctx.client, self.ref):  # deleted since an earlier item resolved it
                _clusters.forget(self.ctx.client, self.ref)
                return _clusters.ClusterNotFound("no cluster named %r any more (it was there earlier in this loop)"
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
