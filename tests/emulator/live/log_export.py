"""Log export in the live wire format.

- A group's lowest level is ``UNSPECIFIED`` (every log), ``WARNING``, ``ERROR`` or ``FATAL``;
  the contract's handler says ``INFO`` for every log: the request gives it ``INFO`` for
  ``UNSPECIFIED``, the answer says ``UNSPECIFIED`` for ``INFO``.
- ``log_name`` is required by the live document (its strict validation refuses a request
  without it); the handler stores it as given.
- ``aws_external_id`` and ``azure_shared_key`` have no field in the contract: kept aside on
  the export and answered back (the shared key as the service shows secrets: not at all).
"""

from . import answer, extras, request

KEPT = ("aws_external_id", "azure_shared_key")


@request("EnableLogExport")
def enable(call):
    body = dict(call.body or {})
    call.notes["kept"] = {k: body.pop(k) for k in KEPT if k in body}
    if isinstance(body.get("groups"), list):
        body["groups"] = [dict(g, min_level="INFO") if isinstance(g, dict) and g.get("min_level") == "UNSPECIFIED"
                          else g for g in body["groups"]]
    call.body = body


def _record(call):
    children = call.data["cluster_children"].get(call.path.get("cluster_id")) or {}
    return (children.get("log_export") or {}).get("config")


def live_export(call, value):
    """An export answer (contract shape) in the live shape."""
    if not isinstance(value, dict) or not isinstance(value.get("spec"), dict):
        return value
    spec = dict(value["spec"])
    spec["groups"] = [dict(g, min_level="UNSPECIFIED") if g.get("min_level") == "INFO" else g
                      for g in spec.get("groups") or []]
    record = _record(call) or {}
    kept = (record.get("_live") or {}).get("kept") or {}
    if "aws_external_id" in kept:
        spec["aws_external_id"] = kept["aws_external_id"]
    return dict(value, spec=spec)


@answer("EnableLogExport")
def enabled(call, value):
    record = _record(call)
    if record is not None:
        extras(record)["kept"] = call.notes.get("kept") or {}
    return live_export(call, value)


@answer("GetLogExportInfo", "DeleteLogExport")
def one(call, value):
    return live_export(call, value)
