# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The files of cases, one per module.

Each module of plugins/modules has a file of its own here, ``cases/<module>.py``, read by the
unit tests that go over every module:

- ``BAD_INPUT`` (test_bad_input.py, required, at least 5 cases): ``bad(id, msg, reads, **args)``,
  input the module refuses. ``msg`` is text the message must hold (a tuple: each part),
  ``reads`` the operations the task may read, in order (none: it must fail before any request).
- ``VALID_INPUT`` (test_bad_input.py, when the module has required options): input it accepts,
  to which the cases of the connection options every module shares are added.
- ``RULES_FROM`` (test_options_used.py, for a module whose options apply only in some modes):
  the names of what declares its ``only_with`` rules, a description class of module_utils or
  a name of the module itself (by name, so that code moving between module_utils files
  changes nothing here).

A new module adds its file; no table elsewhere names the modules.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import importlib
import os

PACKAGE = "ansible_collections.cockroachdb.cloud.tests.unit.plugins.modules.cases"
FOLDER = os.path.dirname(os.path.abspath(__file__))


def case_files():
    """{module: its file of cases} for every file of cases/ (the modules it names may be gone)."""
    return dict((name[:-3], importlib.import_module("%s.%s" % (PACKAGE, name[:-3])))
                for name in sorted(os.listdir(FOLDER)) if name.endswith(".py") and not name.startswith("_"))
