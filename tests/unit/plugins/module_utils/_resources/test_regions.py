# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""cockroach_region_info on the in-process emulator: the query it sends and the entries it returns."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources import regions as info
from ansible_collections.cockroachdb.cloud.tests.emulator.seed import REGIONS

PATH = "/api/v1/clusters/available-regions"
ALL = [{"name": name, "provider": provider, "serverless": serverless}
       for provider, regions in REGIONS.items() for name, serverless in regions]


def params(**given):
    return dict({"cloud_provider": None, "serverless": False}, **given)


def test_entries_keep_the_documented_fields():
    assert info.region_entry({"name": "us-east-1", "provider": "AWS", "serverless": True, "location": "N. Virginia"}) == {
        "name": "us-east-1", "provider": "AWS", "serverless": True}
    assert info.region_entry({"name": "us-central1", "provider": "GCP"}) == {
        "name": "us-central1", "provider": "GCP", "serverless": False}


def test_every_region_is_listed_with_one_paginated_call(emulator):
    mark = emulator.mark()
    result = info.region_info(emulator.context(params()))
    assert result == {"changed": False, "regions": ALL}
    assert emulator.queries(mark) == [(PATH, {"pagination.limit": "500"})]


@pytest.mark.parametrize("given, query, providers, serverless_only", [
    ({"serverless": True}, {"serverless": "true"}, ("AWS", "GCP", "AZURE"), True),
    ({"cloud_provider": "AZURE"}, {"provider": "AZURE"}, ("AZURE",), False),
    ({"cloud_provider": "GCP", "serverless": True}, {"provider": "GCP", "serverless": "true"}, ("GCP",), True),
])
def test_the_filters_go_in_the_query(emulator, given, query, providers, serverless_only):
    mark = emulator.mark()
    result = info.region_info(emulator.context(params(**given)))
    assert emulator.queries(mark) == [(PATH, dict(query, **{"pagination.limit": "500"}))]
    assert result["regions"] == [r for r in ALL if r["provider"] in providers and (r["serverless"] or not serverless_only)]
    assert result["regions"]


def test_the_filters_hold_even_if_the_server_ignores_them(emulator):
    client = emulator.client()
    paginate = client.paginate

    def old_server(path, items_key, params=None, page_size=500):
        return paginate(path, items_key, page_size=page_size)  # the query is lost on the way

    client.paginate = old_server
    mark = emulator.mark()
    result = info.region_info(emulator.context(params(cloud_provider="AWS", serverless=True), client=client))
    assert emulator.queries(mark) == [(PATH, {"pagination.limit": "500"})]
    assert [r["name"] for r in result["regions"]] == ["us-east-1", "us-west-2", "eu-central-1", "eu-west-1",
                                                      "ap-south-1", "ap-southeast-1"]
    assert all(r["provider"] == "AWS" and r["serverless"] for r in result["regions"])


def test_live_regions_read_the_same_entries(live):
    """The live service adds location and distance to each region: the entries are the same."""
    mark = live.mark()
    result = info.region_info(live.context(params(cloud_provider="GCP", serverless=True)))
    assert result["regions"] == [r for r in ALL if r["provider"] == "GCP" and r["serverless"]]
    assert live.queries(mark) == [(PATH, {"provider": "GCP", "serverless": "true", "pagination.limit": "500"})]
