"""Restores in the live wire format: CreateRestore takes ``{type, backup_id?, source_cluster_id?,
objects?, restore_opts?}`` at ``/clusters/{destination_cluster_id}/restores`` (the contract:
``{backup_id, target: {type, objects}}``); a restore answers ``type`` and ``objects`` at its
top level, with ``source_cluster_name``, ``destination_cluster_name`` and ``restore_opts``.

- ``backup_id`` left out: the latest backup of the source cluster (the live document's rule).
- ``source_cluster_id``: the emulator restores backups of the destination cluster only (as in
  the contract); another cluster's id is a 400 that says so.
- ``restore_opts`` are kept as sent (``extras``) and answered back; the emulator does nothing
  with them.
"""

from ..context import RequestContext
from ..errors import bad_request
from ..handlers import backups as backup_handlers
from . import answer, extras, request


def _latest_backup(call, cluster_id):
    """The id of the cluster's newest backup, or None (no such cluster, no backup)."""
    cluster = call.data["clusters"].get(cluster_id)
    if cluster is None:
        return None
    ctx = RequestContext(call.emu, None, None, {}, {})
    ctx.cluster = cluster
    listed = backup_handlers._backups(ctx)  # pylint: disable=protected-access
    return listed[-1]["id"] if listed else None


@request("CreateRestore")
def create_restore(call):
    body = dict(call.body or {})
    cluster_id = call.path.get("cluster_id")
    source = body.pop("source_cluster_id", None)
    if source not in (None, "", cluster_id):
        raise bad_request("source_cluster_id %s: the emulator restores only backups of the destination cluster "
                          "(%s)" % (source, cluster_id))
    target = {"type": body.pop("type", None) or "CLUSTER"}
    objects = body.pop("objects", None)
    if objects:
        target["objects"] = objects
    contract = {"backup_id": body.get("backup_id") or _latest_backup(call, cluster_id), "target": target}
    call.notes["restore_opts"] = body.get("restore_opts")
    call.body = contract


def live_restore(data, restore):
    """A restore answer (contract shape) in the live shape."""
    out = dict(restore)
    target = out.pop("target", None) or {}
    out["type"] = out.get("type") or target.get("type") or "CLUSTER"
    if target.get("objects"):
        out["objects"] = target["objects"]
    cluster = data["clusters"].get(out.get("cluster_id")) or {}
    out.setdefault("source_cluster_name", cluster.get("name") or "")
    out.setdefault("destination_cluster_name", cluster.get("name") or "")
    stored = (data["cluster_children"].get(out.get("cluster_id")) or {}).get("restores", {}).get(out.get("id")) or {}
    kept = (stored.get("_live") or {}).get("restore_opts")
    if kept:
        out["restore_opts"] = kept
    return out


@answer("CreateRestore")
def created(call, value):
    if call.notes.get("restore_opts"):
        stored = call.data["cluster_children"][call.path["cluster_id"]]["restores"].get(value.get("id"))
        if stored is not None:
            extras(stored)["restore_opts"] = call.notes["restore_opts"]
    return live_restore(call.data, value)


@answer("GetRestore")
def one(call, value):
    return live_restore(call.data, value)


@answer("ListRestores")
def listing(call, value):
    return dict(value, restores=[live_restore(call.data, r) for r in value.get("restores") or []])
