"""Metric exports in the live wire format: the shapes are the contract's, but for the
CloudWatch export's ``external_id`` (no field in the contract: kept aside on the export and
answered back). The Datadog sites are the live document's (its strict validation refuses
others); delete answers are ``{cluster_id, status}`` (``conform`` drops the rest).
"""

from . import answer, extras, request


def _record(call):
    children = call.data["cluster_children"].get(call.path.get("cluster_id")) or {}
    return (children.get("metric_export") or {}).get("cloudwatch")


@request("EnableCloudWatchMetricExport")
def enable_cloudwatch(call):
    body = dict(call.body or {})
    call.notes["external_id"] = body.pop("external_id", None)
    call.body = body


def _cloudwatch(call, value):
    record = _record(call) or {}
    external_id = (record.get("_live") or {}).get("external_id")
    if isinstance(value, dict) and external_id:
        value = dict(value, external_id=external_id)
    return value


@answer("EnableCloudWatchMetricExport")
def cloudwatch_enabled(call, value):
    record = _record(call)
    if record is not None:
        extras(record)["external_id"] = call.notes.get("external_id")
    return _cloudwatch(call, value)


@answer("GetCloudWatchMetricExportInfo")
def cloudwatch_one(call, value):
    return _cloudwatch(call, value)
