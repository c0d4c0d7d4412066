"""Maintenance windows and version deferrals in the live wire format.

A live window is ``{offset_duration, window_duration}``: the start as a duration from Monday
00:00 UTC (less than a week) and the length (at least 6 hours, less than a week). The
contract's handler stores ``{day_of_week (0 = Sunday), start_hour}``: the request gives it the
start hour the offset falls in, with both durations (which it keeps as given), and the answer
shows the durations, the offset worked out from the day and hour when the stored one does not
match them (a window set through the contract's shape).

A live deferral policy may also be ``DEFERRAL_30_DAYS``, ``DEFERRAL_60_DAYS`` or
``DEFERRAL_90_DAYS`` (``FIXED_DEFERRAL`` is the deprecated name of the 60 days): the handler
stores ``FIXED_DEFERRAL`` for any deferral, the live word is kept aside and answered back.
"""

import re

from ..errors import bad_request
from . import answer, extras, request

HOUR = 3600
DAY = 24 * HOUR
WEEK = 7 * DAY
MIN_WINDOW = 6 * HOUR
DURATION_RE = re.compile(r"^(\d+)(\.\d+)?s$")
DEFAULT_WINDOW = "21600s"  # a window set through the contract's shape without one: the shortest
DEFERRALS = ("DEFERRAL_30_DAYS", "DEFERRAL_60_DAYS", "DEFERRAL_90_DAYS", "FIXED_DEFERRAL")


def _seconds(value, field):
    match = DURATION_RE.match(value) if isinstance(value, str) else None
    if match is None:
        raise bad_request("%s must be a duration in seconds such as \"21600s\", got %r" % (field, value))
    return float(value[:-1])


def offset_of(day_of_week, start_hour):
    """The contract's day (0 = Sunday) and hour as seconds from Monday 00:00 UTC."""
    return ((day_of_week - 1) % 7) * DAY + start_hour * HOUR


def _duration(seconds):
    return "%ds" % seconds if seconds == int(seconds) else "%ss" % seconds


@request("SetMaintenanceWindow")
def set_window(call):
    body = call.body or {}
    offset = _seconds(body.get("offset_duration"), "offset_duration")
    window = _seconds(body.get("window_duration"), "window_duration")
    if not 0 <= offset < WEEK:
        raise bad_request("offset_duration must be less than 1 week (604800s), got %r" % body["offset_duration"])
    if not MIN_WINDOW <= window < WEEK:
        raise bad_request("window_duration must be at least 6 hours (21600s) and less than 1 week (604800s), got %r"
                          % body["window_duration"])
    hours = int(offset // HOUR)
    call.body = {"day_of_week": (hours // 24 + 1) % 7, "start_hour": hours % 24,
                 "offset_duration": body["offset_duration"], "window_duration": body["window_duration"]}


@answer("GetMaintenanceWindow", "SetMaintenanceWindow", "DeleteMaintenanceWindow")
def window_answer(call, value):
    if not isinstance(value, dict) or "day_of_week" not in value:
        return value
    start = offset_of(value["day_of_week"], value["start_hour"])
    offset = value.get("offset_duration")
    if offset is None or int(_seconds(offset, "offset_duration") // HOUR) * HOUR != start:
        offset = _duration(start)
    return {"offset_duration": offset, "window_duration": value.get("window_duration") or DEFAULT_WINDOW}


def _deferral_record(call):
    cluster_id = call.path.get("cluster_id")
    children = call.data["cluster_children"].get(cluster_id)
    return None if children is None else children.get("version_deferral")


@request("SetClusterVersionDeferral")
def set_deferral(call):
    body = dict(call.body or {})
    body.pop("deferred_until", None)  # deprecated: the service ignores it
    policy = body.get("deferral_policy")
    if policy in DEFERRALS:
        call.notes["policy"] = policy
        body["deferral_policy"] = "FIXED_DEFERRAL"
    call.body = body


@answer("SetClusterVersionDeferral")
def deferral_set(call, value):
    record = _deferral_record(call)
    if record is not None:
        extras(record)["policy"] = call.notes.get("policy")
    return deferral_answer(call, value)


@answer("GetClusterVersionDeferral")
def deferral_answer(call, value):
    record = _deferral_record(call) or {}
    kept = (record.get("_live") or {}).get("policy")
    if value.get("deferral_policy") == "FIXED_DEFERRAL" and kept:
        value = dict(value, deferral_policy=kept)
    return value
