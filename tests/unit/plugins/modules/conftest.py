# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Fixtures for the module tests: the in-process API emulator (tests/unit/emulator.py)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.cockroachdb.cloud.tests.unit.emulator import install


@pytest.fixture
def emulator(monkeypatch):
    """A fresh in-process emulator on a fake clock."""
    return install(monkeypatch)
