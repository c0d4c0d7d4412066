# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""_kit.info: the reading side of a description."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import InvalidInput
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.collection import Collection
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.info import listing_info, singleton_info, singletons_info
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.singleton import Singleton
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources._cluster_lookup import ClusterNotFound
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources._cluster_lookup import (
    ClusterScope,
    dedicated_cluster,
)


class Databases(Collection):
    kind = "database"
    scope = ClusterScope
    path = "databases"
    items = "databases"


class Window(Singleton):
    kind = "maintenance_window"
    scope = ClusterScope
    path = "maintenance-window"


def test_every_member_or_the_named_one(emu):
    cluster = emu.cluster("web-app")
    for name in ("a", "b"):
        emu.admin.post("/api/v1/clusters/%s/databases" % cluster["id"], {"name": name})
    ctx = emu.context({"cluster": cluster["id"], "name": None})
    mark = emu.mark()
    result = listing_info(ctx, Databases, "databases")
    assert result["changed"] is False
    assert [d["name"] for d in result["databases"]][-2:] == ["a", "b"]  # after the cluster's own ones
    assert emu.operations(mark) == ["ListDatabases"]
    named = listing_info(emu.context({"cluster": "web-app", "name": "b"}), Databases, "databases")
    assert [d["name"] for d in named["databases"]] == ["b"]
    with pytest.raises(InvalidInput, match="name must not be empty"):
        listing_info(emu.context({"cluster": "web-app", "name": " "}), Databases, "databases")


def test_an_unknown_cluster_is_an_error_that_names_it(emu):
    with pytest.raises(ClusterNotFound, match="^no cluster with id 5d56c004-1ae9-4f72-9fc8-ed1a0cda3957$"):
        listing_info(emu.context({"cluster": "5d56c004-1ae9-4f72-9fc8-ed1a0cda3957"}), Databases, "databases")


def test_a_singleton_or_nothing(emu):
    cluster = emu.cluster("web-app")
    assert singleton_info(emu.context({"cluster": "web-app"}), Window, "window") == {"changed": False, "window": {}}
    emu.admin.put("/api/v1/clusters/%s/maintenance-window" % cluster["id"], {"day_of_week": 1, "start_hour": 3})
    assert singleton_info(emu.context({"cluster": "web-app"}), Window, "window")["window"] == \
        {"day_of_week": 1, "start_hour": 3}


class Backups(Collection):
    kind = "backup"
    scope = ClusterScope
    path = "backups"
    items = "backups"


def test_a_listing_with_its_own_filters_sends_them_with_every_page(emu):
    cluster = emu.cluster("web-app", plan="DEDICATED")
    emu.clock.sleep(4 * 3600)  # a backup an hour (a Basic cluster's are daily)
    every = emu.admin.get("/api/v1/clusters/%s/backups" % cluster["id"])["backups"]
    assert len(every) == 5
    mark = emu.mark()
    since = every[2]["as_of_time"]
    result = listing_info(emu.context({"cluster": cluster["id"]}), Backups, "backups", key_option=None,
                          query={"start_time": since})
    assert result["backups"] == every[2:]
    assert emu.queries(mark) == [("/api/v1/clusters/%s/backups" % cluster["id"],
                                  {"start_time": since, "pagination.limit": "500"})]


class Prometheus(Singleton):
    kind = "metric_export"
    scope = ClusterScope
    path = "metricexport/prometheus"


class CloudWatch(Prometheus):
    path = "metricexport/cloudwatch"

    def unavailable(self):
        return None if self.scope.cluster["cloud_provider"] == "AWS" else "not on AWS"


def test_several_singletons_of_one_scope_resolve_it_once(emu):
    cluster = emu.cluster("gcp-db", plan="DEDICATED", provider="GCP")
    emu.admin.post("/api/v1/clusters/%s/metricexport/prometheus" % cluster["id"])
    emu.clock.sleep(5)
    mark = emu.mark()
    result = singletons_info(emu.context({"cluster": "gcp-db"}), {"cloudwatch": CloudWatch, "prometheus": Prometheus},
                             "exports")
    assert result["changed"] is False
    assert result["exports"]["cloudwatch"] == {}  # not on AWS: no request
    assert result["exports"]["prometheus"]["status"] == "ENABLED"
    assert emu.operations(mark) == ["ListClusters", "GetPrometheusMetricExportInfo"]


def test_several_singletons_in_a_scope_of_their_own(emu):
    emu.cluster("web-app")
    with pytest.raises(InvalidInput, match="^metric export is only available on dedicated clusters; cluster web-app is "
                                           "serverless$"):
        singletons_info(emu.context({"cluster": "web-app"}), {"prometheus": Prometheus}, "exports",
                        scope=dedicated_cluster("metric export"))
    with pytest.raises(ClusterNotFound, match="^no cluster with id 5d56c004-1ae9-4f72-9fc8-ed1a0cda3957$"):
        singletons_info(emu.context({"cluster": "5d56c004-1ae9-4f72-9fc8-ed1a0cda3957"}), {"prometheus": Prometheus},
                        "exports", scope=dedicated_cluster("metric export"))
