# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""What the tests of folders and of the organization's info modules share."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.tests.unit.emulator import task_params

FOLDERS = "/api/v1/folders"
UNKNOWN_ID = "11111111-2222-4333-8444-555555555555"


task = task_params  # (module, **given): the parameters of a task of that module
