# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.plugins.modules import cockroach_version_deferral as module
from ansible_collections.cockroachdb.cloud.plugins.plugin_utils._in_process import InProcessAction


class ActionModule(InProcessAction):
    """Runs cockroach_version_deferral in the controller's process (see plugin_utils/_in_process.py). The module
    is imported with this class, in the main process, so that the workers forked for the
    tasks find it loaded."""

    TASK = module.TASK
