# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""log_export.LogExport on the in-process emulator: enable, update (the whole
configuration sent again), disable, their waits on the fake clock, the type that fits the
cluster's provider, serverless clusters, input checks, and a failed enable."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import WaitTimeout
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import InvalidInput
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.info import singleton_info
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.log_export import LogExport
from ansible_collections.cockroachdb.cloud.plugins.modules import cockroach_log_export
from ansible_collections.cockroachdb.cloud.tests.unit.emulator import task_params

ARN = "arn:aws:iam::123456789012:role/cockroach-logs"
AUDIT = {"log_name": "orders-audit", "channels": ["USER_ADMIN", "PRIVILEGES"]}


def task(**given):
    """The task's parameters as cockroach_log_export's argument spec makes them."""
    return task_params(cockroach_log_export, **given)


def run(emulator, check_mode=False, **given):
    given.setdefault("cluster", "orders-db")
    return LogExport(emulator.context(task(**given), check_mode=check_mode)).run()


@pytest.fixture
def orders_db(emulator):
    """A dedicated AWS cluster; ``base`` is its log export's path."""
    cluster = emulator.cluster("orders-db", plan="DEDICATED", provider="AWS")
    cluster["base"] = "/api/v1/clusters/%s/logexport" % cluster["id"]
    return cluster


def enabled(emulator, cluster, **spec):
    """Enable a log export through the API and let it settle; returns it."""
    emulator.admin.post(cluster["base"], dict({"type": "AWS_CLOUDWATCH", "auth_principal": ARN}, **spec))
    emulator.clock.sleep(5)
    return emulator.admin.get(cluster["base"])


def record(emulator, cluster):
    """The emulator's own record of the cluster's log export."""
    return emulator.children(cluster["id"], "log_export")["config"]


def volatile_free(export):
    return dict((k, v) for k, v in export.items() if k not in ("created_at", "updated_at"))


def test_enable_with_the_type_of_the_provider_then_rerun(emulator, orders_db):
    options = dict(auth_principal=ARN, log_name="orders", omitted_channels=["SESSIONS", "DEV"], groups=[AUDIT])
    mark = emulator.mark()
    predicted = run(emulator, check_mode=True, **options)
    assert emulator.operations(mark) == ["ListClusters", "GetLogExportInfo"]

    mark = emulator.mark()
    sleeps = len(emulator.clock.sleeps)
    result = run(emulator, **options)
    path = orders_db["base"]
    assert emulator.since(mark) == [("GET", "/api/v1/clusters", 200), ("GET", path, 404), ("POST", path, 200),
                                    ("GET", path, 200), ("GET", path, 200)]
    group = {"log_name": "orders-audit", "channels": ["PRIVILEGES", "USER_ADMIN"], "min_level": "INFO", "redact": False}
    assert emulator.sent(mark) == [("EnableLogExport", path, {
        "type": "AWS_CLOUDWATCH", "log_name": "orders", "auth_principal": ARN, "omitted_channels": ["DEV", "SESSIONS"],
        "groups": [group]})]
    assert emulator.clock.sleeps[sleeps:] == [1.0]  # ENABLING for a second
    export = result["log_export"]
    assert result["changed"] is True and export["status"] == "ENABLED"
    assert export == emulator.admin.get(path)
    assert export["spec"] == {"type": "AWS_CLOUDWATCH", "log_name": "orders", "auth_principal": ARN, "redact": False,
                              "omitted_channels": ["DEV", "SESSIONS"], "groups": [group]}
    # The diff shows the options the task sets (the type was defaulted, redact left to the service).
    assert result["diff"] == {"before": {}, "after": {
        "log_name": "orders", "auth_principal": ARN, "omitted_channels": ["DEV", "SESSIONS"], "groups": [group]}}
    assert predicted["diff"] == result["diff"]
    assert volatile_free(predicted["log_export"]) == volatile_free(export)

    mark = emulator.mark()
    again = run(emulator, **options)
    assert again["changed"] is False and again["diff"]["before"] == again["diff"]["after"] == result["diff"]["after"]
    assert emulator.operations(mark) == ["ListClusters", "GetLogExportInfo"]


def test_the_type_defaults_to_the_gcp_one_on_gcp(emulator):
    cluster = emulator.cluster("logs-gcp", plan="DEDICATED", provider="GCP")
    mark = emulator.mark()
    result = run(emulator, cluster=cluster["id"], auth_principal="platform-logging")
    assert emulator.sent(mark)[0][2] == {"type": "GCP_CLOUD_LOGGING", "auth_principal": "platform-logging"}
    assert result["log_export"]["spec"]["type"] == "GCP_CLOUD_LOGGING"


def test_an_update_sends_the_whole_configuration_again(emulator, orders_db):
    enabled(emulator, orders_db, log_name="orders", omitted_channels=["SESSIONS"], region="us-east-1", groups=[AUDIT])
    mark = emulator.mark()
    predicted = run(emulator, check_mode=True, redact=True)
    mark = emulator.mark()
    result = run(emulator, redact=True)
    group = {"log_name": "orders-audit", "channels": ["PRIVILEGES", "USER_ADMIN"], "min_level": "INFO", "redact": False}
    assert emulator.sent(mark) == [("EnableLogExport", orders_db["base"], {
        "type": "AWS_CLOUDWATCH", "log_name": "orders", "auth_principal": ARN, "region": "us-east-1", "redact": True,
        "omitted_channels": ["SESSIONS"], "groups": [group]})]
    assert emulator.operations(mark)[-2:] == ["GetLogExportInfo", "GetLogExportInfo"]  # ENABLING, then ENABLED
    assert result["log_export"]["status"] == "ENABLED" and result["log_export"]["spec"]["redact"] is True
    assert (result["diff"]["before"]["redact"], result["diff"]["after"]["redact"]) == (False, True)
    assert dict(result["diff"]["before"], redact=True) == result["diff"]["after"]
    assert predicted["diff"] == result["diff"]
    mark = emulator.mark()
    assert run(emulator, redact=True)["changed"] is False
    assert emulator.mutations(mark) == []


def test_a_change_while_enabling_waits_for_it_first(emulator, orders_db):
    first = run(emulator, auth_principal=ARN, wait=False)
    assert first["log_export"]["status"] == "ENABLING" and emulator.clock.sleeps == [60]
    mark = emulator.mark()
    result = run(emulator, auth_principal=ARN, log_name="other")
    # The service answers 409 to a change while ENABLING: the task waits, then sends it.
    assert emulator.since(mark) == [("GET", "/api/v1/clusters", 200), ("GET", orders_db["base"], 200),
                                    ("GET", orders_db["base"], 200), ("GET", orders_db["base"], 200),
                                    ("POST", orders_db["base"], 200), ("GET", orders_db["base"], 200),
                                    ("GET", orders_db["base"], 200)]
    assert result["log_export"]["spec"]["log_name"] == "other" and result["log_export"]["status"] == "ENABLED"


def test_disable_waits_until_it_is_gone(emulator, orders_db):
    enabled(emulator, orders_db)
    mark = emulator.mark()
    predicted = run(emulator, check_mode=True, state="absent")
    assert emulator.mutations(mark) == []
    mark = emulator.mark()
    sleeps = len(emulator.clock.sleeps)
    result = run(emulator, state="absent")
    path = orders_db["base"]
    assert emulator.since(mark) == [("GET", "/api/v1/clusters", 200), ("GET", path, 200), ("DELETE", path, 200),
                                    ("GET", path, 200), ("GET", path, 404)]
    assert emulator.clock.sleeps[sleeps:] == [1.0]  # DISABLING for a second
    assert result == predicted
    assert result["changed"] is True and result["log_export"] == {} and result["diff"]["after"] == {}
    assert result["diff"]["before"]["auth_principal"] == ARN
    mark = emulator.mark()
    assert run(emulator, state="absent") == {"changed": False, "log_export": {}, "diff": {"before": {}, "after": {}}}
    assert emulator.operations(mark) == ["ListClusters", "GetLogExportInfo"]


def test_a_type_that_does_not_fit_the_provider_is_refused_before_any_change(emulator, orders_db):
    mark = emulator.mark()
    with pytest.raises(InvalidInput) as info:
        run(emulator, type="GCP_CLOUD_LOGGING", auth_principal="platform-logging")
    assert str(info.value) == "type GCP_CLOUD_LOGGING does not fit cluster orders-db on AWS: use AWS_CLOUDWATCH"
    assert emulator.mutations(mark) == []


def test_azure_clusters_have_no_log_export(emulator):
    emulator.cluster("azure-db", plan="DEDICATED", provider="AZURE", dedicated={
        "region_nodes": {"eastus2": 3}, "hardware": {"machine_spec": {"num_virtual_cpus": 4}, "storage_gib": 15}})
    mark = emulator.mark()
    with pytest.raises(InvalidInput, match=r"^log export is not available for AZURE clusters \(cluster azure-db\)$"):
        run(emulator, cluster="azure-db", auth_principal=ARN)
    assert emulator.mutations(mark) == []


def test_serverless_clusters_are_refused_before_any_change(emulator):
    emulator.cluster("web-app")
    message = "^log export is only available on dedicated clusters; cluster web-app is serverless$"
    for given in (dict(auth_principal=ARN), dict(state="absent")):
        mark = emulator.mark()
        with pytest.raises(InvalidInput, match=message):
            run(emulator, cluster="web-app", **given)
        assert emulator.operations(mark) == ["ListClusters"]
    with pytest.raises(InvalidInput, match=message):
        singleton_info(emulator.context({"cluster": "web-app"}), LogExport, "log_export")


@pytest.mark.parametrize("given, message", [
    (dict(type="AWS_CLOUDWATCH", auth_principal="arn:aws:iam::123:role/x"),
     "auth_principal must be the ARN of an AWS IAM role, such as arn:aws:iam::123456789012:role/cockroach-logs, for "
     "type AWS_CLOUDWATCH; got 'arn:aws:iam::123:role/x'"),
    (dict(type="GCP_CLOUD_LOGGING", auth_principal="My_Project"),
     "auth_principal must be a GCP project id (6 to 30 lowercase letters, digits and dashes) for type "
     "GCP_CLOUD_LOGGING; got 'My_Project'"),
    (dict(auth_principal=ARN, omitted_channels=["SESSIONS", "NOISE"]),
     "omitted_channels: unknown log channel(s) NOISE; the channels are DEV, OPS"),
    (dict(auth_principal=ARN, omitted_channels=["DEV", "DEV"]), "omitted_channels must not repeat a channel"),
    (dict(auth_principal=ARN, groups=[AUDIT, dict(AUDIT, channels=["OPS"])]),
     "groups[1]: log_name 'orders-audit' is used by another group"),
    (dict(auth_principal=ARN, groups=[dict(AUDIT, channels=[])]), "groups[0].channels must name at least one log channel"),
    (dict(auth_principal=ARN, groups=[dict(AUDIT, channels=["SQL", "OPS"])]),
     "groups[0].channels: unknown log channel(s) SQL;"),
    (dict(auth_principal=ARN, groups=[dict(AUDIT, log_name="")]), "groups[0] needs a log_name"),
    (dict(type="AWS_CLOUDWATCH", auth_principal=ARN, region="US East"),
     "region must be an AWS region such as us-east-1, got 'US East'"),
    (dict(cluster=" ", auth_principal=ARN), "cluster must not be empty"),
])
def test_input_checks_need_no_request(emulator, orders_db, given, message):
    mark = emulator.mark()
    with pytest.raises(InvalidInput) as info:
        run(emulator, **given)
    assert message in str(info.value)
    assert emulator.since(mark) == []


def test_the_principal_is_checked_against_the_defaulted_type_before_any_change(emulator, orders_db):
    mark = emulator.mark()
    with pytest.raises(InvalidInput, match="^auth_principal must be the ARN of an AWS IAM role.*got 'platform-logging'$"):
        run(emulator, auth_principal="platform-logging")
    assert emulator.operations(mark) == ["ListClusters", "GetLogExportInfo"]


def test_an_update_checks_the_principal_before_any_request_that_changes(emulator, orders_db):
    enabled(emulator, orders_db)
    mark = emulator.mark()
    with pytest.raises(InvalidInput, match="auth_principal must be the ARN of an AWS IAM role"):
        run(emulator, auth_principal="not-an-arn")  # today: ApiError, HTTP 400 from EnableLogExport
    assert emulator.mutations(mark) == []


def test_the_region_is_checked_against_the_defaulted_type_before_any_change(emulator, orders_db):
    mark = emulator.mark()
    with pytest.raises(InvalidInput, match="region must be an AWS region"):
        run(emulator, auth_principal=ARN, region="US East")  # today: ApiError, HTTP 400 from EnableLogExport
    assert emulator.mutations(mark) == []


def test_to_set_it_up_a_principal_is_needed(emulator, orders_db):
    mark = emulator.mark()
    with pytest.raises(InvalidInput, match="^to set up log export of cluster orders-db, also give: auth_principal$"):
        run(emulator, log_name="orders")
    assert emulator.mutations(mark) == []


def test_check_mode_on_a_cluster_not_created_yet_predicts_with_a_warning(emulator):
    ctx = emulator.context(task(cluster="new-cluster", auth_principal=ARN), check_mode=True)
    result = LogExport(ctx).run()
    assert result["changed"] is True and result["log_export"]["status"] == "ENABLED"
    assert "cluster_id" not in result["log_export"] and result["log_export"]["spec"]["auth_principal"] == ARN
    assert len(ctx.warnings) == 1 and "in check mode this task predicts its change" in ctx.warnings[0]


# -- a failed enable -------------------------------------------------------------------------------

def test_enable_failed_ends_the_wait_with_a_clear_message(emulator, orders_db):
    def fail_it(_seconds):
        export = record(emulator, orders_db)
        if export.get("_then"):
            export["_then"] = {"status": "ENABLE_FAILED"}

    emulator.clock.on_sleep = fail_it
    with pytest.raises(WaitTimeout) as info:
        run(emulator, auth_principal=ARN)
    assert str(info.value) == "log export of cluster orders-db failed: status ENABLE_FAILED"
    assert info.value.timed_out is False
    assert info.value.result["changed"] is True
    assert info.value.result["log_export"]["status"] == "ENABLE_FAILED"
    assert emulator.clock.sleeps == [60, 1.0]  # one poll interval, not the whole wait_timeout


def test_a_failed_export_stops_a_rerun_and_a_new_configuration_replaces_it(emulator, orders_db):
    enabled(emulator, orders_db)
    record(emulator, orders_db)["status"] = "ENABLE_FAILED"
    sleeps = len(emulator.clock.sleeps)
    mark = emulator.mark()
    with pytest.raises(WaitTimeout, match="^log export of cluster orders-db failed: status ENABLE_FAILED$") as info:
        run(emulator, auth_principal=ARN)
    assert info.value.result is None  # nothing was changed
    assert emulator.mutations(mark) == [] and emulator.clock.sleeps[sleeps:] == []
    mark = emulator.mark()
    result = run(emulator, auth_principal=ARN, log_name="fixed")
    assert emulator.mutations(mark) == ["EnableLogExport"]
    assert result["log_export"]["status"] == "ENABLED"


# -- cockroach_log_export_info ------------------------------------------------------------------------

def test_info_is_the_export_or_empty(emulator, orders_db):
    mark = emulator.mark()
    assert singleton_info(emulator.context({"cluster": "orders-db"}), LogExport, "log_export") == {
        "changed": False, "log_export": {}}
    assert emulator.operations(mark) == ["ListClusters", "GetLogExportInfo"]
    export = enabled(emulator, orders_db)
    assert singleton_info(emulator.context({"cluster": orders_db["id"]}), LogExport, "log_export") == {
        "changed": False, "log_export": export}


# -- the live wire format ------------------------------------------------------------------------------------

@pytest.fixture
def live_db(live):
    cluster = live.cluster("orders-db", plan="DEDICATED", provider="AWS")
    cluster["base"] = "/api/v1/clusters/%s/logexport" % cluster["id"]
    return cluster


def test_live_enable_rerun_update_disable(live, live_db):
    path = live_db["base"]
    warn = dict(AUDIT, log_name="orders-warn", channels=["OPS"], min_level="WARNING")
    options = dict(auth_principal=ARN, omitted_channels=["SESSIONS"], groups=[AUDIT, warn])
    predicted = run(live, check_mode=True, **options)
    mark = live.mark()
    result = run(live, **options)
    audit = {"log_name": "orders-audit", "channels": ["PRIVILEGES", "USER_ADMIN"], "min_level": "UNSPECIFIED",
             "redact": False}
    warned = {"log_name": "orders-warn", "channels": ["OPS"], "min_level": "WARNING", "redact": False}
    # INFO is sent as the service's UNSPECIFIED; the log name the service needs is its default.
    assert live.sent(mark) == [("EnableLogExport", path, {
        "type": "AWS_CLOUDWATCH", "log_name": "cockroachdb", "auth_principal": ARN, "omitted_channels": ["SESSIONS"],
        "groups": [audit, warned]})]
    assert result["changed"] is True and result["log_export"]["spec"]["groups"] == [audit, warned]
    info_group = dict(audit, min_level="INFO")
    assert result["diff"] == {"before": {}, "after": {
        "auth_principal": ARN, "omitted_channels": ["SESSIONS"], "groups": [info_group, warned]}}
    assert predicted["diff"] == result["diff"]
    assert volatile_free(predicted["log_export"]) == volatile_free(result["log_export"])

    mark = live.mark()
    for level in ("INFO", "UNSPECIFIED"):  # one level, two words
        again_options = dict(options)
        again_options["groups"] = [dict(AUDIT, min_level=level), warn]
        again = run(live, **again_options)
        assert again["changed"] is False
        assert again["diff"]["before"] == again["diff"]["after"] == result["diff"]["after"]
    assert live.mutations(mark) == []

    mark = live.mark()
    predicted = run(live, check_mode=True, redact=True, log_name="orders")
    updated = run(live, redact=True, log_name="orders")
    assert live.sent(mark) == [("EnableLogExport", path, {
        "type": "AWS_CLOUDWATCH", "log_name": "orders", "auth_principal": ARN, "redact": True,
        "omitted_channels": ["SESSIONS"], "groups": [audit, warned]})]
    assert updated["diff"] == predicted["diff"] == {"before": {"log_name": "cockroachdb", "redact": False},
                                                    "after": {"log_name": "orders", "redact": True}}

    mark = live.mark()
    disabled = run(live, state="absent")
    assert live.sent(mark) == [("DeleteLogExport", path, None)]
    assert disabled["changed"] is True and disabled["log_export"] == {}
    assert run(live, state="absent")["changed"] is False


def test_live_answers_are_read_tolerantly(live, live_db):
    """The service may leave out a group's UNSPECIFIED level, false and empty values."""
    answer = {"cluster_id": live_db["id"], "status": "ENABLED",
              "spec": {"type": "AWS_CLOUDWATCH", "log_name": "orders", "auth_principal": ARN,
                       "groups": [{"log_name": "orders-audit", "channels": ["USER_ADMIN", "PRIVILEGES"]}]}}
    table = LogExport.fields.on("live")
    assert table.view(answer) == {"type": "AWS_CLOUDWATCH", "log_name": "orders", "auth_principal": ARN,
                                  "redact": False, "omitted_channels": [],
                                  "groups": [{"log_name": "orders-audit", "channels": ["PRIVILEGES", "USER_ADMIN"],
                                              "min_level": "INFO", "redact": False}]}
    unspecified = dict(answer["spec"]["groups"][0], min_level="UNSPECIFIED")
    assert table.view({"spec": dict(answer["spec"], groups=[unspecified])}) == table.view(answer)


def test_live_keeps_a_log_name_it_was_given(live, live_db):
    mark = live.mark()
    run(live, auth_principal=ARN, log_name="orders", groups=[dict(AUDIT, min_level="ERROR")])
    body = live.sent(mark)[0][2]
    assert body["log_name"] == "orders" and body["groups"][0]["min_level"] == "ERROR"


def test_contract_takes_unspecified_as_info(emulator, orders_db):
    mark = emulator.mark()
    run(emulator, auth_principal=ARN, groups=[dict(AUDIT, min_level="UNSPECIFIED")])
    body = emulator.sent(mark)[0][2]
    assert "log_name" not in body and body["groups"][0]["min_level"] == "INFO"
    mark = emulator.mark()
    assert run(emulator, auth_principal=ARN, groups=[dict(AUDIT, min_level="UNSPECIFIED")])["changed"] is False
    assert emulator.mutations(mark) == []


def test_live_a_change_keeps_the_external_id_set_elsewhere(live, live_db):
    live.admin.post(live_db["base"], {"type": "AWS_CLOUDWATCH", "log_name": "orders", "auth_principal": ARN,
                                      "aws_external_id": "ext-1"})
    live.clock.sleep(5)
    mark = live.mark()
    assert run(live, auth_principal=ARN)["changed"] is False
    result = run(live, redact=True)
    assert live.sent(mark) == [("EnableLogExport", live_db["base"], {
        "type": "AWS_CLOUDWATCH", "log_name": "orders", "auth_principal": ARN, "redact": True, "omitted_channels": [],
        "groups": [], "aws_external_id": "ext-1"})]
    assert result["diff"] == {"before": {"redact": False}, "after": {"redact": True}}
    assert result["log_export"]["spec"]["aws_external_id"] == "ext-1"
