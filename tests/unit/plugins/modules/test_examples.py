# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The EXAMPLES of every module are tasks a user can copy: each task of this collection's
modules in them passes the module's own argument checks (its argument spec and options,
as ansible-core applies them), with the values that are Jinja templates left out (they are
the user's; a required option left out that way is not counted against the example)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import importlib

import pytest
import yaml

from ansible.module_utils.common.arg_spec import ArgumentSpecValidator

from ansible_collections.cockroachdb.cloud.plugins import modules as modules_package
from ansible_collections.cockroachdb.cloud.tests.unit.layout import MODULES

PREFIX = "cockroachdb.cloud."
REQUIRED = ("RequiredError", "RequiredOneOfError", "RequiredTogetherError", "RequiredIfError", "RequiredByError")


def templated(value):
    return isinstance(value, str) and "{{" in value


def without_templates(value):
    """``value`` without the parts that are Jinja templates (the user's values)."""
    if isinstance(value, dict):
        return dict((k, without_templates(v)) for k, v in value.items() if not templated(v))
    if isinstance(value, list):
        return [without_templates(v) for v in value if not templated(v)]
    return value


def example_tasks(module):
    """(module, args, where) for each task of the collection's modules in ``module``'s EXAMPLES."""
    source = importlib.import_module("%s.%s" % (modules_package.__name__, module))
    found = []

    def walk(tasks, where):
        for index, task in enumerate(tasks or []):
            if not isinstance(task, dict):
                continue
            for key in ("block", "rescue", "always", "tasks"):
                walk(task.get(key), "%s > %s" % (where, task.get("name", index)))
            for key, args in task.items():
                if isinstance(key, str) and key.startswith(PREFIX) and key[len(PREFIX):] in MODULES:
                    found.append((key[len(PREFIX):], args or {}, "%s > %s" % (where, task.get("name", index))))

    for document in yaml.safe_load_all(source.EXAMPLES):
        if isinstance(document, list):
            walk(document, module)
            for play in document:
                if isinstance(play, dict) and "hosts" in play:
                    for section in ("pre_tasks", "tasks", "post_tasks", "handlers"):
                        walk(play.get(section), "%s > %s" % (module, play.get("name")))
    return found


CASES = [pytest.param(target, args, id="%s: %s" % (module, where))
         for module in MODULES for target, args, where in example_tasks(module)]


def test_every_module_shows_itself_in_its_examples():
    assert [m for m in MODULES if m not in set(target for target, _args, _where in example_tasks(m))] == []


@pytest.mark.parametrize("module, args", CASES)
def test_example_passes_the_module_argument_checks(module, args):
    task = importlib.import_module("%s.%s" % (modules_package.__name__, module)).TASK
    assert isinstance(args, dict), "the example gives %r, not the module's options" % (args,)
    given = without_templates(args)
    left_out = set(args) - set(given)
    result = ArgumentSpecValidator(task.full_argument_spec, **dict(task.module_options)).validate(given)
    # A required option may be among the templated values left out; any other error counts.
    errors = [str(error) for error in result.errors.errors if not (left_out and type(error).__name__ in REQUIRED)]
    assert errors == [], errors
