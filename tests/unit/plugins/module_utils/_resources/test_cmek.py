# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""cmek.Cmek on the in-process emulator: region specs checked and normalised (pure),
set up (POST), replaced (PUT, the whole specification), the explicit actions rotate and
revoke (PATCH; never twice where the status says so), the waits on each status, a failed
enable, serverless clusters, input checks before any request, and cockroach_cmek_info."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import WaitTimeout
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import InvalidInput
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.info import singleton_info
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.cmek import Cmek, check_region_specs
from ansible_collections.cockroachdb.cloud.plugins.modules import cockroach_cmek
from ansible_collections.cockroachdb.cloud.tests.unit.emulator import task_params

ROLE = "arn:aws:iam::123456789012:role/cockroach-cmek"
OTHER_ROLE = "arn:aws:iam::123456789012:role/cockroach-cmek-west"
KEY_EAST = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
KEY_WEST = "arn:aws:kms:us-west-2:123456789012:key/mrk-0123456789abcdef0123456789abcdef"
GCP_KEY = "projects/my-project/locations/us-central1/keyRings/cockroach/cryptoKeys/cmek"
GCP_SA = "cockroach-cmek@my-project.iam.gserviceaccount.com"
AZURE_KEY = "https://my-vault.vault.azure.net/keys/cmek/0123456789abcdef0123456789abcdef"
TWO_REGIONS = {"region_nodes": {"us-east-1": 3, "us-west-2": 3},
               "hardware": {"machine_spec": {"num_virtual_cpus": 4}, "storage_gib": 15}}


def spec(region, uri, **key):
    return {"region": region, "key": dict(key, uri=uri)}


def api_spec(region, uri, key_type="AWS_KMS", principal=ROLE):
    return {"region": region, "key": {"type": key_type, "uri": uri, "auth_principal": principal}}


# -- region specs (no request) ---------------------------------------------------------------------

def test_region_specs_are_sorted_typed_by_their_uri_and_take_the_default_principal():
    specs = [spec("us-west-2", KEY_WEST, auth_principal=OTHER_ROLE), spec("us-east-1", KEY_EAST)]
    assert check_region_specs(specs, ROLE) == [api_spec("us-east-1", KEY_EAST),
                                               api_spec("us-west-2", KEY_WEST, principal=OTHER_ROLE)]
    assert check_region_specs([spec("us-central1", GCP_KEY, type="GCP_CLOUD_KMS")], GCP_SA) == [
        api_spec("us-central1", GCP_KEY, "GCP_CLOUD_KMS", GCP_SA)]
    assert check_region_specs([spec("eastus2", AZURE_KEY, auth_principal="any-principal")]) == [
        api_spec("eastus2", AZURE_KEY, "AZURE_KEY_VAULT", "any-principal")]


@pytest.mark.parametrize("specs, principal, message", [
    ([], ROLE, "region_specs must name at least one region and its key"),
    ([spec("us-east-1", "kms-key-1")], ROLE, "region_specs[0].key.uri 'kms-key-1' is not a key URI: give the ARN of "
                                             "an AWS KMS key, such as arn:aws:kms:"),
    ([spec("us-east-1", "arn:aws:kms:us-east-1:1234:key/x")], ROLE, "'arn:aws:kms:us-east-1:1234:key/x' is not a key"),
    ([spec("us-east-1", GCP_KEY, type="AWS_KMS")], ROLE,
     "region_specs[0].key.uri must be the ARN of an AWS KMS key, such as arn:aws:kms:us-east-1:123456789012:key/"
     "1234abcd-12ab-34cd-56ef-1234567890ab for type AWS_KMS; got 'projects/my-project/"),
    ([spec("us-east-1", KEY_EAST)], None, "region_specs[0].key needs an auth_principal (or give auth_principal for "
                                          "every region)"),
    ([spec("us-east-1", KEY_EAST)], "arn:aws:iam::123:role/x",
     "region_specs[0].key.auth_principal must be the ARN of an AWS IAM role, such as arn:aws:iam::123456789012:role/"
     "cockroach-cmek for type AWS_KMS; got 'arn:aws:iam::123:role/x'"),
    ([spec("us-central1", GCP_KEY)], "my-project",
     "region_specs[0].key.auth_principal must be the email of a GCP service account"),
    ([spec("us-east-1", KEY_EAST), spec("us-east-1", KEY_WEST)], ROLE,
     "region_specs[0] and region_specs[1] both give a key for us-east-1; give one key per region"),
    ([spec(" ", KEY_EAST)], ROLE, "region_specs[0] needs a region, one of the cluster's"),
    ([spec("us-east-1", "")], ROLE, "region_specs[0].key needs the uri of the key"),
])
def test_region_specs_refused(specs, principal, message):
    with pytest.raises(InvalidInput) as info:
        check_region_specs(specs, principal)
    assert message in str(info.value)


# -- on the emulator --------------------------------------------------------------------------------

def task(**given):
    """The task's parameters as cockroach_cmek's argument spec makes them."""
    return task_params(cockroach_cmek, **given)


def run(emulator, check_mode=False, **given):
    given.setdefault("cluster", "orders-db")
    return Cmek(emulator.context(task(**given), check_mode=check_mode)).run()


@pytest.fixture
def orders_db(emulator):
    """A dedicated AWS cluster in us-east-1 and us-west-2; ``base`` is its CMEK's path."""
    cluster = emulator.cluster("orders-db", plan="DEDICATED", provider="AWS", dedicated=TWO_REGIONS)
    cluster["base"] = "/api/v1/clusters/%s/cmek" % cluster["id"]
    return cluster


def enabled(emulator, cluster, *specs):
    """CMEK set up through the API and settled; returns it."""
    emulator.admin.post(cluster["base"], {"region_specs": list(specs) or [api_spec("us-east-1", KEY_EAST)]})
    emulator.clock.sleep(5)
    return emulator.admin.get(cluster["base"])


def volatile_free(cmek):
    return dict((k, v) for k, v in cmek.items() if k not in ("created_at", "updated_at"))


def test_set_up_then_rerun_then_replace_the_specs(emulator, orders_db):
    options = dict(auth_principal=ROLE, region_specs=[spec("us-west-2", KEY_WEST), spec("us-east-1", KEY_EAST)])
    mark = emulator.mark()
    predicted = run(emulator, check_mode=True, **options)
    assert emulator.operations(mark) == ["ListClusters", "GetCMEKClusterInfo"]

    mark = emulator.mark()
    sleeps = len(emulator.clock.sleeps)
    result = run(emulator, **options)
    path = orders_db["base"]
    specs = [api_spec("us-east-1", KEY_EAST), api_spec("us-west-2", KEY_WEST)]
    assert emulator.since(mark) == [("GET", "/api/v1/clusters", 200), ("GET", path, 404), ("POST", path, 200),
                                    ("GET", path, 200), ("GET", path, 200)]
    assert emulator.sent(mark) == [("EnableCMEKSpec", path, {"region_specs": specs})]
    assert emulator.clock.sleeps[sleeps:] == [1.0]  # ENABLING for a second
    cmek = result["cmek"]
    assert result["changed"] is True and cmek["status"] == "ENABLED" and cmek == emulator.admin.get(path)
    assert result["diff"] == {"before": {}, "after": {"region_specs": specs}} == predicted["diff"]
    assert volatile_free(predicted["cmek"]) == volatile_free(cmek)

    mark = emulator.mark()
    again = run(emulator, **options)
    assert again["changed"] is False and again["diff"]["before"] == again["diff"]["after"]
    assert emulator.operations(mark) == ["ListClusters", "GetCMEKClusterInfo"]

    # A new key for us-west-2: the whole specification goes again, in one PUT.
    new_specs = [spec("us-east-1", KEY_EAST), spec("us-west-2", KEY_EAST.replace("1234abcd", "9999abcd"),
                                                   auth_principal=OTHER_ROLE)]
    mark = emulator.mark()
    check_update = run(emulator, check_mode=True, auth_principal=ROLE, region_specs=new_specs)
    updated = run(emulator, auth_principal=ROLE, region_specs=new_specs)
    after = [api_spec("us-east-1", KEY_EAST),
             api_spec("us-west-2", KEY_EAST.replace("1234abcd", "9999abcd"), principal=OTHER_ROLE)]
    assert emulator.sent(mark) == [("UpdateCMEKSpec", path, {"region_specs": after})]
    assert updated["cmek"]["status"] == "ENABLED" and updated["cmek"]["spec"]["region_specs"] == after
    assert updated["diff"] == check_update["diff"] == {"before": {"region_specs": specs},
                                                       "after": {"region_specs": after}}
    assert volatile_free(check_update["cmek"]) == volatile_free(updated["cmek"])


def test_keys_must_fit_the_provider_and_the_regions_be_the_clusters(emulator, orders_db):
    mark = emulator.mark()
    with pytest.raises(InvalidInput) as info:
        run(emulator, region_specs=[spec("us-east-1", GCP_KEY, auth_principal=GCP_SA)])
    assert str(info.value) == ("region_specs: the key of us-east-1 is of type GCP_CLOUD_KMS, which does not fit "
                               "cluster orders-db on AWS: use AWS_KMS keys")
    with pytest.raises(InvalidInput) as info:
        run(emulator, auth_principal=ROLE, region_specs=[spec("eu-west-1", KEY_EAST)])
    assert str(info.value) == "region_specs: eu-west-1 is not a region of cluster orders-db (us-east-1, us-west-2)"
    assert emulator.mutations(mark) == []


def test_rotate_then_revoke_each_once(emulator, orders_db):
    enabled(emulator, orders_db)
    path = orders_db["base"]
    mark = emulator.mark()
    predicted = run(emulator, check_mode=True, action="rotate")
    assert emulator.mutations(mark) == []
    mark = emulator.mark()
    rotated = run(emulator, action="rotate")
    assert emulator.sent(mark) == [("UpdateCMEKStatus", path, {"status": "ROTATE"})]
    assert emulator.operations(mark)[-2:] == ["GetCMEKClusterInfo", "GetCMEKClusterInfo"]  # ROTATING, then ENABLED
    assert rotated["changed"] is True and rotated["cmek"]["status"] == "ENABLED"
    assert rotated["diff"] == predicted["diff"] == {"before": {"status": "ENABLED"},
                                                    "after": {"status": "ENABLED", "action": "rotate"}}
    # A rotation is an action: each run of the task rotates again.
    mark = emulator.mark()
    assert run(emulator, action="rotate")["changed"] is True
    assert emulator.mutations(mark) == ["UpdateCMEKStatus"]
    # Without an action, a re-run never rotates.
    mark = emulator.mark()
    assert run(emulator)["changed"] is False and emulator.mutations(mark) == []

    mark = emulator.mark()
    predicted = run(emulator, check_mode=True, action="revoke")
    revoked = run(emulator, action="revoke")
    assert emulator.sent(mark) == [("UpdateCMEKStatus", path, {"status": "REVOKE"})]
    assert revoked["cmek"]["status"] == "REVOKED"
    assert revoked["diff"] == predicted["diff"] == {"before": {"status": "ENABLED"},
                                                    "after": {"status": "REVOKED", "action": "revoke"}}
    mark = emulator.mark()
    again = run(emulator, action="revoke")
    assert again["changed"] is False and again["diff"] == {"before": {"status": "REVOKED"},
                                                           "after": {"status": "REVOKED"}}
    assert emulator.operations(mark) == ["ListClusters", "GetCMEKClusterInfo"]

    # Revoked keys neither rotate nor change.
    mark = emulator.mark()
    with pytest.raises(InvalidInput, match="^the CMEK keys of cluster orders-db are revoked: they cannot be rotated"):
        run(emulator, action="rotate")
    with pytest.raises(InvalidInput, match="^the CMEK keys of cluster orders-db are revoked: their specification "
                                           "cannot change any more$"):
        run(emulator, auth_principal=ROLE, region_specs=[spec("us-west-2", KEY_WEST)])
    assert emulator.mutations(mark) == []


def test_an_action_under_way_is_waited_for_not_sent_again(emulator, orders_db):
    enabled(emulator, orders_db)
    first = run(emulator, action="rotate", wait=False)
    assert first["cmek"]["status"] == "ROTATING"
    mark = emulator.mark()
    second = run(emulator, action="rotate")
    assert second["changed"] is False and second["cmek"]["status"] == "ENABLED"
    assert emulator.mutations(mark) == []
    run(emulator, action="revoke", wait=False)
    mark = emulator.mark()
    third = run(emulator, action="revoke")
    assert third["changed"] is False and third["cmek"]["status"] == "REVOKED" and emulator.mutations(mark) == []


def test_an_action_while_enabling_waits_for_it_first(emulator, orders_db):
    run(emulator, auth_principal=ROLE, region_specs=[spec("us-east-1", KEY_EAST)], wait=False)
    mark = emulator.mark()
    rotated = run(emulator, action="rotate")
    # The service answers 409 to a change while ENABLING: the task waits (ENABLING, ENABLED), then rotates.
    assert emulator.operations(mark) == ["ListClusters", "GetCMEKClusterInfo", "GetCMEKClusterInfo",
                                         "GetCMEKClusterInfo", "UpdateCMEKStatus", "GetCMEKClusterInfo",
                                         "GetCMEKClusterInfo"]
    assert rotated["cmek"]["status"] == "ENABLED"


def test_an_action_needs_cmek_set_up(emulator, orders_db):
    mark = emulator.mark()
    with pytest.raises(InvalidInput, match="^CMEK of cluster orders-db is not set up: set it up with region_specs "
                                           "before you revoke its keys$"):
        run(emulator, action="revoke")
    with pytest.raises(InvalidInput, match="^to set up CMEK of cluster orders-db, also give: region_specs$"):
        run(emulator)
    assert emulator.mutations(mark) == []


def test_a_failed_enable_ends_the_wait_and_a_rerun_says_so(emulator, orders_db):
    def fail_it(_seconds):
        record = emulator.children(orders_db["id"], "cmek").get("config") or {}
        if record.get("_then"):
            record["_then"] = {"status": "ENABLE_FAILED"}

    emulator.clock.on_sleep = fail_it
    options = dict(auth_principal=ROLE, region_specs=[spec("us-east-1", KEY_EAST)])
    with pytest.raises(WaitTimeout) as info:
        run(emulator, **options)
    assert str(info.value) == "CMEK of cluster orders-db failed: status ENABLE_FAILED"
    assert info.value.result["changed"] is True and info.value.result["cmek"]["status"] == "ENABLE_FAILED"
    emulator.clock.on_sleep = None
    mark = emulator.mark()
    with pytest.raises(WaitTimeout, match="^CMEK of cluster orders-db failed: status ENABLE_FAILED$"):
        run(emulator, **options)
    assert emulator.mutations(mark) == []
    fixed = run(emulator, auth_principal=ROLE, region_specs=[spec("us-east-1", KEY_EAST), spec("us-west-2", KEY_WEST)])
    assert fixed["cmek"]["status"] == "ENABLED" and emulator.mutations(mark) == ["UpdateCMEKSpec"]


def test_serverless_clusters_are_refused_before_any_change(emulator):
    emulator.cluster("web-app")
    message = "^CMEK is only available on dedicated clusters; cluster web-app is serverless$"
    for given in (dict(auth_principal=ROLE, region_specs=[spec("us-central1", KEY_EAST)]), dict(action="revoke")):
        mark = emulator.mark()
        with pytest.raises(InvalidInput, match=message):
            run(emulator, cluster="web-app", **given)
        assert emulator.operations(mark) == ["ListClusters"]
    with pytest.raises(InvalidInput, match=message):
        singleton_info(emulator.context({"cluster": "web-app"}), Cmek, "cmek")


@pytest.mark.parametrize("given, message", [
    (dict(action="rotate", auth_principal=ROLE, region_specs=[spec("us-east-1", KEY_EAST)]),
     "action=rotate acts on the keys that CMEK has: change region_specs in a task of its own"),
    (dict(auth_principal=ROLE), "auth_principal only applies with region_specs: it is the default of "
                                "region_specs[].key.auth_principal, so give it with region_specs"),
    (dict(region_specs=[]), "region_specs must name at least one region and its key"),
    (dict(auth_principal=ROLE, region_specs=[spec("us-east-1", "alias/cmek")]), "is not a key URI"),
    (dict(auth_principal=ROLE, region_specs=[spec("us-east-1", "https://vault.example.com/keys/x")]),
     "is not a key URI"),
    (dict(region_specs=[spec("us-east-1", KEY_EAST)]), "needs an auth_principal"),
    (dict(auth_principal="cmek-role", region_specs=[spec("us-east-1", KEY_EAST)]), "must be the ARN of an AWS IAM role"),
    (dict(auth_principal=ROLE, region_specs=[spec("us-east-1", KEY_EAST), spec("us-east-1", KEY_WEST)]),
     "both give a key for us-east-1"),
    (dict(auth_principal=ROLE, region_specs=[spec("us-east-1", KEY_EAST, type="AZURE_KEY_VAULT")]),
     "must be the URL of an Azure Key Vault key"),
    (dict(cluster=" ", action="rotate"), "cluster must not be empty"),
])
def test_input_checks_need_no_request(emulator, orders_db, given, message):
    mark = emulator.mark()
    with pytest.raises(InvalidInput) as info:
        run(emulator, **given)
    assert message in str(info.value)
    assert emulator.since(mark) == []


def test_check_mode_on_a_cluster_not_created_yet_predicts_with_a_warning(emulator):
    ctx = emulator.context(task(cluster="new-cluster", auth_principal=ROLE, region_specs=[spec("us-east-1", KEY_EAST)]),
                           check_mode=True)
    result = Cmek(ctx).run()
    assert result["changed"] is True and result["cmek"] == {"status": "ENABLED", "spec": {
        "region_specs": [api_spec("us-east-1", KEY_EAST)]}}
    assert len(ctx.warnings) == 1 and "in check mode this task predicts its change" in ctx.warnings[0]


# -- cockroach_cmek_info ----------------------------------------------------------------------------

def test_info_is_cmek_or_empty(emulator, orders_db):
    mark = emulator.mark()
    assert singleton_info(emulator.context({"cluster": "orders-db"}), Cmek, "cmek") == {"changed": False, "cmek": {}}
    assert emulator.operations(mark) == ["ListClusters", "GetCMEKClusterInfo"]
    cmek = enabled(emulator, orders_db)
    assert singleton_info(emulator.context({"cluster": orders_db["id"]}), Cmek, "cmek") == {
        "changed": False, "cmek": cmek}


# -- the live wire format ---------------------------------------------------------------------------------

def live_spec(region, uri, key_type="AWS_KMS", principal=ROLE):
    return {"region": region, "key_spec": {"type": key_type, "uri": uri, "auth_principal": principal}}


@pytest.fixture
def live_orders_db(live):
    cluster = live.cluster("orders-db", plan="DEDICATED", provider="AWS", dedicated=TWO_REGIONS)
    cluster["base"] = "/api/v1/clusters/%s/cmek" % cluster["id"]
    return cluster


def test_live_set_up_rerun_replace_and_revoke(live, live_orders_db):
    path = live_orders_db["base"]
    options = dict(auth_principal=ROLE, region_specs=[spec("us-west-2", KEY_WEST), spec("us-east-1", KEY_EAST)])
    predicted = run(live, check_mode=True, **options)
    mark = live.mark()
    result = run(live, **options)
    sent_specs = [live_spec("us-east-1", KEY_EAST), live_spec("us-west-2", KEY_WEST)]
    assert live.sent(mark) == [("EnableCMEKSpec", path, {"region_specs": sent_specs})]
    specs = [api_spec("us-east-1", KEY_EAST), api_spec("us-west-2", KEY_WEST)]
    cmek = result["cmek"]
    assert result["changed"] is True and cmek == live.admin.get(path)  # as the server sent it
    assert cmek["status"] == "ENABLED" and set(cmek) == {"status", "region_infos"}
    assert result["diff"] == predicted["diff"] == {"before": {}, "after": {"region_specs": specs}}  # as in the contract's

    def shape(value):  # the predicted answer has the live shape, without times
        return [(i["region"], i["status"], [(k["spec"], k["status"]) for k in i["key_infos"]])
                for i in value["region_infos"]]

    assert predicted["cmek"]["status"] == "ENABLED" and shape(predicted["cmek"]) == shape(cmek)

    mark = live.mark()
    again = run(live, **options)
    assert again["changed"] is False and again["diff"]["before"] == again["diff"]["after"] == {"region_specs": specs}
    assert live.operations(mark) == ["ListClusters", "GetCMEKClusterInfo"]

    # A new key for us-west-2 (the live service's rotation): the old one is listed DISABLED, not read as current.
    new_west = KEY_EAST.replace("1234abcd", "9999abcd")
    new_specs = [spec("us-east-1", KEY_EAST), spec("us-west-2", new_west, auth_principal=OTHER_ROLE)]
    check_update = run(live, check_mode=True, auth_principal=ROLE, region_specs=new_specs)
    mark = live.mark()
    updated = run(live, auth_principal=ROLE, region_specs=new_specs)
    assert live.sent(mark) == [("UpdateCMEKSpec", path, {"region_specs": [
        live_spec("us-east-1", KEY_EAST), live_spec("us-west-2", new_west, principal=OTHER_ROLE)]})]
    after = [api_spec("us-east-1", KEY_EAST), api_spec("us-west-2", new_west, principal=OTHER_ROLE)]
    assert updated["diff"] == check_update["diff"] == {"before": {"region_specs": specs},
                                                       "after": {"region_specs": after}}
    west = [i for i in updated["cmek"]["region_infos"] if i["region"] == "us-west-2"][0]
    assert [k["status"] for k in west["key_infos"]] == ["DISABLED", "ENABLED"]
    mark = live.mark()
    assert run(live, auth_principal=ROLE, region_specs=new_specs)["changed"] is False
    assert live.mutations(mark) == []

    predicted = run(live, check_mode=True, action="revoke")
    mark = live.mark()
    revoked = run(live, action="revoke")
    assert live.sent(mark) == [("UpdateCMEKStatus", path, {"action": "REVOKE"})]
    assert revoked["cmek"]["status"] == "REVOKED"
    assert revoked["diff"] == predicted["diff"] == {"before": {"status": "ENABLED"},
                                                    "after": {"status": "REVOKED", "action": "revoke"}}
    mark = live.mark()
    assert run(live, action="revoke")["changed"] is False and live.mutations(mark) == []


def test_live_rotate_is_refused_before_any_change(live, live_orders_db):
    run(live, auth_principal=ROLE, region_specs=[spec("us-east-1", KEY_EAST)])
    mark = live.mark()
    for check_mode in (True, False):
        with pytest.raises(InvalidInput) as info:
            run(live, check_mode=check_mode, action="rotate")
        assert str(info.value).startswith("action=rotate: the live service has no rotate action (its status change "
                                          "takes only REVOKE). To rotate the keys, give region_specs with a new key")
    assert live.mutations(mark) == []


@pytest.mark.parametrize("key_infos, uri", [
    # the current key listed first, the old one after it
    ([{"spec": {"type": "AWS_KMS", "uri": KEY_EAST, "auth_principal": ROLE}, "status": "ENABLED",
       "created_at": "2026-02-01T00:00:00Z"},
      {"spec": {"type": "AWS_KMS", "uri": KEY_WEST, "auth_principal": ROLE}, "status": "DISABLED",
       "created_at": "2026-01-01T00:00:00Z"}], KEY_EAST),
    # two keys not disabled: the newer one
    ([{"spec": {"type": "AWS_KMS", "uri": KEY_WEST, "auth_principal": ROLE}, "status": "ENABLED",
       "created_at": "2026-03-01T00:00:00.5+01:00"},
      {"spec": {"type": "AWS_KMS", "uri": KEY_EAST, "auth_principal": ROLE}, "status": "ENABLING",
       "created_at": "2026-03-01T00:00:00Z"}], KEY_EAST),
    # every key disabled, no times: the last listed
    ([{"spec": {"type": "AWS_KMS", "uri": KEY_WEST, "auth_principal": ROLE}, "status": "DISABLED"},
      {"spec": {"type": "AWS_KMS", "uri": KEY_EAST, "auth_principal": ROLE}, "status": "DISABLED"}], KEY_EAST),
])
def test_live_answers_are_read_tolerantly(live, live_orders_db, monkeypatch, key_infos, uri):
    answer = {"status": "ENABLED", "region_infos": [{"region": "us-east-1", "status": "ENABLED", "key_infos": key_infos}]}
    description = Cmek(live.context(task(cluster="orders-db", auth_principal=ROLE, region_specs=[spec("us-east-1", uri)])))
    monkeypatch.setattr(description, "read", lambda path: answer)
    mark = live.mark()
    result = description.run()
    assert result["changed"] is False and live.mutations(mark) == []
    assert result["diff"]["before"] == {"region_specs": [api_spec("us-east-1", uri)]} and result["cmek"] == answer


def test_live_info_is_the_live_answer(live, live_orders_db):
    assert singleton_info(live.context({"cluster": "orders-db"}), Cmek, "cmek") == {"changed": False, "cmek": {}}
    run(live, auth_principal=ROLE, region_specs=[spec("us-east-1", KEY_EAST)])
    info = singleton_info(live.context({"cluster": "orders-db"}), Cmek, "cmek")["cmek"]
    assert info["region_infos"][0]["key_infos"][0]["spec"] == api_spec("us-east-1", KEY_EAST)["key"]


def test_key_spec_is_an_alias_of_key():
    params = task(cluster="orders-db", region_specs=[{"region": "us-east-1", "key_spec": {"uri": KEY_EAST}}],
                  auth_principal=ROLE)
    assert params["region_specs"][0]["key"]["uri"] == KEY_EAST
