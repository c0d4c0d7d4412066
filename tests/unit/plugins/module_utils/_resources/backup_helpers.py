# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""What the tests of backups and restores share: tasks on the in-process emulator and the
backups of a cluster."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.backups import backup_info
from ansible_collections.cockroachdb.cloud.plugins.modules import cockroach_backup_info
from ansible_collections.cockroachdb.cloud.tests.unit.emulator import task_params

UNKNOWN_ID = "00000000-0000-4000-8000-0000000000b1"


task = task_params  # (module, **given): the parameters of a task of that module


def backups(emulator, **given):
    given.setdefault("cluster", "orders-db")
    return backup_info(emulator.context(task(cockroach_backup_info, **given)))["backups"]


def seed_orders_db(emulator):
    """The ``orders_db`` fixture's cluster on ``emulator`` (either wire format): a dedicated
    cluster on AWS with five hourly backups; ``base`` is its path."""
    cluster = emulator.cluster("orders-db", plan="DEDICATED", provider="AWS")
    emulator.clock.sleep(4 * 3600)
    cluster["base"] = "/api/v1/clusters/%s" % cluster["id"]
    return cluster
