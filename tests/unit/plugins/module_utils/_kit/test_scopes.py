# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""_kit.scopes: a cluster named once, read only when needed, waited for before the first
change only; a cluster that does not exist; dedicated-only features."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.cockroachdb.cloud.plugins.module_utils._clusters import ClusterNotFound
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import InvalidInput
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.collection import Collection
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.fields import Field, Fields
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.scopes import ClusterScope, dedicated_cluster


class Databases(Collection):
    kind = "database"
    scope = ClusterScope
    path = "databases"
    items = "databases"
    fields = Fields(Field("name", update=False))


class DedicatedDatabases(Databases):
    scope = dedicated_cluster("the thing")


def run(emu, check_mode=False, description=Databases, **params):
    merged = dict(cluster="web-app", name="orders", state="present", wait=True, wait_timeout=600)
    merged.update(params)
    return description(emu.context(merged, check_mode=check_mode)).run()


def test_a_cluster_given_by_id_is_not_read_on_a_no_op(emu):
    cluster = emu.cluster("web-app")
    run(emu, cluster=cluster["id"])
    mark = emu.mark()
    assert run(emu, cluster=cluster["id"])["changed"] is False
    assert emu.operations(mark) == ["ListDatabases"]


def test_a_cluster_given_by_name_costs_one_listing(emu):
    emu.cluster("web-app")
    run(emu)
    mark = emu.mark()
    assert run(emu)["changed"] is False
    assert emu.operations(mark) == ["ListClusters", "ListDatabases"]


def test_a_busy_cluster_is_waited_for_before_the_first_change_only(emu):
    cluster = emu.cluster("web-app", settle=False)  # CREATING for 1 s on the fake clock
    mark = emu.mark()
    assert run(emu, cluster=cluster["id"], check_mode=True)["changed"] is True
    assert emu.clock.sleeps == []  # check mode never waits
    result = run(emu, cluster=cluster["id"])
    assert result["changed"] is True
    assert emu.clock.sleeps  # waited for CREATED, then created the database
    assert emu.mutations(mark) == ["CreateDatabase"]
    assert all(status != 503 for _method, _path, status in emu.since(mark))


def test_an_unknown_cluster(emu):
    mark = emu.mark()
    with pytest.raises(ClusterNotFound, match="^no cluster named 'web-app' among 0 clusters"):
        run(emu)
    with pytest.raises(ClusterNotFound, match="^no cluster with id 5d56c004-1ae9-4f72-9fc8-ed1a0cda3957$"):
        run(emu, cluster="5d56c004-1ae9-4f72-9fc8-ed1a0cda3957")
    assert run(emu, state="absent")["changed"] is False
    assert emu.mutations(mark) == []


def test_check_mode_on_a_cluster_not_created_yet_predicts_and_warns(emu):
    ctx = emu.context(dict(cluster="web-app", name="orders", state="present", wait=True, wait_timeout=600),
                      check_mode=True)
    result = Databases(ctx).run()
    assert result["changed"] is True and result["database"] == {"name": "orders"}
    assert len(ctx.warnings) == 1
    assert ctx.warnings[0].startswith("no cluster named 'web-app' among 0 clusters; in check "
                                      "mode this task predicts its change as on a new, empty cluster")


def test_an_empty_cluster_option_is_refused_before_any_request(emu):
    mark = emu.mark()
    with pytest.raises(InvalidInput, match="^cluster must not be empty"):
        run(emu, cluster=" ")
    assert emu.since(mark) == []


def test_a_dedicated_only_feature_is_refused_on_a_serverless_cluster(emu):
    emu.cluster("web-app")
    mark = emu.mark()
    with pytest.raises(InvalidInput, match="^the thing is only available on dedicated clusters; cluster web-app is "
                                           "serverless$"):
        run(emu, description=DedicatedDatabases)
    assert emu.operations(mark) == ["ListClusters"]
    emu.cluster("orders-db", plan="DEDICATED", provider="AWS")
    assert run(emu, description=DedicatedDatabases, cluster="orders-db")["changed"] is True


def test_the_items_of_a_loop_list_the_clusters_once(emu):
    emu.cluster("web-app")
    params = dict(cluster="web-app", state="present", wait=True, wait_timeout=600)
    mark = emu.mark()
    for index, name in enumerate(("a", "b", "c")):
        ctx = emu.context(dict(params, name=name), same_process=index > 0)
        assert Databases(ctx).run()["changed"] is True
    # The first item finds the cluster by name; the next ones read it by id before their change.
    assert emu.operations(mark) == ["ListClusters", "ListDatabases", "CreateDatabase",
                                    "ListDatabases", "GetCluster", "CreateDatabase",
                                    "ListDatabases", "GetCluster", "CreateDatabase"]
    # A new task (another process) looks the name up again.
    mark = emu.mark()
    Databases(emu.context(dict(params, name="a"))).run()
    assert emu.operations(mark) == ["ListClusters", "ListDatabases"]


def test_a_cluster_deleted_during_a_loop_is_reported_by_name(emu):
    cluster = emu.cluster("web-app")
    params = dict(cluster="web-app", state="present", wait=True, wait_timeout=600)
    Databases(emu.context(dict(params, name="a"))).run()
    emu.admin.delete("/api/v1/clusters/%s" % cluster["id"])
    with pytest.raises(ClusterNotFound, match="no cluster named 'web-app' any more"):
        Databases(emu.context(dict(params, name="b"), same_process=True)).run()
    with pytest.raises(ClusterNotFound, match="no cluster named 'web-app' among"):
        Databases(emu.context(dict(params, name="b"), same_process=True)).run()
