# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""_resources/cluster_versions.py: what cockroach_cluster_version_info reads."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources import cluster_versions


def test_every_version_in_one_paginated_call_the_last_is_the_latest(emulator):
    mark = emulator.mark()
    result = cluster_versions.version_info(emulator.context({}))
    assert result["changed"] is False
    assert result["versions"] and all(v.startswith("v") for v in result["versions"])
    assert result["latest"] == result["versions"][-1]
    assert emulator.queries(mark) == [("/api/v1/cluster-versions", {"pagination.limit": "500"})]


def test_no_versions_is_an_empty_list_and_no_latest(emulator, monkeypatch):
    monkeypatch.setattr(emulator.client().__class__, "paginate", lambda self, path, key, **kw: iter([]))
    assert cluster_versions.version_info(emulator.context({})) == {"changed": False, "versions": [], "latest": ""}


def test_live_versions_come_newest_first_and_are_shown_oldest_first(live):
    listed = [v["version"] for v in live.admin.get("/api/v1/cluster-versions")["versions"]]
    assert listed == sorted(listed, key=cluster_versions.version_number, reverse=True)
    mark = live.mark()
    result = cluster_versions.version_info(live.context({}))
    assert result["versions"] == listed[::-1] and result["latest"] == listed[0]
    assert live.queries(mark) == [("/api/v1/cluster-versions", {"pagination.limit": "500"})]


def test_versions_sort_by_number():
    assert sorted(["v24.10", "v24.2", "v9.1", "preview"], key=cluster_versions.version_number) == \
        ["v9.1", "v24.2", "v24.10", "preview"]
