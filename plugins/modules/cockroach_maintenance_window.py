#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: cockroach_maintenance_window
short_description: Set when CockroachDB Cloud may maintain and upgrade a cluster
version_added: 0.2.0
description:
  - Sets the weekly maintenance window of a cluster (a day of the week and an hour in UTC,
    and how long it lasts), or removes it so that the service's own schedule applies.
  - The API replaces the whole window with each change; options the task leaves out keep
    their current value (they are sent as they are).
  - Any cluster plan may have a window.
  - The CockroachDB Cloud service takes and shows the start of the window as C(offset_duration),
    the time from Monday 00:00 UTC (Sunday 02:00 UTC is C(525600s)); the module sends O(day_of_week)
    and O(start_hour) that way and reads the offset back as a day and an hour, so that the options,
    the diff and C(changed) are the same with the service and with an API that speaks the
    project's contract (C(day_of_week), C(start_hour)). A window that starts within an hour (set
    elsewhere) shows a fractional O(start_hour), which a whole hour changes.
author:
  - CockroachDB Cloud collection maintainers (@cockroachdb)
extends_documentation_fragment:
  - cockroachdb.cloud.cockroach
  - cockroachdb.cloud.cockroach.CLUSTER
  - cockroachdb.cloud.cockroach.WAIT
  - cockroachdb.cloud.cockroach.ACTIONGROUP
  - cockroachdb.cloud.cockroach.CHECK_MODE_DIFF
options:
  state:
    description:
      - V(present) sets the window, V(absent) removes it.
      - With V(absent), O(day_of_week), O(start_hour) and O(duration_hours) are not used, and
        a warning says so.
    type: str
    choices: [present, absent]
    default: present
  day_of_week:
    description:
      - Day the window starts, V(0) (Sunday) to V(6) (Saturday). Checked before any request.
      - Required to set a window where there is none.
    type: int
  start_hour:
    description:
      - Hour of the day (UTC) the window starts, V(0) to V(23). Checked before any request.
      - Required to set a window where there is none.
    type: int
  duration_hours:
    description:
      - How many hours the window lasts, V(1) to V(168) (a week). By default the service's.
      - The API takes it as a duration in seconds (C(window_duration), such as C(21600s)).
      - The CockroachDB Cloud service takes V(6) to V(167) hours (at least 6 hours, less than a
        week); against it, a value outside is refused before any change. It needs a duration to
        set a window, so a new window without O(duration_hours) lasts 6 hours there.
    type: int
  wait_timeout:
    description:
      - Seconds to wait for a cluster that is being created or changed before the change.
    type: int
    default: 600
notes:
  - A no-op costs one read of the window (plus one listing of the clusters when O(cluster)
    is a name).
  - M(cockroachdb.cloud.cockroach_cluster_info) shows the window with
    O(cockroachdb.cloud.cockroach_cluster_info#module:details=[maintenance_window]).
seealso:
  - module: cockroachdb.cloud.cockroach_version_deferral
  - module: cockroachdb.cloud.cockroach_cluster_info
"""

EXAMPLES = r"""
- name: Maintain the cluster on Sundays from 02:00 UTC, for 6 hours
  cockroachdb.cloud.cockroach_maintenance_window:
    cluster: orders-prod
    day_of_week: 0
    start_hour: 2
    duration_hours: 6

- name: Move it to 04:00 (the day and the duration stay)
  cockroachdb.cloud.cockroach_maintenance_window:
    cluster: orders-prod
    start_hour: 4

- name: Go back to the service's schedule
  cockroachdb.cloud.cockroach_maintenance_window:
    cluster: orders-prod
    state: absent
"""

RETURN = r"""
maintenance_window:
  description:
    - The window as the API returns it, after the change; in check mode, the predicted one.
      Empty when O(state=absent).
  returned: always
  type: dict
  contains:
    day_of_week:
      description: Day the window starts, 0 (Sunday) to 6 (Saturday); not from the CockroachDB Cloud service.
      type: int
    start_hour:
      description: Hour of the day (UTC) the window starts; not from the CockroachDB Cloud service.
      type: int
    offset_duration:
      description:
        - From the CockroachDB Cloud service, in place of RV(maintenance_window.day_of_week) and
          RV(maintenance_window.start_hour) - when the window starts, in seconds from Monday 00:00 UTC
          (C(525600s) is Sunday 02:00).
      type: str
    window_duration:
      description: How long the window lasts, in seconds with an C(s) (C(21600s)), when set.
      type: str
  sample:
    day_of_week: 0
    start_hour: 2
    window_duration: 21600s
"""

from ansible_collections.cockroachdb.cloud.plugins.module_utils._module import ModuleTask, cluster_argument_spec
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.maintenance import MaintenanceWindow

ARGUMENT_SPEC = cluster_argument_spec(
    600,
    state=dict(type="str", default="present", choices=["present", "absent"]),
    day_of_week=dict(type="int"),
    start_hour=dict(type="int"),
    duration_hours=dict(type="int"),
)


TASK = ModuleTask(ARGUMENT_SPEC, MaintenanceWindow.task)


def main():
    TASK.main()


if __name__ == "__main__":
    main()
