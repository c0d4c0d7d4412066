"""Backups, backup configuration and restores of a cluster.

Backups are not stored: they are derived from the cluster's ``created_at`` and the
history of its backup configuration, so every read gives the same answer. The first
backup is taken when the cluster is created, then one every ``frequency_minutes``;
a frequency change (or ``enabled``) starts a new schedule from the moment of the change.
Only backups younger than ``retention_days`` are listed, at most the last 50. A backup
is ``{id, as_of_time}`` with an id derived from the cluster and the time.

The configuration is ``{cluster_id, frequency_minutes, retention_days, enabled}``,
by default 60 / 30 / true. Two rules of the service (the live document: retention "can only
be set once, further changes require opening a support ticket"; the managed backups guide:
Basic clusters have a fixed schedule), each answered 400 with a message of our wording, the
whole request refused:

- ``retention_days`` changes once: after one change to another value, a request with a
  different value is refused. Sending the current value is no change (a client that sends the
  whole configuration can still change the frequency). The private ``_retention_changed``
  of the configuration remembers it (kept in the state file).
- A Basic cluster (SERVERLESS without ``usage_limits.provisioned_virtual_cpus``) takes daily
  backups kept 30 days (1440 / 30 / true) and refuses any change of them. A restore is ``{id, cluster_id, backup_id, type, status,
completion_percent, backup_end_time, created_at, target?}``: status ``PENDING`` ->
``SUCCESS``. It restores a backup of the same cluster (another one: 400). ``target``
may give ``type`` (CLUSTER, DATABASE, TABLE) and ``objects`` ([{database, schema?,
table?}]). A second restore while one is PENDING is a 409. ``start_time`` (inclusive)
and ``end_time`` (exclusive) filter both lists.
"""

import math
import uuid

from .. import clock
from ..errors import bad_request, conflict, not_found
from ..permissions import ADMIN_CLUSTER, READ_CLUSTER
from ..registry import operation
from ..store import public

FREQUENCIES = (5, 10, 15, 30, 60, 240, 1440)
RETENTIONS = (2, 7, 30, 90, 365)
DEFAULT_FREQUENCY, DEFAULT_RETENTION = 60, 30
BASIC_FREQUENCY = 1440  # a Basic cluster's fixed schedule: daily, kept DEFAULT_RETENTION days
MAX_BACKUPS = 50
MAX_SEGMENTS = 100
RESTORE_TYPES = ("CLUSTER", "DATABASE", "TABLE")
DAY = 86400


# -- configuration and the backups it implies -------------------------------------------
def is_basic(cluster):
    """A Basic cluster: SERVERLESS without provisioned vCPUs (with them it is a Standard one)."""
    serverless = (cluster.get("config") or {}).get("serverless")
    return serverless is not None and not (serverless.get("usage_limits") or {}).get("provisioned_virtual_cpus")


def _default_frequency(cluster):
    return BASIC_FREQUENCY if is_basic(cluster) else DEFAULT_FREQUENCY


def _config(ctx):
    cluster = ctx.cluster
    return ctx.children("backup_config", default=lambda: {
        "cluster_id": cluster["id"], "frequency_minutes": _default_frequency(cluster),
        "retention_days": DEFAULT_RETENTION, "enabled": True})


def _schedule(ctx):
    """The backup schedule's history, kept beside the configuration (never shown).

    A segment is [start epoch, minutes (0: disabled), first step (0: a backup at start)].
    """
    created = clock.parse_iso(ctx.cluster["created_at"])
    frequency = _config(ctx)["frequency_minutes"]  # (the first read of either fixes the default)
    return ctx.children("backup_schedule", default=lambda: [[created, frequency, 0]])


def _backup_times(segments, retention_days, now):
    """Epoch times of the listed backups, oldest first."""
    horizon = now - retention_days * DAY
    times = []
    for index in reversed(range(len(segments))):
        start, minutes, first = segments[index]
        if minutes:
            step = minutes * 60
            if index + 1 < len(segments):  # ends (exclusive) where the next one starts
                last = math.ceil((segments[index + 1][0] - start) / step) - 1
            else:
                last = math.floor((now - start) / step)
            for k in range(last, first - 1, -1):
                moment = start + k * step
                if moment < horizon or len(times) >= MAX_BACKUPS:
                    break
                times.append(moment)
        if start < horizon or len(times) >= MAX_BACKUPS:
            break
    return sorted(times)


def _backups(ctx):
    cluster_id = ctx.cluster["id"]
    backups = []
    for moment in _backup_times(_schedule(ctx), _config(ctx)["retention_days"], ctx.now):
        as_of = clock.iso(moment)
        backup_id = str(uuid.uuid5(uuid.NAMESPACE_URL, "emulator-backup:%s:%s" % (cluster_id, as_of)))
        backups.append({"id": backup_id, "as_of_time": as_of})
    return backups


def _choice(body, field, choices):
    value = body.get(field)
    if value is None:
        return None
    if isinstance(value, bool) or value not in choices:
        raise bad_request("%s must be one of %s, got %r"
                          % (field, ", ".join(str(c) for c in choices), value))
    return value


def _add_segment(segments, now, minutes):
    segments.append([now, minutes, 1])
    # Old schedules beyond the longest retention can no longer show a backup.
    while len(segments) > 1 and (len(segments) > MAX_SEGMENTS or segments[1][0] < now - max(RETENTIONS) * DAY):
        del segments[0]


# -- time filters ------------------------------------------------------------------------
def _query_time(query, field):
    value = query.get(field)
    if value is None:
        return None
    try:
        return clock.parse_iso(value)
    except ValueError:
        raise bad_request("%s must be an RFC 3339 time (e.g. 2024-09-16T12:00:00Z), got %r"
                          % (field, value)) from None


def _time_filter(query):
    """(start, end) epoch bounds from start_time / end_time; 400 when unreadable or reversed."""
    start, end = _query_time(query, "start_time"), _query_time(query, "end_time")
    if start is not None and end is not None and end < start:
        raise bad_request("end_time must not be before start_time")
    return start, end


def _within(items, key, bounds):
    start, end = bounds
    return [item for item in items
            if (start is None or clock.parse_iso(item[key]) >= start)
            and (end is None or clock.parse_iso(item[key]) < end)]


# -- operations --------------------------------------------------------------------------
@operation("ListBackups", roles=READ_CLUSTER, scope="cluster")
def list_backups(ctx, cluster_id):
    bounds = _time_filter(ctx.query)
    items, pagination = ctx.page(_within(_backups(ctx), "as_of_time", bounds), created_key="as_of_time")
    return {"backups": items, "pagination": pagination}


@operation("GetBackupConfiguration", roles=READ_CLUSTER, scope="cluster")
def get_backup_configuration(ctx, cluster_id):
    return public(_config(ctx))


@operation("UpdateBackupConfiguration", roles=ADMIN_CLUSTER, scope="cluster")
def update_backup_configuration(ctx, cluster_id):
    config, body = _config(ctx), ctx.body
    frequency = _choice(body, "frequency_minutes", FREQUENCIES)
    retention = _choice(body, "retention_days", RETENTIONS)
    enabled = body.get("enabled")
    if enabled is not None and not isinstance(enabled, bool):
        raise bad_request("enabled must be true or false")
    new = {"frequency_minutes": frequency or config["frequency_minutes"],
           "retention_days": retention or config["retention_days"],
           "enabled": config["enabled"] if enabled is None else enabled}
    changed = [field for field in ("frequency_minutes", "retention_days", "enabled") if new[field] != config[field]]
    cluster = ctx.cluster
    if changed and is_basic(cluster):
        raise bad_request("cluster %s is a Basic cluster (SERVERLESS without usage_limits.provisioned_virtual_cpus): "
                          "its managed backups keep a fixed schedule (daily, kept %d days) that cannot change"
                          % (cluster["name"], DEFAULT_RETENTION))
    if "retention_days" in changed:
        if config.get("_retention_changed"):
            raise bad_request("retention_days of cluster %s was changed once already (to %d days): the service lets "
                              "the retention of a cluster change only once; a further change needs Cockroach Labs "
                              "support" % (cluster["name"], config["retention_days"]))
        new["_retention_changed"] = True
    if (new["frequency_minutes"], new["enabled"]) != (config["frequency_minutes"], config["enabled"]):
        _add_segment(_schedule(ctx), ctx.now, new["frequency_minutes"] if new["enabled"] else 0)
    config.update(new)
    return public(config)


def _check_target(target):
    """The restore type named by ``target`` (CLUSTER when absent), after checking it."""
    if target is None:
        return "CLUSTER"
    if not isinstance(target, dict):
        raise bad_request("target must be an object")
    restore_type = target.get("type") or "CLUSTER"
    if restore_type not in RESTORE_TYPES:
        raise bad_request("target.type must be one of %s, got %r" % (", ".join(RESTORE_TYPES), restore_type))
    objects = target.get("objects")
    if restore_type == "CLUSTER":
        if objects:
            raise bad_request("a CLUSTER restore takes no target.objects")
        return restore_type
    if not isinstance(objects, list) or not objects:
        raise bad_request("a %s restore needs target.objects: [{database, schema, table}]" % restore_type)
    for obj in objects:
        if not isinstance(obj, dict) or not isinstance(obj.get("database"), str) or not obj["database"]:
            raise bad_request("each of target.objects needs a database name")
        if restore_type == "TABLE" and not (isinstance(obj.get("table"), str) and obj["table"]):
            raise bad_request("each of target.objects of a TABLE restore needs a table name")
    return restore_type


def _restores(ctx):
    return ctx.children("restores")


@operation("ListRestores", roles=READ_CLUSTER, scope="cluster")
def list_restores(ctx, cluster_id):
    bounds = _time_filter(ctx.query)
    items, pagination = ctx.page(_within(_restores(ctx).values(), "created_at", bounds))
    return {"restores": items, "pagination": pagination}


@operation("CreateRestore", roles=ADMIN_CLUSTER, scope="cluster")
def create_restore(ctx, cluster_id):
    body = ctx.body
    backup_id = body.get("backup_id")
    backup = next((b for b in _backups(ctx) if b["id"] == backup_id), None)
    if backup is None:
        raise bad_request("backup %r does not exist for cluster %s (or is past its retention); "
                          "see ListBackups" % (backup_id, ctx.cluster["name"]))
    restore_type = _check_target(body.get("target"))
    restores = _restores(ctx)
    running = [r["id"] for r in restores.values() if public(r)["status"] == "PENDING"]
    if running:
        raise conflict("restore %s of cluster %s is still running; wait until it ends"
                       % (running[0], ctx.cluster["name"]))
    restore = {"id": ctx.new_id(), "cluster_id": cluster_id, "backup_id": backup_id,
               "type": restore_type, "backup_end_time": backup["as_of_time"],
               "created_at": ctx.timestamp()}
    if body.get("target") is not None:
        restore["target"] = body["target"]
    ctx.schedule(restore, {"status": "PENDING", "completion_percent": 0.0},
                 {"status": "SUCCESS", "completion_percent": 1.0})
    restores[restore["id"]] = restore
    return public(restore)


@operation("GetRestore", roles=READ_CLUSTER, scope="cluster")
def get_restore(ctx, cluster_id, restore_id):
    restore = _restores(ctx).get(restore_id)
    if restore is None:
        raise not_found("restore", restore_id)
    return public(restore)
