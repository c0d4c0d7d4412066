# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""Restores of a cluster from its managed backups (``Restores``, an Operation of the kit
started once and followed to its end), with the info function of cockroach_restore_info."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import InvalidInput, clean
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.fields import Field, Fields
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.info import listing_info
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.operation import Operation
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.waiters import Waiter
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources import _cluster_lookup
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources._cluster_lookup import ClusterScope
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources._time_filters import time_query
from ansible_collections.cockroachdb.cloud.plugins.module_utils._times import api_time, from_timestamp, parse_time

RESTORE_TYPES = ("CLUSTER", "DATABASE", "TABLE")
#: The option of cockroach_restore that sets from when on restores count as the task's, and its
#: deprecated alias (the module's argument spec deprecates it).
IGNORE_BEFORE = "ignore_restores_before"
IGNORE_BEFORE_ALIAS = "not_before"
#: A restore is PENDING, then SUCCESS or FAILED (the service may also cancel one).
RESTORE_DONE = Waiter("status", pending=("PENDING", "CANCELLING"), failed=("FAILED", "CANCELLED"))


def _api_moment(value):
    """A time the API returned, or None when there is none or it cannot be read."""
    try:
        return parse_time(value, "time") if value else None
    except InvalidInput:
        return None


# -- restores -------------------------------------------------------------------------------------

def _objects(objects):
    """Restore objects as compared: without unset keys, sorted."""
    cleaned = [clean(dict((k, o.get(k)) for k in ("database", "schema", "table"))) for o in objects or []]
    return sorted(cleaned, key=lambda o: (o.get("database") or "", o.get("schema") or "", o.get("table") or ""))


def _target(value, task=None):
    """The task's target as the API takes it: ``{type, objects?}``."""
    target = {"type": (value or {}).get("type") or "CLUSTER"}
    objects = _objects((value or {}).get("objects"))
    if objects:
        target["objects"] = objects
    return target


def _api_target(restore):
    """The target of a restore as an answer gives it, in the options' vocabulary, or None when
    it says nothing of it: the contract's restores have ``target`` (and ``type``), the live
    service's ``type`` and ``objects`` at their top level."""
    if restore.get("target") is not None:
        return _target(restore["target"])
    if restore.get("type") is not None:
        return _target({"type": restore["type"], "objects": restore.get("objects")})
    return None


class _Target(Field):
    """``target``: sent and shown as ``target {type, objects}`` in the contract's format, as
    ``type`` and ``objects`` at the top of the restore in the live one (``shape``)."""

    shape = "contract"

    def read(self, resource):
        return _api_target(resource)

    def encode_create(self, body, value, wanted):
        if self.shape == "live":
            body.update(_target(value))
        else:
            body["target"] = _target(value)

    def predict(self, resource, value):
        self.encode_create(resource, value, None)
        if self.shape == "contract":
            resource["type"] = resource["target"]["type"]


class Restores(Operation):
    """``/clusters/{id}/restores``: POST ``{backup_id, target?}`` starts one (PENDING, then
    SUCCESS or FAILED); the service runs one at a time (409 otherwise). The live service takes
    ``{type, backup_id, source_cluster_id, objects?}`` (``live_body``) and answers ``type``
    and ``objects`` where the contract has ``target``; both are read.

    "The same" restore (never started twice): a listed restore of the same backup and
    target that is still running, or that was started at or after the task's
    ``ignore_restores_before`` (any time, without it; a time in the future is refused, since
    until then every run would start another). A restore listed without its target counts by
    its ``type`` (and its objects, when it lists them); one listed without its backup (see ``same_backup``) or its type counts as the
    same."""

    kind = "restore"
    scope = ClusterScope
    path = "restores"
    items = "restores"
    key = "backup_id"
    ready_waiter = RESTORE_DONE
    required_to_create = ("backup_id",)
    fields = Fields(
        Field("backup_id"),
        _Target("target", normalize=_target, live=dict(shape="live")),
    )

    def __init__(self, ctx):
        super(Restores, self).__init__(ctx)
        self.backup = None  # the backup to restore, once read (at start)
        self._backups = None

    # -- input ---------------------------------------------------------------------------------
    def check_input(self):
        super(Restores, self).check_input()
        params = self.params
        if not (params.get("backup_id") or "").strip():
            raise InvalidInput("backup_id must not be empty: give the id of a backup (cockroach_backup_info lists them)")
        self.check_ignore_before()
        target = params.get("target")
        if target is None:
            return
        kind = target.get("type") or "CLUSTER"
        objects = target.get("objects") or []
        if kind == "CLUSTER":
            if objects:
                raise InvalidInput("a CLUSTER restore restores the whole cluster: leave target.objects out, or use "
                                   "target.type DATABASE or TABLE")
            return
        if not objects:
            raise InvalidInput("a %s restore needs target.objects: the %s to restore"
                               % (kind, "databases" if kind == "DATABASE" else "tables"))
        for index, obj in enumerate(objects):
            where = "target.objects[%d]" % index
            if not (obj.get("database") or "").strip():
                raise InvalidInput("%s needs a database" % where)
            if kind == "TABLE" and not (obj.get("table") or "").strip():
                raise InvalidInput("%s needs a table: a TABLE restore restores tables" % where)
            if kind == "DATABASE" and (obj.get("table") or obj.get("schema")):
                raise InvalidInput("%s names a %s, but a DATABASE restore restores whole databases: use target.type "
                                   "TABLE" % (where, "table" if obj.get("table") else "schema"))
        if len(_objects(objects)) != len(set(tuple(sorted(o.items())) for o in _objects(objects))):
            raise InvalidInput("target.objects must not name the same object twice")

    @property
    def ignore_before_option(self):
        """The option as messages name it: as the task gave it (the deprecated alias too)."""
        if self.params.get(IGNORE_BEFORE_ALIAS) is not None:
            return "%s (given as %s)" % (IGNORE_BEFORE, IGNORE_BEFORE_ALIAS)
        return IGNORE_BEFORE

    @property
    def ignore_before(self):
        """``ignore_restores_before`` as an aware datetime in UTC, or None."""
        value = self.params.get(IGNORE_BEFORE)
        return parse_time(value, self.ignore_before_option) if value is not None else None

    def check_ignore_before(self):
        """An RFC 3339 time that has passed (the controller's clock): restores started before
        a time still to come do not count, so every run until then would start another."""
        since = self.ignore_before
        now = from_timestamp(self.client.now())
        if since is not None and since > now:
            raise InvalidInput(
                "%s %s is in the future (now is %s): restores of the backup started before that time do not count as "
                "this task's, so until then every run would start another restore. Give a time that has passed: to "
                "restore a backup again, a time after its last restore (cockroach_restore_info lists them)"
                % (self.ignore_before_option, self.params[IGNORE_BEFORE], api_time(now)))

    # -- which restore is this task's ----------------------------------------------------------
    def backups(self):
        """The cluster's backups (one listing, read once)."""
        if self._backups is None:
            self._backups = self.client.list_all("%s/backups" % self.scope.path, "backups")
        return self._backups

    def same_backup(self, item):
        """Whether ``item`` restores the task's backup. The contract's restores do not promise
        ``backup_id``: without it, ``backup_end_time`` is compared with the backup's time (one
        listing of the backups); a restore that says neither counts as the same (never twice)."""
        if item.get("backup_id") is not None:
            return item["backup_id"] == self.params["backup_id"]
        if item.get("backup_end_time") is None:
            return True
        backup = next((b for b in self.backups() if b.get("id") == self.params["backup_id"]), None)
        if backup is None:
            return True  # not listed any more: its time is unknown
        return _api_moment(item["backup_end_time"]) == _api_moment(backup.get("as_of_time"))

    def same_target(self, item):
        """Whether ``item`` restores the task's target; one that says nothing of it counts as
        the same, one that gives only its type (a contract's restore without ``target``) by its type."""
        wanted = _target(self.params.get("target"))
        have = _api_target(item)
        if have is None:
            return True
        if item.get("target") is None and item.get("objects") is None:
            return have["type"] == wanted["type"]
        return have == wanted

    def same(self, item):
        if not self.same_target(item) or not self.same_backup(item):
            return False
        since = self.ignore_before
        if RESTORE_DONE.busy(item) or since is None:
            return True
        started = _api_moment(item.get("created_at"))
        return started is not None and started >= since

    def describe(self, item):
        """``restore 1b2c... of backup 9f8e... on cluster orders-db``."""
        return "restore %s%s of backup %s on %s" % (
            item.get("id") or "", "" if item.get("id") else "(new)", self.params["backup_id"], self.scope.describe())

    def failed_message(self, item):
        started = item.get("created_at")
        reason = item.get("client_error_message")  # (the live service says why)
        return ("%s failed: status %s%s (started %s). This task does not start it again: to try again, set %s to a "
                "time after %s" % (self.describe(item), RESTORE_DONE.status(item), ": %s" % reason if reason else "",
                                   started, IGNORE_BEFORE, started))

    def wait_ready(self, resource):
        return self.wait_for_ready(resource, self.member_path(resource), self.describe(resource))

    # -- before starting one -------------------------------------------------------------------
    def validate(self, current):
        super(Restores, self).validate(current)
        if current is not None or self.scope.missing:
            return
        running = [r for r in self.listing() if RESTORE_DONE.busy(r)]
        if running:
            raise InvalidInput("restore %s (of backup %s) is still %s on %s, and the service runs one restore at a "
                               "time: wait until it ends, then run this task again"
                               % (running[-1].get("id"), running[-1].get("backup_id"),
                                  RESTORE_DONE.status(running[-1]), self.scope.describe()))
        backups = self.backups()
        self.backup = next((b for b in backups if b.get("id") == self.params["backup_id"]), None)
        if self.backup is None:
            raise InvalidInput("backup %s is not among the %d backups of %s (backups past their retention are gone); "
                               "cockroach_backup_info lists them" % (self.params["backup_id"], len(backups),
                                                                     self.scope.describe()))

    def predict_start(self):
        predicted = self.predict_create()
        predicted.update(type=_target(self.params.get("target"))["type"],
                         status="SUCCESS" if self.waiting else "PENDING")
        if self.wire == "live":
            name = None if self.scope.missing else self.scope.cluster.get("name")
            predicted.update(source_cluster_name=name, destination_cluster_name=name)
        else:
            predicted["cluster_id"] = None if self.scope.missing else self.scope.cluster_id
        if self.backup is not None:
            predicted["backup_end_time"] = self.backup.get("as_of_time")
        return clean(predicted)

    def start_body(self):
        body = self.table().create_body(self.wanted())
        return self.live_body(body) if self.wire == "live" else body

    def live_body(self, body):
        """The live service wants the type always (CLUSTER when the task gives no target) and
        takes the cluster whose backup it restores (this one: the task restores its own)."""
        body.setdefault("type", "CLUSTER")
        body["source_cluster_id"] = self.scope.cluster_id
        return body


def restore_info(ctx):
    """What cockroach_restore_info runs: one restore by ``id``, or every restore of the
    cluster within the time filters (oldest first)."""
    params = ctx.params
    if params.get("id") is None:
        return listing_info(ctx, Restores, "restores", key_option=None, query=time_query(params))
    if not params["id"].strip():
        raise InvalidInput("id must not be empty: leave it out to list every restore")
    if params.get("start_time") is not None or params.get("end_time") is not None:
        raise InvalidInput("start_time and end_time filter the listing: leave them out with id")
    reader = Restores(ctx)
    reader.scope.check_input()
    found = reader.by_id(params["id"])  # None on 404
    if found is None and _cluster_lookup.looks_like_id(params["cluster"]):
        # An unknown cluster given by id answers 404 too: reading it fails with a message that names it.
        _cluster_lookup.require_cluster(ctx.client, params["cluster"])
    return {"changed": False, "restores": [found] if found is not None else []}
