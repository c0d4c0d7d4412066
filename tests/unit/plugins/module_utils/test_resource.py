# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The reconcile pattern, masking and comparison, with a fake Resource (no HTTP)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy

import pytest

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import ApiError
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resource import (
    MASK,
    InvalidInput,
    ModuleContext,
    Resource,
    mask,
    reconcile,
    subset_differs,
)


# -- mask ----------------------------------------------------------------------------------

def test_mask_nested_dicts_and_lists():
    value = {
        "name": "u1",
        "password": "s3cret",
        "nested": {"password": "x", "other": 1, "token": None},
        "items": [{"token": "t"}, {"name": "n"}, "password", ["a", {"password": "p"}]],
    }
    original = copy.deepcopy(value)
    assert mask(value, ("password", "token")) == {
        "name": "u1",
        "password": MASK,
        "nested": {"password": MASK, "other": 1, "token": None},
        "items": [{"token": MASK}, {"name": "n"}, "password", ["a", {"password": MASK}]],
    }
    assert value == original  # a copy, the input is untouched


def test_mask_scalars_and_no_secrets():
    assert mask("password", ("password",)) == "password"
    assert mask(None, ("password",)) is None
    assert mask({"password": "p"}, ()) == {"password": "p"}


# -- subset_differs ------------------------------------------------------------------------

@pytest.mark.parametrize("current, desired, differs", [
    ({"a": 1, "b": 2}, {"a": 1}, False),
    ({"a": 1}, {"a": 2}, True),
    ({"a": 1}, {"a": None, "b": None}, False),  # None = not managed
    ({"a": 1}, {"b": 1}, True),  # a managed field missing from the resource
    ({"spec": {"x": 1, "y": 2}}, {"spec": {"x": 1}}, False),
    ({"spec": {"x": 1, "y": 2}}, {"spec": {"y": 3}}, True),
    ({"spec": None}, {"spec": {"x": None}}, False),
    ({"spec": None}, {"spec": {"x": 1}}, True),
    ({}, {"spec": {"x": 1}}, True),
    ({"l": [1, 2]}, {"l": [1, 2]}, False),
    ({"l": [1, 2]}, {"l": [2, 1]}, True),  # lists compare whole, in order
    ({"l": [1, 2, 3]}, {"l": [1, 2]}, True),
    ({"n": 1}, {"n": "1"}, True),  # normalising types is the caller's job
    ("a", "a", False),
    ("a", "b", True),
    ({"a": 1}, {}, False),
])
def test_subset_differs(current, desired, differs):
    assert subset_differs(current, desired) is differs


# -- ModuleContext -------------------------------------------------------------------------

def test_context_warn_records_and_forwards():
    seen = []
    ctx = ModuleContext(client=None, params={}, warn=seen.append)
    ctx.warn("careful")
    assert ctx.warnings == ["careful"] and seen == ["careful"]
    quiet = ModuleContext(client=None, params={})
    quiet.warn("x")
    assert quiet.warnings == ["x"]


# -- reconcile -----------------------------------------------------------------------------

class FakeResource(Resource):
    """A widget with a name, a size and a secret; records every call it gets."""

    kind = "widget"
    secret_fields = ("secret",)

    def __init__(self, ctx, current=None, busy=False):
        super(FakeResource, self).__init__(ctx)
        self.current = copy.deepcopy(current)
        self.busy = busy
        self.log = []

    def find(self):
        self.log.append("find")
        return copy.deepcopy(self.current)

    def validate(self, current):
        self.log.append("validate")
        if self.params.get("size") is not None and self.params["size"] < 0:
            raise InvalidInput("size must not be negative")

    def validate_delete(self, current):
        self.log.append("validate_delete")
        if current.get("protected"):
            raise InvalidInput("widget is protected")

    def view(self, resource):
        return {"name": resource["name"], "size": resource["size"], "secret": resource.get("secret")}

    def changes(self, current):
        self.log.append("changes")
        wanted = {"size": self.params.get("size")}
        return dict((k, v) for k, v in wanted.items() if v is not None and current.get(k) != v)

    def predict_create(self):
        self.log.append("predict_create")
        return {"id": None, "name": self.params["name"], "size": self.params["size"],
                "secret": self.params.get("secret"), "state": "CREATING"}

    def predict_update(self, current, changes):
        self.log.append("predict_update")
        current.update(changes)
        return current

    def create(self):
        self.log.append("create")
        self.current = {"id": "w1", "name": self.params["name"], "size": self.params["size"],
                        "secret": self.params.get("secret"), "state": "CREATING"}
        return copy.deepcopy(self.current)

    def update(self, current, changes):
        self.log.append(("update", changes))
        self.current.update(changes)
        self.current["state"] = "LOCKED"
        return copy.deepcopy(self.current)

    def delete(self, current):
        self.log.append(("delete", current["id"]))
        self.current = None

    def ready(self, resource):
        return not self.busy

    def wait_ready(self, resource):
        self.log.append("wait_ready")
        self.busy = False
        ready = copy.deepcopy(resource)
        ready["state"] = "READY"
        return ready

    def wait_gone(self, resource):
        self.log.append("wait_gone")


EXISTING = {"id": "w1", "name": "w", "size": 1, "secret": "hunter2", "state": "READY"}


def run(current=None, check_mode=False, busy=False, **params):
    params.setdefault("name", "w")
    params.setdefault("state", "present")
    params.setdefault("wait", True)
    ctx = ModuleContext(client=object(), params=params, check_mode=check_mode, diff=True)
    resource = FakeResource(ctx, current=current, busy=busy)
    return resource, reconcile(resource)


def mutations(resource):
    return [e for e in resource.log if e in ("create", "wait_ready", "wait_gone") or isinstance(e, tuple)]


def test_absent_and_missing():
    resource, result = run(current=None, state="absent")
    assert result == {"changed": False, "widget": {}, "diff": {"before": {}, "after": {}}}
    assert mutations(resource) == []


@pytest.mark.parametrize("wait, expected", [(True, [("delete", "w1"), "wait_gone"]), (False, [("delete", "w1")])])
def test_absent_and_present_deletes(wait, expected):
    resource, result = run(current=EXISTING, state="absent", wait=wait)
    assert result["changed"] is True
    assert result["widget"] == {}
    assert result["diff"] == {"before": {"name": "w", "size": 1, "secret": MASK}, "after": {}}
    assert mutations(resource) == expected
    assert resource.current is None


def test_absent_and_present_check_mode():
    resource, result = run(current=EXISTING, state="absent", check_mode=True)
    assert result["changed"] is True
    assert result["diff"]["after"] == {}
    assert mutations(resource) == []
    assert resource.current == EXISTING


def test_absent_protected_fails_before_delete():
    with pytest.raises(InvalidInput):
        run(current=dict(EXISTING, protected=True), state="absent")


def test_create_waits():
    resource, result = run(size=3, secret="pw")
    assert result["changed"] is True
    assert mutations(resource) == ["create", "wait_ready"]
    assert result["widget"] == {"id": "w1", "name": "w", "size": 3, "secret": MASK, "state": "READY"}
    assert result["diff"] == {"before": {}, "after": {"name": "w", "size": 3, "secret": MASK}}


def test_create_without_wait():
    resource, result = run(size=3, wait=False)
    assert mutations(resource) == ["create"]
    assert result["widget"]["state"] == "CREATING"


def test_create_check_mode_predicts_only():
    resource, result = run(size=3, secret="pw", check_mode=True)
    assert result["changed"] is True
    assert "predict_create" in resource.log
    assert mutations(resource) == []
    assert resource.current is None
    assert result["widget"] == {"id": None, "name": "w", "size": 3, "secret": MASK, "state": "CREATING"}
    assert result["diff"] == {"before": {}, "after": {"name": "w", "size": 3, "secret": MASK}}


def test_check_input_runs_before_any_request():
    class Picky(FakeResource):
        def check_input(self):
            self.log.append("check_input")
            raise InvalidInput("name is too short")

    resource = Picky(ModuleContext(client=None, params={"name": "w", "size": 1}))
    with pytest.raises(InvalidInput):
        reconcile(resource)
    assert resource.log == ["check_input"]


def test_invalid_input_before_any_change():
    with pytest.raises(InvalidInput):
        run(size=-1)


def test_no_op():
    resource, result = run(current=EXISTING, size=1)
    assert result["changed"] is False
    assert mutations(resource) == []
    assert result["widget"] == dict(EXISTING, secret=MASK)
    assert result["diff"]["before"] == result["diff"]["after"] == {"name": "w", "size": 1, "secret": MASK}


def test_no_op_on_busy_resource_waits_only_when_asked():
    resource, result = run(current=EXISTING, size=1, busy=True)
    assert result["changed"] is False
    assert mutations(resource) == ["wait_ready"]
    resource, result = run(current=EXISTING, size=1, busy=True, wait=False)
    assert mutations(resource) == []
    resource, result = run(current=EXISTING, size=1, busy=True, check_mode=True)
    assert mutations(resource) == []


def test_update_waits():
    resource, result = run(current=EXISTING, size=5)
    assert result["changed"] is True
    assert mutations(resource) == [("update", {"size": 5}), "wait_ready"]
    assert result["widget"]["state"] == "READY"
    assert result["diff"] == {"before": {"name": "w", "size": 1, "secret": MASK},
                              "after": {"name": "w", "size": 5, "secret": MASK}}


def test_update_without_wait():
    resource, result = run(current=EXISTING, size=5, wait=False)
    assert mutations(resource) == [("update", {"size": 5})]
    assert result["widget"]["state"] == "LOCKED"


def test_update_check_mode_predicts_on_a_copy():
    resource, result = run(current=EXISTING, size=5, check_mode=True)
    assert result["changed"] is True
    assert "predict_update" in resource.log
    assert mutations(resource) == []
    assert resource.current == EXISTING
    assert result["widget"] == dict(EXISTING, size=5, secret=MASK)
    assert result["diff"]["after"] == {"name": "w", "size": 5, "secret": MASK}


def test_check_mode_and_real_run_agree():
    for current, params in ((None, {"size": 2}), (EXISTING, {"size": 2}), (EXISTING, {"size": 1}),
                            (EXISTING, {"state": "absent"}), (None, {"state": "absent"})):
        predicted = run(current=current, check_mode=True, **params)[1]
        actual = run(current=current, **params)[1]
        assert predicted["changed"] == actual["changed"]
        assert predicted["diff"]["before"] == actual["diff"]["before"]


def test_secret_none_is_not_masked():
    resource, result = run(current=dict(EXISTING, secret=None), size=1)
    assert result["widget"]["secret"] is None
    assert result["diff"]["before"]["secret"] is None


def test_base_resource_defaults():
    resource = Resource(ModuleContext(client="c", params={}))
    assert resource.client == "c"
    assert resource.waiting is True
    assert resource.ready({}) is True
    assert resource.wait_ready({"a": 1}) == {"a": 1}
    assert resource.public(None) == {}
    assert resource.public({"a": 1}) == {"a": 1}
    for method, args in (("find", ()), ("view", ({},)), ("changes", ({},)), ("create", ()), ("delete", ({},))):
        with pytest.raises(NotImplementedError):
            getattr(resource, method)(*args)
    assert Resource(ModuleContext(client=None, params={"wait": False})).waiting is False


# -- create_safely -------------------------------------------------------------------------

def ambiguous_error():
    error = ApiError("cannot reach http://x: read timed out", method="POST", path="/api/v1/widgets")
    error.ambiguous = True
    return error


class Sender(object):
    """send() that fails with the given errors in turn, then returns ``result``."""

    def __init__(self, errors, result=None):
        self.errors = list(errors)
        self.result = result
        self.count = 0

    def __call__(self):
        self.count += 1
        if self.errors:
            raise self.errors.pop(0)
        return self.result


class Lookup(object):
    def __init__(self, *answers):
        self.answers = list(answers)
        self.count = 0

    def __call__(self):
        self.count += 1
        return self.answers.pop(0)


def make_resource():
    return Resource(ModuleContext(client=None, params={}))


def test_create_safely_ambiguous_then_found_sends_once():
    send, lookup = Sender([ambiguous_error()], result="second"), Lookup({"id": "w1"})
    assert make_resource().create_safely(send, lookup) == {"id": "w1"}
    assert (send.count, lookup.count) == (1, 1)


def test_create_safely_ambiguous_not_found_sends_again():
    send, lookup = Sender([ambiguous_error()], result={"id": "w2"}), Lookup(None)
    assert make_resource().create_safely(send, lookup) == {"id": "w2"}
    assert (send.count, lookup.count) == (2, 1)


def test_create_safely_non_ambiguous_raises():
    error = ApiError("conflict", status=409, method="POST", path="/api/v1/widgets")
    send, lookup = Sender([error]), Lookup()
    with pytest.raises(ApiError) as info:
        make_resource().create_safely(send, lookup)
    assert info.value is error
    assert (send.count, lookup.count) == (1, 0)


def test_create_safely_other_exceptions_raise():
    send, lookup = Sender([ValueError("bug")]), Lookup()
    with pytest.raises(ValueError):
        make_resource().create_safely(send, lookup)
    assert lookup.count == 0


def test_create_safely_gives_up_after_attempts():
    send, lookup = Sender([ambiguous_error() for n in range(3)]), Lookup(None, None, None)
    with pytest.raises(ApiError) as info:
        make_resource().create_safely(send, lookup, attempts=3)
    assert info.value.ambiguous is True
    assert (send.count, lookup.count) == (3, 3)
