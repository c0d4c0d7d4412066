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
DEFERRAL_POLICIES = ("NOT_DEFERRED", "FIXED_DEFERRAL")


def _hours_to_duration(hours):
    """6 -> ``"21600s"``, the API's form of a duration."""
    return "%ds" % (hours * 3600)


def _duration_to_hours(duration):
    """``"21600s"`` -> 6 (a fraction of an hour stays a fraction, so that it differs)."""
    try:
        seconds = float(str(duration).rstrip("s"))
    except ValueError:
        return duration
    hours = seconds / 3600
    return int(hours) if hours == int(hours) else hours


class MaintenanceWindow(Singleton):
    """``/clusters/{id}/maintenance-window``: PUT sets the whole window (``day_of_week``
    0..6 from Sunday, ``start_hour`` 0..23 UTC, ``window_duration`` such as ``"21600s"``),
    DELETE removes it (back to the service's schedule); 404 when there is none. Any plan
    may have one."""

    kind = "maintenance_window"
    scope = ClusterScope
    path = "maintenance-window"
    create_method = update_method = "PUT"
    update_whole = True  # PUT replaces the window: what the task leaves out is sent as it is
    required_to_create = ("day_of_week", "start_hour")
    only_with = (OnlyWith(("day_of_week", "start_hour", "duration_hours"), "state", "present", warn=True,
                          hint="removing the window takes no settings"),)
    fields = Fields(
        Field("day_of_week"),
        Field("start_hour"),
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
    fields = Fields(Field("deferral_policy"))

    def check_input(self):
        super(VersionDeferral, self).check_input()
        policy = self.params.get("deferral_policy")
        if policy not in DEFERRAL_POLICIES:
            raise InvalidInput("deferral_policy must be one of %s, got %r" % (", ".join(DEFERRAL_POLICIES), policy))
