# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""When the service may upgrade and maintain a cluster: its maintenance window and its
version deferral (Singletons of the kit)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import InvalidInput, OnlyWith
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.fields import Field, Fields
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.singleton import Singleton
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources._cluster_lookup import ClusterScope

MAX_WINDOW_HOURS = 7 * 24  # a weekly window lasts at most the week
# The live service's limits: a window of at least 6 hours and less than a week.
LIVE_WINDOW_HOURS = (6, MAX_WINDOW_HOURS - 1)
LIVE_DEFAULT_WINDOW = "21600s"  # a new window without duration_hours, where the live service needs one
DEFERRAL_POLICIES = ("NOT_DEFERRED", "FIXED_DEFERRAL", "DEFERRAL_30_DAYS", "DEFERRAL_60_DAYS", "DEFERRAL_90_DAYS")
CONTRACT_DEFERRALS = ("NOT_DEFERRED", "FIXED_DEFERRAL")
# FIXED_DEFERRAL is the live service's deprecated name of DEFERRAL_60_DAYS: one policy, shown
# as FIXED_DEFERRAL (the option's first word for it), sent as DEFERRAL_60_DAYS to the live service.
SAME_DEFERRAL = {"DEFERRAL_60_DAYS": "FIXED_DEFERRAL"}
HOUR = 3600
DAY = 24 * HOUR


def _hours_to_duration(hours):
    """6 -> ``"21600s"``, the API's form of a duration."""
    return "%ds" % (hours * 3600)


def _seconds(duration):
    """``"21600s"`` (or ``"21600.5s"``, or a number) -> seconds, None when it is no duration."""
    try:
        return float(str(duration).rstrip("s"))
    except ValueError:
        return None


def _whole(number):
    return int(number) if number == int(number) else number


def _duration_to_hours(duration):
    """``"21600s"`` -> 6 (a fraction of an hour stays a fraction, so that it differs)."""
    seconds = _seconds(duration)
    return duration if seconds is None else _whole(seconds / 3600)


def window_offset(day_of_week, start_hour):
    """The options' day (0 = Sunday) and hour (UTC) as the live service's ``offset_duration``:
    seconds from Monday 00:00 UTC (Monday 02:00 -> ``"7200s"``, Sunday 02:00 -> ``"525600s"``)."""
    return "%ds" % ((((day_of_week - 1) % 7) * DAY) + start_hour * HOUR)


def window_start(offset):
    """``offset_duration`` -> (day_of_week, start_hour), the hour a fraction when the window
    starts within an hour (so that it differs from a whole hour); None when it is no duration."""
    seconds = _seconds(offset)
    if seconds is None:
        return None
    days = int(seconds // DAY)
    return (days + 1) % 7, _whole((seconds - days * DAY) / HOUR)


class _WindowStart(Field):
    """``day_of_week`` or ``start_hour``: fields of their own in the contract, one
    ``offset_duration`` in the live format (from Monday 00:00 UTC). Read from either; sent and
    predicted as the table's format says (``wire``, set by ``Field.on``)."""

    def __init__(self, option, part):
        super(_WindowStart, self).__init__(option, live=dict(wire="live"))
        self.part = part  # 0: the day, 1: the hour
        self.wire = "contract"

    def read(self, resource):
        resource = resource or {}
        if self.option in resource:
            return resource[self.option]
        start = window_start(resource.get("offset_duration")) if "offset_duration" in resource else None
        return None if start is None else start[self.part]

    def encode_create(self, body, value, wanted):
        if self.wire != "live":
            return super(_WindowStart, self).encode_create(body, value, wanted)
        start = [wanted.get("day_of_week"), wanted.get("start_hour")]
        start[self.part] = value
        if None not in start:
            body["offset_duration"] = window_offset(*start)
        return None

    def predict(self, resource, value):
        if self.wire != "live":
            return super(_WindowStart, self).predict(resource, value)
        start = list(window_start(resource.get("offset_duration", "0s")) or (1, 0))
        start[self.part] = value
        resource["offset_duration"] = window_offset(*start)
        return None


class MaintenanceWindow(Singleton):
    """``/clusters/{id}/maintenance-window``: PUT sets the whole window (``day_of_week``
    0..6 from Sunday, ``start_hour`` 0..23 UTC, ``window_duration`` such as ``"21600s"``),
    DELETE removes it (back to the service's schedule); 404 when there is none. Any plan
    may have one.

    The live service takes and shows the start as ``offset_duration`` from Monday 00:00 UTC
    (``_WindowStart``), needs a ``window_duration`` (6 hours at creation when the task gives
    none) and refuses a window shorter than 6 hours or as long as a week (refused here first)."""

    kind = "maintenance_window"
    scope = ClusterScope
    path = "maintenance-window"
    create_method = update_method = "PUT"
    update_whole = True  # PUT replaces the window: what the task leaves out is sent as it is
    required_to_create = ("day_of_week", "start_hour")
    only_with = (OnlyWith(("day_of_week", "start_hour", "duration_hours"), "state", "present", warn=True,
                          hint="removing the window takes no settings"),)
    fields = Fields(
        _WindowStart("day_of_week", 0),
        _WindowStart("start_hour", 1),
        Field("duration_hours", api="window_duration", create="window_duration", to_api=_hours_to_duration,
              from_api=_duration_to_hours),
    )

    def check_input(self):
        super(MaintenanceWindow, self).check_input()
        params = self.params
        if params.get("state") == "absent":
            return
        for option, lowest, highest, meaning in (
                ("day_of_week", 0, 6, "0 is Sunday, 6 is Saturday"),
                ("start_hour", 0, 23, "the hour of the day in UTC"),
                ("duration_hours", 1, MAX_WINDOW_HOURS, "how long the window lasts")):
            value = params.get(option)
            if value is not None and not lowest <= value <= highest:
                raise InvalidInput("%s must be from %d to %d (%s), got %d" % (option, lowest, highest, meaning, value))

    def validate(self, current):
        super(MaintenanceWindow, self).validate(current)
        hours = self.params.get("duration_hours")
        if hours is not None and self.wire == "live" and not LIVE_WINDOW_HOURS[0] <= hours <= LIVE_WINDOW_HOURS[1]:
            raise InvalidInput("duration_hours must be from %d to %d for this API (the CockroachDB Cloud service "
                               "takes a window of at least 6 hours and less than a week), got %d"
                               % (LIVE_WINDOW_HOURS + (hours,)))

    def create_body(self):
        body = super(MaintenanceWindow, self).create_body()
        if self.wire == "live":
            body.setdefault("window_duration", LIVE_DEFAULT_WINDOW)
        return body

    def predict_create(self):
        predicted = super(MaintenanceWindow, self).predict_create()
        if self.wire == "live":
            predicted.setdefault("window_duration", LIVE_DEFAULT_WINDOW)
        return predicted


def _same_deferral(policy):
    """DEFERRAL_60_DAYS and FIXED_DEFERRAL are one policy: FIXED_DEFERRAL."""
    return SAME_DEFERRAL.get(policy, policy)


def _live_deferral(policy):
    """The live service's word: DEFERRAL_60_DAYS for FIXED_DEFERRAL (its deprecated name)."""
    return "DEFERRAL_60_DAYS" if policy == "FIXED_DEFERRAL" else policy


class VersionDeferral(Singleton):
    """``/clusters/{id}/version-deferral``: every cluster has a policy (``NOT_DEFERRED`` on a
    new one), PUT sets it; it cannot be removed. Any plan may set it."""

    kind = "version_deferral"
    scope = ClusterScope
    path = "version-deferral"
    create_method = update_method = "PUT"
    update_whole = True
    delete_method = None
    initial = {"deferral_policy": "NOT_DEFERRED"}
    fields = Fields(Field("deferral_policy", normalize=lambda value, task: _same_deferral(value),
                          from_api=_same_deferral, live=dict(to_api=_live_deferral)))

    def check_input(self):
        super(VersionDeferral, self).check_input()
        policy = self.params.get("deferral_policy")
        if policy not in DEFERRAL_POLICIES:
            raise InvalidInput("deferral_policy must be one of %s, got %r" % (", ".join(DEFERRAL_POLICIES), policy))

    def validate(self, current):
        super(VersionDeferral, self).validate(current)
        policy = _same_deferral(self.params.get("deferral_policy"))
        if policy not in CONTRACT_DEFERRALS and self.wire != "live":
            raise InvalidInput("deferral_policy %s is not one this API takes (only %s): use FIXED_DEFERRAL "
                               "(60 days) or NOT_DEFERRED" % (policy, ", ".join(CONTRACT_DEFERRALS)))
