# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""_kit.info: the reading side of a description."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.cockroachdb.cloud.plugins.module_utils._clusters import ClusterNotFound
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import InvalidInput
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.collection import Collection
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.info import listing_info, singleton_info
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.scopes import ClusterScope
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.singleton import Singleton


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
