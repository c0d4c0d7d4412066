# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""_plans: a cluster's plan in the live service's words (tiers) and the contract's (kinds)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources import _plans


@pytest.mark.parametrize("have, wanted, matches", [
    ("STANDARD", "SERVERLESS", True), ("BASIC", "serverless", True), ("ADVANCED", "DEDICATED", True),
    ("STANDARD", "BASIC", False), ("ADVANCED", "SERVERLESS", False), ("STANDARD", "DEDICATED", False),
    ("SERVERLESS", "STANDARD", True), ("SERVERLESS", "BASIC", True), ("DEDICATED", "ADVANCED", True),
    ("DEDICATED", "BASIC", False), ("BASIC", "BASIC", True), (None, "BASIC", False),
])
def test_a_kind_matches_its_tiers_and_a_tier_matches_its_kind_on_a_contract_server(have, wanted, matches):
    assert _plans.matches(have, wanted) is matches


@pytest.mark.parametrize("plan, limits, tier", [
    ("serverless", None, "BASIC"), ("SERVERLESS", {"provisioned_virtual_cpus": 2}, "STANDARD"),
    ("standard", None, "STANDARD"), ("basic", {"provisioned_virtual_cpus": 2}, "BASIC"),
    ("dedicated", None, "ADVANCED"), ("ADVANCED", None, "ADVANCED"),
])
def test_the_tier_a_create_names(plan, limits, tier):
    assert _plans.tier_for(plan, limits) == tier


def test_groups_name_the_plan_and_its_kind():
    assert _plans.groups("STANDARD") == ["standard", "serverless"]
    assert _plans.groups("ADVANCED") == ["advanced", "dedicated"]
    assert _plans.groups("SERVERLESS") == ["serverless"]
    assert _plans.groups(None) == []


def test_normalize_takes_any_case_and_names_the_values():
    assert _plans.normalize(" Standard ") == "STANDARD" and _plans.normalize(None) is None
    with pytest.raises(ValueError, match=r"plan must be basic, standard or advanced \(or serverless, dedicated\), got 'gold'"):
        _plans.normalize("gold")
