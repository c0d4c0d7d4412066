# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The action plugins of the collection: one, cockroach_cluster.py, the action plugin of every
module (meta/runtime.yml routes each module to it).

ansible-core imports this package in ansible-playbook's main process whenever it looks for a
task's action plugin (when it reads a task, and before it forks a worker for one), but it
imports the action plugin itself only in the worker, which ends with the task: importing the
plugin here loads it, with requests, the module_utils and every module's TASK, once per run
instead of once per task."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.plugins.action import cockroach_cluster  # noqa: F401 pylint: disable=unused-import
