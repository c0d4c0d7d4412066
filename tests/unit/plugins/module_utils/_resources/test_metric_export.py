# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The metric exports of metric_export (CloudWatch, Datadog, Prometheus) on the in-process
emulator: enable, update (the whole configuration sent again), disable, the three types on
one cluster independently, the write-only Datadog key, clusters that cannot have an export,
input checks, a failed export, and cockroach_metric_export_info."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible.module_utils.common.arg_spec import ArgumentSpecValidator

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import WaitTimeout
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import InvalidInput
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.metric_export import (
    metric_export_info,
    metric_export_task,
)
from ansible_collections.cockroachdb.cloud.plugins.modules import cockroach_metric_export_info as info_module
from ansible_collections.cockroachdb.cloud.plugins.modules.cockroach_metric_export import ARGUMENT_SPEC

ARN = "arn:aws:iam::123456789012:role/cockroach-metrics"
KEY = "dd0123456789abcdef0123456789wxyz"
OTHER_KEY = "dd9999999999999999999999999999ff"


def task(spec=None, **given):
    """The task's parameters as the module's argument spec makes them."""
    validated = ArgumentSpecValidator(spec or ARGUMENT_SPEC).validate(given)
    assert not validated.error_messages, validated.error_messages
    return validated.validated_parameters


def run(emulator, check_mode=False, **given):
    given.setdefault("cluster", "orders-db")
    return metric_export_task(emulator.context(task(**given), check_mode=check_mode))


def read_info(emulator, **given):
    return metric_export_info(emulator.context(task(info_module.ARGUMENT_SPEC, **given)))


@pytest.fixture
def orders_db(emulator):
    """A dedicated AWS cluster; ``path(type)`` is the path of its export of that type."""
    cluster = emulator.cluster("orders-db", plan="DEDICATED", provider="AWS")
    cluster["path"] = lambda kind: "/api/v1/clusters/%s/metricexport/%s" % (cluster["id"], kind)
    return cluster


def record(emulator, cluster, kind):
    """The emulator's own record of the cluster's export of ``kind``."""
    return emulator.children(cluster["id"], "metric_export")[kind]


# -- CloudWatch: the whole cycle -------------------------------------------------------------------

def test_cloudwatch_enable_rerun_update_disable(emulator, orders_db):
    path = orders_db["path"]("cloudwatch")
    options = dict(type="cloudwatch", role_arn=ARN, target_region="us-east-1")
    mark = emulator.mark()
    predicted = run(emulator, check_mode=True, **options)
    assert emulator.operations(mark) == ["ListClusters", "GetCloudWatchMetricExportInfo"]

    mark = emulator.mark()
    sleeps = len(emulator.clock.sleeps)
    enabled = run(emulator, **options)
    assert emulator.since(mark) == [("GET", "/api/v1/clusters", 200), ("GET", path, 404), ("POST", path, 200),
                                    ("GET", path, 200), ("GET", path, 200)]
    assert emulator.sent(mark) == [("EnableCloudWatchMetricExport", path,
                                    {"role_arn": ARN, "target_region": "us-east-1"})]
    assert emulator.clock.sleeps[sleeps:] == [1.0]  # ENABLING for a second
    assert enabled["changed"] is True
    assert enabled["metric_export"] == {"cluster_id": orders_db["id"], "status": "ENABLED", "role_arn": ARN,
                                        "target_region": "us-east-1"}
    assert enabled["diff"] == {"before": {}, "after": {"type": "cloudwatch", "role_arn": ARN,
                                                       "target_region": "us-east-1"}}
    assert predicted["diff"] == enabled["diff"] and predicted["metric_export"] == enabled["metric_export"]

    mark = emulator.mark()
    again = run(emulator, **options)
    assert again["changed"] is False and again["diff"]["before"] == again["diff"]["after"] == enabled["diff"]["after"]
    assert emulator.operations(mark) == ["ListClusters", "GetCloudWatchMetricExportInfo"]

    mark = emulator.mark()
    predicted = run(emulator, check_mode=True, type="cloudwatch", log_group_name="orders-metrics")
    assert emulator.mutations(mark) == []
    updated = run(emulator, type="cloudwatch", log_group_name="orders-metrics")
    # The whole configuration goes again: the POST replaces it.
    assert emulator.sent(mark) == [("EnableCloudWatchMetricExport", path, {
        "role_arn": ARN, "target_region": "us-east-1", "log_group_name": "orders-metrics"})]
    assert updated["changed"] is True and updated["metric_export"]["status"] == "ENABLED"
    assert updated["diff"] == {"before": {"type": "cloudwatch"},
                               "after": {"type": "cloudwatch", "log_group_name": "orders-metrics"}}
    assert predicted["diff"] == updated["diff"]

    mark = emulator.mark()
    predicted = run(emulator, check_mode=True, type="cloudwatch", state="absent")
    assert emulator.mutations(mark) == []
    mark = emulator.mark()
    disabled = run(emulator, type="cloudwatch", state="absent")
    assert emulator.since(mark) == [("GET", "/api/v1/clusters", 200), ("GET", path, 200), ("DELETE", path, 200),
                                    ("GET", path, 200), ("GET", path, 404)]
    assert disabled == predicted
    assert disabled["changed"] is True and disabled["metric_export"] == {}
    assert disabled["diff"]["before"]["role_arn"] == ARN and disabled["diff"]["after"] == {}
    mark = emulator.mark()
    assert run(emulator, type="cloudwatch", state="absent") == {
        "changed": False, "metric_export": {}, "diff": {"before": {}, "after": {}}}
    assert emulator.operations(mark) == ["ListClusters", "GetCloudWatchMetricExportInfo"]


def test_a_change_while_enabling_waits_for_it_first(emulator, orders_db):
    path = orders_db["path"]("cloudwatch")
    first = run(emulator, type="cloudwatch", role_arn=ARN, wait=False)
    assert first["metric_export"]["status"] == "ENABLING"
    mark = emulator.mark()
    result = run(emulator, type="cloudwatch", role_arn=ARN, target_region="eu-west-1")
    # The service answers 409 to a change while ENABLING: the task waits, then sends it.
    assert emulator.since(mark) == [("GET", "/api/v1/clusters", 200), ("GET", path, 200), ("GET", path, 200),
                                    ("GET", path, 200), ("POST", path, 200), ("GET", path, 200), ("GET", path, 200)]
    assert result["metric_export"]["target_region"] == "eu-west-1" and result["metric_export"]["status"] == "ENABLED"


# -- Datadog: the write-only API key -----------------------------------------------------------------

def test_datadog_key_is_sent_at_creation_and_with_every_change_never_shown(emulator, orders_db):
    path = orders_db["path"]("datadog")
    predicted = run(emulator, check_mode=True, type="datadog", datadog_api_key=KEY)
    mark = emulator.mark()
    enabled = run(emulator, type="datadog", datadog_api_key=KEY)
    assert emulator.sent(mark) == [("EnableDatadogMetricExport", path, {"api_key": KEY})]
    assert enabled["metric_export"] == {"cluster_id": orders_db["id"], "status": "ENABLED", "site": "US1",
                                        "api_key": "********"}
    assert enabled["diff"] == {"before": {}, "after": {"type": "datadog", "datadog_api_key": "********"}}
    assert predicted["diff"] == enabled["diff"] and predicted["metric_export"] == enabled["metric_export"]
    assert KEY not in repr(enabled) and KEY[-4:] not in repr(enabled)

    # on_create: the key is not compared (the service never returns it), so no change.
    mark = emulator.mark()
    assert run(emulator, type="datadog", datadog_api_key=OTHER_KEY)["changed"] is False
    assert emulator.operations(mark) == ["ListClusters", "GetDatadogMetricExportInfo"]

    # always: sent on every run.
    mark = emulator.mark()
    rotated = run(emulator, type="datadog", datadog_api_key=OTHER_KEY, update_datadog_api_key="always")
    assert rotated["changed"] is True
    assert emulator.sent(mark) == [("EnableDatadogMetricExport", path, {"site": "US1", "api_key": OTHER_KEY})]
    assert rotated["diff"] == {"before": {"type": "datadog"}, "after": {"type": "datadog", "datadog_api_key": "********"}}

    # A site change needs the key (the API takes it with every change): refused without it.
    mark = emulator.mark()
    with pytest.raises(InvalidInput) as refused:
        run(emulator, type="datadog", site="EU1")
    assert str(refused.value) == ("to change the Datadog metric export of cluster orders-db (site), also give "
                                  "datadog_api_key: the service takes the key with every change and never returns it")
    assert emulator.mutations(mark) == []
    mark = emulator.mark()
    moved = run(emulator, type="datadog", site="EU1", datadog_api_key=OTHER_KEY)
    assert emulator.sent(mark) == [("EnableDatadogMetricExport", path, {"site": "EU1", "api_key": OTHER_KEY})]
    assert moved["diff"] == {"before": {"type": "datadog", "site": "US1"},
                             "after": {"type": "datadog", "site": "EU1", "datadog_api_key": "********"}}
    assert moved["metric_export"]["site"] == "EU1" and moved["metric_export"]["api_key"] == "********"


# -- Prometheus, and the three types on one cluster ---------------------------------------------------

def test_prometheus_takes_no_body_and_returns_its_scrape_targets(emulator, orders_db):
    path = orders_db["path"]("prometheus")
    mark = emulator.mark()
    predicted = run(emulator, check_mode=True, type="prometheus")
    enabled = run(emulator, type="prometheus")
    assert emulator.sent(mark) == [("EnablePrometheusMetricExport", path, None)]
    assert enabled["metric_export"]["status"] == "ENABLED"
    assert sorted(enabled["metric_export"]["targets"]) == ["us-east-1"]
    assert enabled["diff"] == predicted["diff"] == {"before": {}, "after": {"type": "prometheus"}}
    assert predicted["metric_export"] == {"cluster_id": orders_db["id"], "status": "ENABLED"}
    mark = emulator.mark()
    assert run(emulator, type="prometheus")["changed"] is False
    assert emulator.mutations(mark) == []


def test_the_three_types_are_independent(emulator, orders_db):
    run(emulator, type="cloudwatch", role_arn=ARN)
    run(emulator, type="datadog", datadog_api_key=KEY)
    run(emulator, type="prometheus")
    mark = emulator.mark()
    assert run(emulator, type="datadog", state="absent")["changed"] is True
    assert emulator.mutations(mark) == ["DeleteDatadogMetricExport"]
    exports = read_info(emulator, cluster="orders-db")["metric_exports"]
    assert exports["datadog"] == {}
    assert exports["cloudwatch"]["status"] == exports["prometheus"]["status"] == "ENABLED"
    mark = emulator.mark()
    assert run(emulator, type="cloudwatch", role_arn=ARN)["changed"] is False
    assert run(emulator, type="prometheus")["changed"] is False
    assert emulator.mutations(mark) == []


# -- clusters that cannot have one --------------------------------------------------------------------

def test_cloudwatch_on_a_cluster_not_on_aws_is_refused_before_its_read(emulator):
    emulator.cluster("gcp-db", plan="DEDICATED", provider="GCP")
    message = ("^CloudWatch metric export is only available for clusters on AWS; cluster gcp-db is on GCP "
               r"\(use type datadog or prometheus\)$")
    for state in ("present", "absent"):
        mark = emulator.mark()
        with pytest.raises(InvalidInput, match=message):
            run(emulator, cluster="gcp-db", type="cloudwatch", role_arn=ARN, state=state)
        assert emulator.operations(mark) == ["ListClusters"]
    assert run(emulator, cluster="gcp-db", type="prometheus")["changed"] is True  # the others are there
    mark = emulator.mark()
    exports = read_info(emulator, cluster="gcp-db")["metric_exports"]
    assert exports["cloudwatch"] == {} and exports["datadog"] == {} and exports["prometheus"]["status"] == "ENABLED"
    assert emulator.operations(mark) == ["ListClusters", "GetDatadogMetricExportInfo", "GetPrometheusMetricExportInfo"]


@pytest.mark.parametrize("kind, options, feature", [
    ("cloudwatch", dict(role_arn=ARN), "CloudWatch metric export"),
    ("datadog", dict(datadog_api_key=KEY), "Datadog metric export"),
    ("prometheus", dict(), "Prometheus metric export"),
    ("prometheus", dict(state="absent"), "Prometheus metric export"),
])
def test_serverless_clusters_are_refused_before_any_change(emulator, kind, options, feature):
    emulator.cluster("web-app")
    mark = emulator.mark()
    with pytest.raises(InvalidInput, match="^%s is only available on dedicated clusters; cluster web-app is "
                                           "serverless$" % feature):
        run(emulator, cluster="web-app", type=kind, **options)
    assert emulator.operations(mark) == ["ListClusters"]


def test_info_on_a_serverless_cluster_names_the_feature(emulator):
    emulator.cluster("web-app")
    with pytest.raises(InvalidInput, match="^metric export is only available on dedicated clusters"):
        read_info(emulator, cluster="web-app")
    with pytest.raises(InvalidInput, match="^Datadog metric export is only available on dedicated clusters"):
        read_info(emulator, cluster="web-app", type="datadog")


# -- input checks --------------------------------------------------------------------------------------

@pytest.mark.parametrize("given, message", [
    (dict(type="cloudwatch", role_arn="arn:aws:iam::123:role/x"),
     "role_arn must be the ARN of an AWS IAM role that CockroachDB Cloud can assume, such as "
     "arn:aws:iam::123456789012:role/cockroach-metrics; got 'arn:aws:iam::123:role/x'"),
    (dict(type="cloudwatch", role_arn=ARN, target_region="Virginia"),
     "target_region must be an AWS region such as us-east-1, got 'Virginia'"),
    (dict(type="cloudwatch", role_arn=ARN, log_group_name=" "), "log_group_name must not be empty"),
    (dict(type="datadog", datadog_api_key=KEY, role_arn=ARN),
     "role_arn only applies with type=cloudwatch, not with type=datadog: leave it out"),
    (dict(type="cloudwatch", role_arn=ARN, datadog_api_key=KEY, site="EU1"),
     "datadog_api_key and site only apply with type=datadog, not with type=cloudwatch: leave them out"),
    (dict(type="prometheus", target_region="us-east-1"),
     "target_region only applies with type=cloudwatch, not with type=prometheus: leave it out"),
    (dict(type="cloudwatch", role_arn=ARN, update_datadog_api_key="always"),
     "update_datadog_api_key only applies with type=datadog, not with type=cloudwatch: leave it out"),
    (dict(type="cloudwatch", state="absent", site="EU1"),
     "site only applies with type=datadog, not with type=cloudwatch: leave it out"),
    (dict(type="datadog", datadog_api_key="  "), "datadog_api_key must not be empty: give a Datadog API key"),
    (dict(type="datadog", update_datadog_api_key="always"), "update_datadog_api_key=always needs a datadog_api_key"),
    (dict(type="prometheus", cluster=" "), "cluster must not be empty"),
])
def test_input_checks_need_no_request(emulator, orders_db, given, message):
    mark = emulator.mark()
    with pytest.raises(InvalidInput) as info:
        run(emulator, **given)
    assert str(info.value).startswith(message)
    assert emulator.since(mark) == []


@pytest.mark.parametrize("kind, option", [("cloudwatch", "role_arn"), ("datadog", "datadog_api_key")])
def test_to_enable_one_its_credentials_are_needed(emulator, orders_db, kind, option):
    mark = emulator.mark()
    with pytest.raises(InvalidInput, match="^to set up %s metric export of cluster orders-db, also give: %s$"
                                           % ("CloudWatch" if kind == "cloudwatch" else "Datadog", option)):
        run(emulator, type=kind)
    assert emulator.mutations(mark) == []


def test_check_mode_on_a_cluster_not_created_yet_predicts_with_a_warning(emulator):
    ctx = emulator.context(task(cluster="new-cluster", type="cloudwatch", role_arn=ARN), check_mode=True)
    result = metric_export_task(ctx)
    assert result["changed"] is True and result["metric_export"] == {"status": "ENABLED", "role_arn": ARN}
    assert len(ctx.warnings) == 1 and "in check mode this task predicts its change" in ctx.warnings[0]


# -- a failed export ------------------------------------------------------------------------------------

def test_an_export_that_ends_in_error_fails_the_task_clearly(emulator, orders_db):
    def fail_it(_seconds):
        export = emulator.children(orders_db["id"], "metric_export").get("datadog")
        if export and export.get("_then"):
            export["_then"] = {"status": "ERROR"}

    emulator.clock.on_sleep = fail_it
    with pytest.raises(WaitTimeout) as info:
        run(emulator, type="datadog", datadog_api_key=KEY)
    assert str(info.value) == "Datadog metric export of cluster orders-db failed: status ERROR"
    assert info.value.timed_out is False
    assert info.value.result["changed"] is True and info.value.result["metric_export"]["status"] == "ERROR"
    # What the task reports as last seen shows no part of the key (the API's masked form is masked again).
    assert info.value.last["api_key"] == info.value.result["metric_export"]["api_key"] == "********"


def test_a_rerun_on_an_export_in_error_fails_and_a_new_configuration_replaces_it(emulator, orders_db):
    run(emulator, type="cloudwatch", role_arn=ARN)
    emulator.control("POST", "clusters/%s/records/metric_export/cloudwatch" % orders_db["id"],
                     {"status": "ENABLE_FAILED"})
    mark = emulator.mark()
    with pytest.raises(WaitTimeout, match="^CloudWatch metric export of cluster orders-db failed: status ENABLE_FAILED$"):
        run(emulator, type="cloudwatch", role_arn=ARN)
    assert emulator.mutations(mark) == []
    mark = emulator.mark()
    fixed = run(emulator, type="cloudwatch", role_arn=ARN, target_region="us-west-2")
    assert emulator.mutations(mark) == ["EnableCloudWatchMetricExport"]
    assert fixed["metric_export"]["status"] == "ENABLED"
    assert record(emulator, orders_db, "cloudwatch")["target_region"] == "us-west-2"


# -- cockroach_metric_export_info --------------------------------------------------------------------------

def test_info_reads_each_type_once_or_the_one_asked_for(emulator, orders_db):
    mark = emulator.mark()
    assert read_info(emulator, cluster="orders-db") == {
        "changed": False, "metric_exports": {"cloudwatch": {}, "datadog": {}, "prometheus": {}}}
    assert emulator.operations(mark) == ["ListClusters", "GetCloudWatchMetricExportInfo", "GetDatadogMetricExportInfo",
                                         "GetPrometheusMetricExportInfo"]
    run(emulator, type="datadog", datadog_api_key=KEY)
    mark = emulator.mark()
    only = read_info(emulator, cluster=orders_db["id"], type="datadog")
    assert only == {"changed": False, "metric_exports": {"datadog": {
        "cluster_id": orders_db["id"], "status": "ENABLED", "site": "US1", "api_key": "********"}}}
    assert emulator.operations(mark) == ["GetCluster", "GetDatadogMetricExportInfo"]


# -- the live wire format ------------------------------------------------------------------------------------

@pytest.fixture
def live_db(live):
    cluster = live.cluster("orders-db", plan="DEDICATED", provider="AWS")
    cluster["path"] = lambda kind: "/api/v1/clusters/%s/metricexport/%s" % (cluster["id"], kind)
    return cluster


def test_live_cloudwatch_enable_rerun_update_disable(live, live_db):
    path = live_db["path"]("cloudwatch")
    predicted = run(live, check_mode=True, type="cloudwatch", role_arn=ARN)
    mark = live.mark()
    enabled = run(live, type="cloudwatch", role_arn=ARN)
    assert live.sent(mark) == [("EnableCloudWatchMetricExport", path, {"role_arn": ARN})]
    assert enabled["metric_export"] == {"cluster_id": live_db["id"], "status": "ENABLED", "role_arn": ARN}
    assert enabled["diff"] == predicted["diff"] == {"before": {}, "after": {"type": "cloudwatch", "role_arn": ARN}}
    assert predicted["metric_export"] == enabled["metric_export"]
    mark = live.mark()
    assert run(live, type="cloudwatch", role_arn=ARN)["changed"] is False
    assert live.mutations(mark) == []
    mark = live.mark()
    updated = run(live, type="cloudwatch", target_region="us-west-2", log_group_name="orders")
    assert live.sent(mark) == [("EnableCloudWatchMetricExport", path,
                                {"role_arn": ARN, "target_region": "us-west-2", "log_group_name": "orders"})]
    assert updated["diff"] == {"before": {"type": "cloudwatch"},
                               "after": {"type": "cloudwatch", "target_region": "us-west-2", "log_group_name": "orders"}}
    mark = live.mark()
    disabled = run(live, type="cloudwatch", state="absent")
    assert live.sent(mark) == [("DeleteCloudWatchMetricExport", path, None)]
    assert disabled["changed"] is True and disabled["metric_export"] == {}
    assert run(live, type="cloudwatch", state="absent")["changed"] is False


def test_live_datadog_sends_the_site_the_service_needs(live, live_db):
    path = live_db["path"]("datadog")
    predicted = run(live, check_mode=True, type="datadog", datadog_api_key=KEY)
    mark = live.mark()
    enabled = run(live, type="datadog", datadog_api_key=KEY)
    assert live.sent(mark) == [("EnableDatadogMetricExport", path, {"api_key": KEY, "site": "US1"})]
    assert enabled["metric_export"] == predicted["metric_export"] == {
        "cluster_id": live_db["id"], "status": "ENABLED", "site": "US1", "api_key": "********"}
    assert enabled["diff"] == predicted["diff"]
    mark = live.mark()
    assert run(live, type="datadog", datadog_api_key=KEY, site="US1")["changed"] is False
    assert live.mutations(mark) == []
    moved = run(live, type="datadog", site="EU1", datadog_api_key=OTHER_KEY)
    assert live.sent(mark) == [("EnableDatadogMetricExport", path, {"site": "EU1", "api_key": OTHER_KEY})]
    assert moved["diff"] == {"before": {"type": "datadog", "site": "US1"},
                             "after": {"type": "datadog", "site": "EU1", "datadog_api_key": "********"}}


def test_live_refuses_a_site_the_service_has_not(live, live_db):
    mark = live.mark()
    with pytest.raises(InvalidInput) as refused:
        run(live, type="datadog", datadog_api_key=KEY, site="AP1")
    assert str(refused.value) == ("site AP1 is not one the CockroachDB Cloud service takes: use one of "
                                  "US1, US3, US5, US1_GOV, EU1")
    assert live.mutations(mark) == []


def test_live_prometheus_and_info(live, live_db):
    mark = live.mark()
    enabled = run(live, type="prometheus")
    assert live.sent(mark) == [("EnablePrometheusMetricExport", live_db["path"]("prometheus"), None)]
    assert sorted(enabled["metric_export"]["targets"]) == ["us-east-1"]
    assert run(live, type="prometheus")["changed"] is False
    found = read_info(live, cluster="orders-db")["metric_exports"]
    assert found["cloudwatch"] == found["datadog"] == {} and found["prometheus"] == enabled["metric_export"]
    assert run(live, type="prometheus", state="absent")["changed"] is True


def test_live_a_change_keeps_the_cloudwatch_external_id_set_elsewhere(live, live_db):
    path = live_db["path"]("cloudwatch")
    live.admin.post(path, {"role_arn": ARN, "external_id": "ext-1"})
    live.clock.sleep(5)
    mark = live.mark()
    assert run(live, type="cloudwatch", role_arn=ARN)["changed"] is False
    result = run(live, type="cloudwatch", target_region="us-west-2")
    assert live.sent(mark) == [("EnableCloudWatchMetricExport", path,
                                {"role_arn": ARN, "target_region": "us-west-2", "external_id": "ext-1"})]
    assert result["metric_export"]["external_id"] == "ext-1"
