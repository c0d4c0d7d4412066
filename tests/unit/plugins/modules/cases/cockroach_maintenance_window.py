# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""cockroach_maintenance_window's cases for the unit tests that go over every module (see _load.py)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.tests.unit.plugins.modules.cases._shared import EMPTY_CLUSTER, NO_CLUSTER, bad, not_converted

#: test_bad_input.py: input the module refuses, each with the text of its message.
BAD_INPUT = [
    bad("day-7", "day_of_week must be from 0 to 6 (0 is Sunday, 6 is Saturday), got 7", cluster="web-app",
        day_of_week=7, start_hour=1),
    bad("day-negative", "day_of_week must be from 0 to 6", cluster="web-app", day_of_week=-1, start_hour=1),
    bad("hour-24", "start_hour must be from 0 to 23 (the hour of the day in UTC), got 24", cluster="web-app",
        day_of_week=1, start_hour=24),
    bad("duration-zero", "duration_hours must be from 1 to 168", cluster="web-app", day_of_week=1, start_hour=1,
        duration_hours=0),
    bad("duration-over-a-week", "duration_hours must be from 1 to 168 (how long the window lasts), got 169",
        cluster="web-app", day_of_week=1, start_hour=1, duration_hours=169),
    bad("day-a-name", not_converted("day_of_week", "int"), cluster="web-app", day_of_week="monday", start_hour=1),
    bad("cluster-empty", EMPTY_CLUSTER, cluster="", day_of_week=1, start_hour=1),
    bad("create-without-start-hour", "to set up maintenance window of cluster web-app, also give: start_hour",
        ["ListClusters", "GetMaintenanceWindow"], cluster="web-app", day_of_week=1),
    bad("cluster-unknown", NO_CLUSTER, ["ListClusters"], cluster="nope-db", day_of_week=1, start_hour=1),
]

#: test_bad_input.py: input the module accepts, which the connection options' cases complete.
VALID_INPUT = dict(cluster="web-app")

#: test_options_used.py: where the module's ``only_with`` rules are declared (by name: a
#: description class of module_utils, or a name of the module itself).
RULES_FROM = ("MaintenanceWindow",)
