# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""What every module of the collection must have, checked on all of them (so a new module
cannot forget): a place in the action group, the common documentation, a one-line main()."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import ast
import os

import pytest
import yaml

from ansible_collections.cockroachdb.cloud.plugins.module_utils._version import COLLECTION_VERSION
from ansible_collections.cockroachdb.cloud.tests.unit.layout import MODULES, ROOT


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
    assert sorted(load("meta", "runtime.yml")["action_groups"]["all"]) == MODULES


@pytest.mark.parametrize("module", MODULES)
def test_every_module_has_the_common_documentation(module):
    doc = documentation(module)
    fragments = doc.get("extends_documentation_fragment") or []
    assert "cockroachdb.cloud.cockroach" in fragments and "cockroachdb.cloud.cockroach.ACTIONGROUP" in fragments
    kind = "cockroachdb.cloud.cockroach.INFO" if module.endswith("_info") else "cockroachdb.cloud.cockroach.CHECK_MODE_DIFF"
    assert kind in fragments


@pytest.mark.parametrize("module", MODULES)
def test_every_module_runs_in_process_through_its_action_plugin(module):
    with open(os.path.join(ROOT, "plugins", "action", module + ".py")) as handle:
        source = handle.read()
    assert "InProcessAction" in source and "import %s as module" % module in source
