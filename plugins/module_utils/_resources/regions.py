# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""The regions new clusters can use, and what cockroach_region_info reads."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import API

REGIONS_PATH = API + "/clusters/available-regions"


def available_regions(client, provider=None, serverless=False):
    """The regions new clusters can use (every page)."""
    query = {}
    if provider:
        query["provider"] = provider
    if serverless:
        query["serverless"] = "true"
    return list(client.paginate(REGIONS_PATH, "regions", params=query))


def region_entry(region):
    """The documented {name, provider, serverless} of one API region object."""
    return {"name": region.get("name", ""), "provider": region.get("provider", ""),
            "serverless": bool(region.get("serverless", False))}


def region_info(ctx):
    params = ctx.params
    regions = [region_entry(r) for r in available_regions(ctx.client, params.get("cloud_provider"),
                                                          params.get("serverless"))]
    if params.get("serverless"):
        # The API already filters; this keeps the promise should a server ignore the parameter.
        regions = [r for r in regions if r["serverless"]]
    if params.get("cloud_provider"):
        regions = [r for r in regions if r["provider"] in ("", params["cloud_provider"])]
    return {"changed": False, "regions": regions}
