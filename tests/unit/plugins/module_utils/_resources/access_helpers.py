# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""What the tests of service accounts, API keys, role grants and JWT issuers share: their
paths, tasks on the in-process emulator, and the info modules' reads."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.tests.unit.emulator import task_params

ACCOUNTS = "/api/v1/service-accounts"
KEYS = "/api/v1/api-keys"
UNKNOWN_ID = "11111111-2222-4333-8444-555555555555"


def task(emulator, module, **given):
    """The task's parameters as the module's argument spec makes them, with the emulator's key."""
    return dict(task_params(module, **given), api_key=emulator.admin_key)


def run(emulator, kind, module, check_mode=False, **given):
    ctx = emulator.context(task(emulator, module, **given), check_mode=check_mode)
    result = kind(ctx).run()
    result["warnings"] = ctx.warnings
    return result


# -- info ----------------------------------------------------------------------------------------

def info(emulator, function, module, **given):
    return function(emulator.context(task(emulator, module, **given)))
