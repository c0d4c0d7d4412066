# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""docs/architecture.md's "Adding a module", kept true for every module there is: one name runs
through the layers (cockroach_<x>[_info] <-> _resources/<x>.py <-> test_<x>.py <->
targets/cockroach_<x>), a module file holds no code but its task, and the architecture's diagram
names every file of module_utils and plugin_utils."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import ast
import os
import re

import pytest

from ansible_collections.cockroachdb.cloud.tests.unit.layout import MODULES, ROOT

RESOURCES_PACKAGE = "ansible_collections.cockroachdb.cloud.plugins.module_utils._resources"
RESOURCES_DIR = os.path.join(ROOT, "plugins", "module_utils", "_resources")
RESOURCE_TESTS_DIR = os.path.join(ROOT, "tests", "unit", "plugins", "module_utils", "_resources")
ARCHITECTURE = os.path.join(ROOT, "docs", "architecture.md")


def _read(*parts):
    with open(os.path.join(ROOT, *parts), encoding="utf-8") as handle:
        return handle.read()


def module_tree(module):
    return ast.parse(_read("plugins", "modules", module + ".py"))


def resources_imported(tree):
    """The files of _resources/ a module imports from (``_resources.x`` or ``from _resources import x``)."""
    found = set()
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module.startswith(RESOURCES_PACKAGE + "."):
                found.add(node.module[len(RESOURCES_PACKAGE) + 1:].split(".")[0])
            elif node.module == RESOURCES_PACKAGE:
                found.update(alias.name for alias in node.names)
    return found


def resource_files():
    """The resource files of _resources/ (not its shared ``_`` helpers), by name."""
    return sorted(name[:-3] for name in os.listdir(RESOURCES_DIR) if name.endswith(".py") and not name.startswith("_"))


def _allowed_statement(node):
    """What a module file may hold: imports, its docs and other CONSTANTS, main(), the __main__ guard."""
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        return True
    if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):  # a docstring
        return True
    if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):  # ARGUMENT_SPEC.update(...)
        func = node.value.func
        return isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id.isupper()
    if isinstance(node, ast.Assign):
        return all(isinstance(t, ast.Name) and (t.id.isupper() or t.id == "__metaclass__") for t in node.targets)
    if isinstance(node, ast.FunctionDef):
        return node.name == "main"
    return isinstance(node, ast.If) and "__main__" in ast.dump(node.test)


@pytest.mark.parametrize("module", MODULES)
def test_a_module_file_holds_no_code_but_its_task(module):
    extra = ["line %d: %s" % (node.lineno, type(node).__name__ + (" " + node.name if hasattr(node, "name") else ""))
             for node in module_tree(module).body if not _allowed_statement(node)]
    assert extra == [], ("plugins/modules/%s.py: a module holds DOCUMENTATION, EXAMPLES, RETURN, ARGUMENT_SPEC, "
                         "TASK and main(); move %s to its plugins/module_utils/_resources/ file" % (module, extra))


@pytest.mark.parametrize("module", MODULES)
def test_a_module_imports_its_description_from_resources(module):
    assert resources_imported(module_tree(module)), (
        "plugins/modules/%s.py imports nothing from plugins/module_utils/_resources/: its description (or reader) "
        "belongs in _resources/<resource>.py" % module)


def test_every_resource_file_is_used_by_a_module_and_has_its_tests():
    used = set()
    for module in MODULES:
        used |= resources_imported(module_tree(module))
    problems = []
    for name in resource_files():
        if name not in used:
            problems.append("_resources/%s.py is imported by no module" % name)
        if not os.path.isfile(os.path.join(RESOURCE_TESTS_DIR, "test_%s.py" % name)):
            problems.append("_resources/%s.py has no tests/unit/plugins/module_utils/_resources/test_%s.py" % (name, name))
    assert problems == []


@pytest.mark.parametrize("module", MODULES)
def test_a_module_has_its_integration_target_and_its_cases(module):
    assert os.path.isfile(os.path.join(ROOT, "tests", "integration", "targets", module, "tasks", "main.yml")), (
        "add tests/integration/targets/%s/ (aliases, meta/main.yml, tasks/main.yml)" % module)
    assert os.path.isfile(os.path.join(ROOT, "tests", "unit", "plugins", "modules", "cases", module + ".py")), (
        "add tests/unit/plugins/modules/cases/%s.py" % module)


@pytest.mark.parametrize("table, modules", [
    ("README.md", MODULES),
    # The migration guide maps Terraform resources (and uri tasks) to the managing modules.
    ("docs/docsite/rst/guide_migrating.rst", [m for m in MODULES if not m.endswith("_info")]),
])
def test_the_module_tables_name_every_module(table, modules):
    text = _read(*table.split("/"))
    assert [m for m in modules if not re.search(r"\b%s\b" % m, text)] == [], "add the modules to %s's table" % table


def test_the_architecture_names_every_file_of_module_utils_and_plugin_utils():
    text = _read("docs", "architecture.md")
    missing = []
    for folder in ("plugins/module_utils", "plugins/plugin_utils", "plugins/action"):
        for path, dirs, files in os.walk(os.path.join(ROOT, *folder.split("/"))):
            dirs[:] = [d for d in dirs if d != "__pycache__"]
            for name in files:
                stem = name[:-3]
                if not name.endswith(".py") or stem == "__init__" and not path.endswith("action"):
                    continue
                shown = "plugins/action/__init__.py" if stem == "__init__" else stem
                if not re.search(r"(?<![\w.])%s\b" % re.escape(shown), text):
                    missing.append(os.path.relpath(os.path.join(path, name), ROOT))
    assert missing == [], "docs/architecture.md's diagram does not name these files"
