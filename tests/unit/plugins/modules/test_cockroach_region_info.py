# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The pure logic of cockroach_region_info: the query it sends and the entries it returns."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.cockroachdb.cloud.plugins.modules import cockroach_region_info as info

REGIONS = [
    {"name": "us-east-1", "provider": "AWS", "serverless": True, "location": "N. Virginia"},
    {"name": "us-east-2", "provider": "AWS", "serverless": False},
    {"name": "us-central1", "provider": "GCP"},
]


class FakeClient(object):
    """Answers ListAvailableRegions with ``regions``, ignoring the query like an old server."""

    def __init__(self, regions=None):
        self.regions = REGIONS if regions is None else regions
        self.calls = []

    def paginate(self, path, items_key, params=None, page_size=500):
        self.calls.append((path, items_key, dict(params or {})))
        yield from self.regions


@pytest.mark.parametrize("given, query", [
    ({}, {}),
    ({"serverless": False}, {}),
    ({"serverless": True}, {"serverless": "true"}),
    ({"cloud_provider": "AZURE"}, {"provider": "AZURE"}),
    ({"cloud_provider": "GCP", "serverless": True}, {"provider": "GCP", "serverless": "true"}),
])
def test_query(given, query):
    assert info.region_query(dict({"cloud_provider": None, "serverless": False}, **given)) == query


def test_entries_keep_the_documented_fields():
    assert info.region_entry(REGIONS[0]) == {"name": "us-east-1", "provider": "AWS", "serverless": True}
    assert info.region_entry(REGIONS[2]) == {"name": "us-central1", "provider": "GCP", "serverless": False}


def test_every_region_is_listed_with_one_paginated_call():
    client = FakeClient()
    result = info.region_info(client, {"cloud_provider": None, "serverless": False})
    assert result["changed"] is False
    assert [r["name"] for r in result["regions"]] == ["us-east-1", "us-east-2", "us-central1"]
    assert client.calls == [("/api/v1/clusters/available-regions", "regions", {})]


def test_filters_hold_even_if_the_server_ignores_them():
    client = FakeClient()
    result = info.region_info(client, {"cloud_provider": "AWS", "serverless": True})
    assert result["regions"] == [{"name": "us-east-1", "provider": "AWS", "serverless": True}]
    assert client.calls[0][2] == {"provider": "AWS", "serverless": "true"}


def test_no_regions():
    assert info.region_info(FakeClient([]), {"cloud_provider": None, "serverless": False}) == {
        "changed": False, "regions": []}
