# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""_kit.base: data paths, masking, results, and what a failed change says."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import ApiError, CockroachClient, WaitTimeout
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import (
    MASK,
    Context,
    InvalidInput,
    OnlyWith,
    changing,
    check_only_with,
    clean,
    get_path,
    mask,
    path_segment,
    result,
    set_path,
    subset_differs,
)


def test_get_path_and_set_path():
    data = {"config": {"serverless": {"spend_limit": 5}}}
    assert get_path(data, "config.serverless.spend_limit") == 5
    assert get_path(data, "config.dedicated.storage_gib") is None
    assert get_path(data, "config.serverless.spend_limit.x", "none") == "none"
    set_path(data, "config.dedicated.hardware.storage_gib", 15)
    assert data["config"]["dedicated"] == {"hardware": {"storage_gib": 15}}
    set_path(data, "labels", {"a": "b"})
    assert data["labels"] == {"a": "b"}


def test_clean_drops_unset_entries_at_every_level():
    assert clean({"a": None, "b": {"c": None, "d": 1}, "e": [None]}) == {"b": {"d": 1}, "e": [None]}


@pytest.mark.parametrize("current, desired, differs", [
    ({"a": 1, "b": 2}, {"a": 1}, False),
    ({"a": 1}, {"a": 2}, True),
    ({"a": 1}, {"a": None}, False),
    (None, {"a": None}, False),
    (None, {"a": 1}, True),
    ({"a": {"x": 1, "y": 2}}, {"a": {"x": 1}}, False),
    ([1, 2], [2, 1], True),
])
def test_subset_differs(current, desired, differs):
    assert subset_differs(current, desired) is differs


@pytest.mark.parametrize("value, segment", [
    ("app", "app"), ("a/b", "a%2Fb"), (".", "%2E"), ("..", "%2E%2E"), ("é x", "%C3%A9%20x"), (24, "24"),
])
def test_path_segment(value, segment):
    assert path_segment(value) == segment


def test_mask_nested_and_none():
    value = {"name": "a", "password": "s3cr3t", "inner": [{"password": "x"}, {"password": None}]}
    assert mask(value, ("password",)) == {"name": "a", "password": MASK,
                                          "inner": [{"password": MASK}, {"password": None}]}
    assert value["password"] == "s3cr3t"  # a copy


def test_result_masks_and_gives_mappings():
    out = result("sql_user", True, {"name": "a", "password": "x"}, None, {"name": "a", "password": "x"},
                 ("password",))
    assert out == {"changed": True, "sql_user": {"name": "a", "password": MASK},
                   "diff": {"before": {}, "after": {"name": "a", "password": MASK}}}
    assert result("thing", False, None, None, None)["thing"] == {}


def test_context_records_and_forwards_warnings():
    seen = []
    ctx = Context(None, {}, warn=seen.append)
    ctx.warn("careful")
    assert ctx.warnings == ["careful"] and seen == ["careful"]


class Calls(object):
    changed_since = CockroachClient.changed_since

    def __init__(self):
        self.calls = []
        self.applied_at = []


def test_changing_marks_a_failure_after_a_change():
    client = Calls()
    with pytest.raises(WaitTimeout) as info:
        with changing(client, "thing", None) as seen:
            client.calls.append(("POST", "/things", 200))
            seen.value = {"id": "1", "state": "CREATING"}
            raise WaitTimeout("timed out after 3 s waiting for thing 1", last={"id": "1", "state": "STILL"})
    assert info.value.result == {"changed": True, "thing": {"id": "1", "state": "STILL"}}
    assert "the change was made and goes on" in str(info.value)


def test_changing_leaves_a_failure_before_any_change_alone():
    client = Calls()
    with pytest.raises(ApiError) as info:
        with changing(client, "thing", None):
            client.calls.append(("POST", "/things", 400))
            raise ApiError("refused", status=400)
    assert info.value.result is None  # (a declared field since issue 21: None until a change went through)


def test_a_rule_reads_as_a_sentence():
    rule = OnlyWith(("role_arn", "target_region"), "type", "cloudwatch")
    assert rule.problem({"type": "datadog", "role_arn": "x"}) == \
        "role_arn only applies with type=cloudwatch, not with type=datadog: leave it out"
    assert rule.problem({"type": "datadog", "role_arn": "x", "target_region": "y"}) == \
        "role_arn and target_region only apply with type=cloudwatch, not with type=datadog: leave them out"
    assert rule.problem({"type": "cloudwatch", "role_arn": "x"}) is None
    assert rule.problem({"type": None, "role_arn": "x"}) is None  # not known yet: judged later
    assert rule.problem({"type": "datadog"}) is None
    either = OnlyWith("groups", "state", ("present", "enabled"), warn=True, hint="say so")
    assert either.problem({"state": "absent", "groups": []}) == \
        "groups only applies with state=present or state=enabled, not with state=absent: it is not used (say so)"
    given = OnlyWith("auth_principal", "region_specs", hint="give {it} with region_specs")
    assert given.problem({"auth_principal": "x"}) == "auth_principal only applies with region_specs: give it with " \
                                                     "region_specs"
    assert given.problem({"auth_principal": "x", "region_specs": []}) is None
    flag = OnlyWith("database", "include_connection_string", True)
    assert flag.problem({"database": "d", "include_connection_string": False}) == \
        "database only applies with include_connection_string=true: leave it out"
    default = OnlyWith("update_password", "state", "present", unset="on_create")
    assert default.problem({"state": "absent", "update_password": "on_create"}) is None
    assert default.problem({"state": "absent", "update_password": "always"}).startswith("update_password only")


def test_check_only_with_refuses_all_at_once_then_warns():
    rules = (OnlyWith("site", "type", "datadog"), OnlyWith("role_arn", "type", "cloudwatch"),
             OnlyWith("log_name", "state", "present", warn=True))
    warned = []
    with pytest.raises(InvalidInput) as refused:
        check_only_with(rules, {"type": "prometheus", "state": "absent", "site": "x", "role_arn": "y", "log_name": "z"},
                        warned.append)
    assert str(refused.value) == ("site only applies with type=datadog, not with type=prometheus: leave it out; "
                                  "role_arn only applies with type=cloudwatch, not with type=prometheus: leave it out")
    assert warned == []  # a refused task warns about nothing
    check_only_with(rules, {"type": "datadog", "state": "absent", "site": "x", "log_name": "z"}, warned.append)
    assert warned == ["log_name only applies with state=present, not with state=absent: it is not used"]
    check_only_with(rules, {"type": "datadog", "state": "present", "site": "x", "log_name": "z"}, warned.append)
    assert len(warned) == 1
