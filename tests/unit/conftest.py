# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""How the unit tests run under ``ansible-test units``: in its pytest workers, not in a fork
per test.

ansible-test runs each test in a fork of its worker (its ``ansible_forked`` plugin), so that a
test cannot leave state behind. Our tests leave none: each one builds its own emulator,
clients and contexts from fixtures (``monkeypatch`` undoes what they patch, and
``Emulator.context`` forgets what an earlier task remembered), and they pass in any order
(checked with shuffled orders, in one worker). A fork per test costs its copy-on-write pages
instead: 87 s against 39 s for the suite on 2 cores, and more in the version matrix, which runs
part of it on five releases. (ansible-test passes no environment variable of ours to pytest, so
bringing the fork back means deleting this hook.)
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest
from _pytest.runner import pytest_runtest_protocol as run_in_this_process


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_protocol(item, nextitem):
    """Runs before ansible_forked's hook (a conftest registers after the plugins) and, by
    answering, stands in for it."""
    return run_in_this_process(item, nextitem)
