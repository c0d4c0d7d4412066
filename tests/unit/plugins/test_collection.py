# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""What every module of the collection must have, checked on all of them (so a new module
cannot forget): a place in the action group, its routing to the action plugin, the common
documentation, a one-line main()."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import ast
import os

import pytest
import yaml

from ansible_collections.cockroachdb.cloud.plugins.module_utils._version import COLLECTION_VERSION
from ansible_collections.cockroachdb.cloud.tests.unit.layout import MODULES, ROOT

SHARED_ACTION_PLUGIN = "cockroachdb.cloud.cockroach_cluster"


def load(*parts):
    with open(os.path.join(ROOT, *parts)) as handle:
        return yaml.safe_load(handle)


def documentation(module):
    with open(os.path.join(ROOT, "plugins", "modules", module + ".py")) as handle:
        tree = ast.parse(handle.read())
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "DOCUMENTATION":
            return yaml.safe_load(node.value.value)
    raise AssertionError("%s has no DOCUMENTATION" % module)


def test_the_version_has_one_source():
    assert COLLECTION_VERSION == load("galaxy.yml")["version"]


def test_every_module_is_in_the_action_group():
    group = load("meta", "runtime.yml")["action_groups"]["all"]
    missing = "".join("\n    - %s" % module for module in MODULES if module not in group)
    assert sorted(group) == MODULES, "meta/runtime.yml lacks, under action_groups: all:, the lines" + missing


@pytest.mark.parametrize("module", MODULES)
def test_every_module_runs_in_process_through_the_shared_action_plugin(module):
    routing = (load("meta", "runtime.yml").get("plugin_routing") or {}).get("modules") or {}
    line = "    %s: {action_plugin: %s}" % (module, SHARED_ACTION_PLUGIN)
    assert routing.get(module) == {"action_plugin": SHARED_ACTION_PLUGIN}, (
        "meta/runtime.yml lacks, under plugin_routing: modules:, the line\n%s" % line)


def test_the_routing_names_only_modules_and_the_action_plugins_are_the_shared_one():
    assert sorted(load("meta", "runtime.yml")["plugin_routing"]["modules"]) == MODULES
    plugins = sorted(name for name in os.listdir(os.path.join(ROOT, "plugins", "action")) if name.endswith(".py"))
    assert plugins == ["__init__.py", "cockroach_cluster.py"]


@pytest.mark.parametrize("module", MODULES)
def test_every_module_has_the_common_documentation(module):
    doc = documentation(module)
    fragments = doc.get("extends_documentation_fragment") or []
    assert "cockroachdb.cloud.cockroach" in fragments and "cockroachdb.cloud.cockroach.ACTIONGROUP" in fragments
    kind = "cockroachdb.cloud.cockroach.INFO" if module.endswith("_info") else "cockroachdb.cloud.cockroach.CHECK_MODE_DIFF"
    assert kind in fragments
