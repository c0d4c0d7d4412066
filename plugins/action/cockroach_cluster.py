# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.plugins.plugin_utils._in_process import InProcessAction, load_every_module


class ActionModule(InProcessAction):
    """The action plugin of every module of the collection, not only cockroach_cluster's:
    meta/runtime.yml routes each module to it (``plugin_routing: modules: <name>: action_plugin:
    cockroachdb.cloud.cockroach_cluster``), and it runs the module the task names (see
    plugin_utils/_in_process.py). It bears a module's name because ansible-test's
    action-plugin-docs sanity test wants every action plugin to have a module of its name."""


# Imported in ansible-playbook's main process (see __init__.py): the modules too, for the
# workers it forks to find them loaded.
load_every_module()
