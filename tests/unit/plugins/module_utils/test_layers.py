# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The layers of plugins/module_utils/: a file imports only from its own layer or the layers
beneath it, and no files import each other in a circle (within a layer too).

    0 client     _client, _limiter, _version
    1 kit        _kit/*, and _times (it raises the kit's InvalidInput)
    2 helpers    _resources/_*.py: what several resource files share (cluster lookup and
                 ClusterScope, folder paths, CIDRs, ...)
    3 resources  _resources/<x>.py: one file per API resource
    4 edges      _module (the edge to Ansible: AnsibleModule, options, the client for a task)
                 and _plugin_client (the client of the inventory and lookup plugins)

The edges import only the client and the kit, but sit on top: a resource description is the
same in-process and in AnsiballZ, and never reaches for AnsibleModule or plugin options."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import ast
import os

PACKAGE = "ansible_collections.cockroachdb.cloud.plugins.module_utils"
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))
MODULE_UTILS = os.path.join(ROOT, "plugins", "module_utils")

LAYERS = ("client", "kit", "helpers", "resources", "edges")


def layer_of(name):
    """The layer of a module (dotted, relative to module_utils: ``_resources.clusters``)."""
    parts = name.split(".")
    if name in ("_client", "_limiter", "_version"):
        return "client"
    if parts[0] == "_kit" or name == "_times":
        return "kit"
    if parts[0] == "_resources":
        if len(parts) == 1 or parts[1].startswith("_"):  # (the package's __init__ too)
            return "helpers"
        return "resources"
    if name in ("_module", "_plugin_client"):
        return "edges"
    return None


def source_files(top=MODULE_UTILS):
    """{module name: path} of every .py file under ``top`` (``__init__`` as its package)."""
    found = {}
    for folder, dirs, files in os.walk(top):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for filename in sorted(files):
            if filename.endswith(".py"):
                path = os.path.join(folder, filename)
                parts = os.path.relpath(path, top)[:-3].split(os.sep)
                if parts[-1] == "__init__":
                    parts = parts[:-1]
                if parts:
                    found[".".join(parts)] = path
    return found


def imports_of(name, path, known):
    """The modules of module_utils that the file ``name`` imports (absolute imports of the
    collection and relative ones), each as (imported module, line)."""
    with open(path) as handle:
        tree = ast.parse(handle.read(), path)
    package = name.split(".") if path.endswith("__init__.py") else name.split(".")[:-1]
    found = []
    for node in ast.walk(tree):
        targets = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # from ..x import y
                base = package[:len(package) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
                absolute = PACKAGE + ("." + module if module else "")
            else:
                absolute = node.module or ""
            submodules = ["%s.%s" % (absolute, alias.name) for alias in node.names]
            # ``from package import module`` imports the module; the package only for other names
            named = [target for target in submodules if target[len(PACKAGE) + 1:] in known]
            targets = named + ([absolute] if len(named) < len(submodules) else [])
        for target in targets:
            if target == PACKAGE or not target.startswith(PACKAGE + "."):
                continue
            module = target[len(PACKAGE) + 1:]
            if module in known and module != name:
                found.append((module, node.lineno))
    return found


def graph(top=MODULE_UTILS):
    known = source_files(top)
    return known, dict((name, imports_of(name, path, known)) for name, path in known.items())


def shown(known, name):
    return os.path.relpath(known[name], ROOT)


def upward_imports(known, edges):
    """Messages for every import that runs up a layer, naming both files."""
    problems = []
    for name in sorted(edges):
        own = layer_of(name)
        for target, line in edges[name]:
            theirs = layer_of(target)
            if own is not None and theirs is not None and LAYERS.index(theirs) > LAYERS.index(own):
                problems.append("%s:%d imports %s: layer %r must not import from layer %r above it"
                                % (shown(known, name), line, shown(known, target), own, theirs))
    return problems


def cycles(edges):
    """Every circle of imports (one per strongly connected group of files), as a list of names."""
    index, low, stack, on_stack, groups = {}, {}, [], set(), []

    def visit(name):  # Tarjan
        index[name] = low[name] = len(index)
        stack.append(name)
        on_stack.add(name)
        for target, dummy in edges.get(name, ()):
            if target not in index:
                visit(target)
                low[name] = min(low[name], low[target])
            elif target in on_stack:
                low[name] = min(low[name], index[target])
        if low[name] == index[name]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == name:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for name in sorted(edges):
        if name not in index:
            visit(name)
    return groups


def test_every_file_has_a_layer():
    known = source_files()
    assert sorted(name for name in known if layer_of(name) is None) == []


def test_no_import_runs_up_a_layer():
    known, edges = graph()
    problems = upward_imports(known, edges)
    assert problems == [], "\n".join(problems)


def test_no_import_cycles():
    known, edges = graph()
    found = [" <-> ".join(shown(known, name) for name in group) for group in cycles(edges)]
    assert found == [], "import cycles: " + "; ".join(found)


def test_an_upward_import_is_found(tmp_path):
    """The checks themselves, on a copy of module_utils whose kit imports a resource."""
    copy = tmp_path / "module_utils"
    for name, path in source_files().items():
        target = copy / os.path.relpath(path, MODULE_UTILS)
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(path) as handle:
            text = handle.read()
        target.write_text("from .._resources import clusters\n" + text if name == "_kit.base" else text)
    known, edges = graph(str(copy))
    problems = upward_imports(known, edges)
    assert len(problems) == 1 and "_kit/base.py:1 imports " in problems[0], problems
    assert "module_utils/_resources/clusters.py: layer 'kit' must not import from layer 'resources'" in problems[0]
    assert any("_kit.base" in group for group in cycles(edges))
