"""Maintenance windows: when the service may upgrade and maintain a cluster (NOTES.md).

Decisions where the contract is open:
- A window is ``{day_of_week 0..6, start_hour 0..23}``; Set needs both (400 otherwise)
  and replaces the whole window. ``offset_duration`` and ``window_duration`` (the real
  service's fields, durations such as ``"3600s"``) are kept when given; other fields
  are ignored. Responses are the window as stored.
- Get and Delete answer 404 when no window is set; Delete answers the removed window.
- Any cluster plan may have a window.
"""

import re

from ..errors import ApiError, bad_request
from ..permissions import OPERATE_CLUSTER, READ_CLUSTER
from ..registry import operation

KIND = "maintenance"
DURATION_RE = re.compile(r"^\d+(\.\d+)?s$")


def _int_field(body, field, maximum):
    value = body.get(field)
    if value is None:
        raise bad_request("%s is required (an integer from 0 to %d)" % (field, maximum))
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= maximum:
        raise bad_request("%s must be an integer from 0 to %d, got %r" % (field, maximum, value))
    return value


def _window(body):
    window = {"day_of_week": _int_field(body, "day_of_week", 6),
              "start_hour": _int_field(body, "start_hour", 23)}
    for field in ("offset_duration", "window_duration"):
        value = body.get(field)
        if value is None:
            continue
        if not isinstance(value, str) or not DURATION_RE.match(value):
            raise bad_request("%s must be a duration in seconds such as \"3600s\", got %r" % (field, value))
        window[field] = value
    return window


def _existing(ctx):
    window = ctx.children(KIND).get("window")
    if window is None:
        raise ApiError(404, "no maintenance window is set for cluster %s" % ctx.cluster["name"])
    return window


@operation("GetMaintenanceWindow", roles=READ_CLUSTER, scope="cluster")
def get_maintenance_window(ctx, cluster_id):
    return dict(_existing(ctx))


@operation("SetMaintenanceWindow", roles=OPERATE_CLUSTER, scope="cluster")
def set_maintenance_window(ctx, cluster_id):
    window = _window(ctx.body)
    ctx.children(KIND)["window"] = window
    return dict(window)


@operation("DeleteMaintenanceWindow", roles=OPERATE_CLUSTER, scope="cluster")
def delete_maintenance_window(ctx, cluster_id):
    window = _existing(ctx)
    del ctx.children(KIND)["window"]
    return dict(window)
