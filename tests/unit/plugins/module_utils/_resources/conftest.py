# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Fixtures of the resource tests: a service account (``ci``) and a dedicated cluster
(``orders_db``) on the in-process emulator."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.cockroachdb.cloud.tests.unit.plugins.module_utils._resources.access_helpers import ACCOUNTS


@pytest.fixture
def ci(emulator):
    """A service account ci-deployer."""
    return emulator.admin.post(ACCOUNTS, {"name": "ci-deployer", "description": "the pipeline"})


@pytest.fixture
def orders_db(emulator):
    """A dedicated cluster with five hourly backups; ``base`` is its path."""
    cluster = emulator.cluster("orders-db", plan="DEDICATED", provider="AWS")
    emulator.clock.sleep(4 * 3600)
    cluster["base"] = "/api/v1/clusters/%s" % cluster["id"]
    return cluster
