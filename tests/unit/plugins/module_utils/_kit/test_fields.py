# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""_kit.fields: one table gives the view, the changes, the bodies and the prediction."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import MASK, InvalidInput
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.fields import Field, Fields, Send


class Task(object):
    def __init__(self, params, current_view=None):
        self.params = params
        self.current_view = current_view


TABLE = Fields(
    Field("name", update=False),
    Field("region", api="config.region", create="spec.region", update=False,
          immutable="{kind} {name} lives in {have}; it cannot move to {want}"),
    Field("size", api="config.size", create="spec.size", update="size"),
    Field("protected", api="protection", to_api=lambda v: "ON" if v else "OFF", from_api=lambda v: v == "ON",
          default=False),
    Field("labels", compare="subset", default={}),
    Field("password", api=False, secret=True, write_only="update_password",
          update=Send("PUT", suffix="password", idempotent=True)),
)
RESOURCE = {"name": "a", "config": {"region": "eu", "size": 2}, "protection": "ON", "labels": {"x": "1", "y": "2"}}


def test_view_is_in_the_options_vocabulary():
    assert TABLE.view(RESOURCE) == {"name": "a", "region": "eu", "size": 2, "protected": True,
                                    "labels": {"x": "1", "y": "2"}}
    assert TABLE.view({"name": "b"}) == {"name": "b", "protected": False, "labels": {}}
    assert TABLE.view(RESOURCE, sent=("password",))["password"] == MASK


def test_wanted_keeps_only_what_the_task_sets():
    params = {"name": "a", "region": None, "size": 3, "protected": None, "labels": None, "password": "pw"}
    assert TABLE.wanted(params, Task(params)) == {"name": "a", "size": 3, "password": "pw"}


def test_changes_compare_and_refuse_immutable_fields():
    view = TABLE.view(RESOURCE)
    params = {"update_password": "on_create"}
    assert TABLE.changes(view, {"name": "a", "labels": {"x": "1"}, "size": 2, "password": "pw"}, params,
                         "thing", "a") == {}
    assert TABLE.changes(view, {"size": 4, "protected": False}, params, "thing", "a") == {"size": 4, "protected": False}
    assert TABLE.changes(view, {"password": "pw"}, {"update_password": "always"}, "thing", "a") == {"password": "pw"}
    with pytest.raises(InvalidInput, match="^thing a lives in eu; it cannot move to us$"):
        TABLE.changes(view, {"region": "us"}, params, "thing", "a")
    with pytest.raises(InvalidInput, match="^thing a has name a; it cannot change to b$"):
        TABLE.changes(view, {"name": "b"}, params, "thing", "a")


def test_bodies_put_each_value_where_the_request_takes_it():
    wanted = {"name": "a", "region": "eu", "size": 2, "protected": True, "password": "pw"}
    # Request bodies use the options' names unless the field says otherwise.
    assert TABLE.create_body(wanted) == {"name": "a", "spec": {"region": "eu", "size": 2}, "protected": "ON",
                                         "password": "pw"}
    body, separate = TABLE.update_requests({"size": 3, "protected": False, "password": "new"}, RESOURCE)
    assert body == {"size": 3, "protected": "OFF"}
    assert [(f.option, value) for f, value in separate] == [("password", "new")]
    assert separate[0][0].update.method == "PUT" and separate[0][0].update.idempotent is True


def test_predict_writes_where_the_api_shows_it():
    predicted = TABLE.predict({}, dict(TABLE.defaults(), name="a", size=1))
    assert predicted == {"name": "a", "config": {"size": 1}, "protection": "OFF", "labels": {}}
    assert TABLE.view(predicted)["protected"] is False


def test_normalize_sees_the_task():
    field = Field("labels", normalize=lambda value, task: dict(task.current_view["labels"], **value))
    table = Fields(field)
    task = Task({"labels": {"y": "3"}}, {"labels": {"x": "1"}})
    assert table.wanted(task.params, task) == {"labels": {"x": "1", "y": "3"}}


def test_secrets_and_lookup_by_option():
    assert TABLE.secrets == ("password",)
    assert TABLE.get("size").update == "size"
    assert (TABLE + Fields(Field("extra"))).get("extra").option == "extra"


# -- the live wire format ------------------------------------------------------------------------
WIRED = Fields(
    Field("name", update=False),
    Field("folder", api="parent_id", create="parent_id", live=dict(create="spec.parent_id")),
    Field("limit", create="spec.limit", to_api=int, live=dict(to_api=str)),
)


def test_a_field_takes_its_live_path_and_conversion_on_live_only():
    wanted = {"name": "a", "folder": "f1", "limit": 5}
    assert WIRED.create_body(wanted) == {"name": "a", "parent_id": "f1", "spec": {"limit": 5}}
    assert WIRED.on("contract").create_body(wanted) == {"name": "a", "parent_id": "f1", "spec": {"limit": 5}}
    assert WIRED.on("live").create_body(wanted) == {"name": "a", "spec": {"parent_id": "f1", "limit": "5"}}


def test_the_live_table_is_made_once_and_the_fields_stay_as_declared():
    assert WIRED.on("live") is WIRED.on("live") and WIRED.on("contract") is WIRED
    assert WIRED.get("folder").create == "parent_id"
    assert WIRED.differs_by_wire and not TABLE.differs_by_wire


def test_a_table_that_does_not_differ_never_asks_the_server():
    class NoServer(object):
        @property
        def wire(self):
            raise AssertionError("asked for the wire format")
    assert TABLE.for_client(NoServer()) is TABLE
