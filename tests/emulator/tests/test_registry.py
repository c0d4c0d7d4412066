"""Each handler declares the roles and scope of its operation; the app refuses gaps."""

import pytest

from tests.emulator import EmulatorConfig, create_app, handlers, permissions
from tests.emulator.registry import HANDLERS, Handler, operation


@pytest.fixture(autouse=True)
def loaded():
    handlers.load()


def test_the_decorator_carries_roles_and_scope():
    assert HANDLERS["GetCluster"].roles == permissions.READ_CLUSTER
    assert HANDLERS["GetCluster"].scope == "cluster"
    assert HANDLERS["CreateFolder"][1:] == (permissions.FOLDER_ADMIN, "parent")
    assert HANDLERS["GetOrganizationInfo"][1:] == (permissions.ANY_KEY, "org")
    assert not hasattr(permissions, "RULES")  # no second table beside the handlers


def test_an_operation_cannot_be_registered_without_its_rule():
    with pytest.raises(TypeError):
        operation("SomeOperation")  # pylint: disable=missing-kwoa
    with pytest.raises(TypeError):
        operation("SomeOperation", roles=permissions.ORG_ADMIN)  # pylint: disable=missing-kwoa
    with pytest.raises(ValueError, match="scope must be one of"):
        operation("SomeOperation", roles=permissions.ORG_ADMIN, scope="planet")
    with pytest.raises(ValueError, match="roles must be"):
        operation("SomeOperation", roles=["ORG_ADMIN"], scope="org")
    with pytest.raises(ValueError, match="roles must be"):
        operation("SomeOperation", roles=frozenset(), scope="org")
    assert "SomeOperation" not in HANDLERS


def test_the_app_refuses_to_start_when_an_operation_has_no_handler(monkeypatch):
    monkeypatch.delitem(HANDLERS, "GetCluster")
    with pytest.raises(RuntimeError, match="operations without a handler: GetCluster"):
        create_app(EmulatorConfig())


def test_the_app_refuses_a_handler_for_an_operation_the_contract_lacks(monkeypatch):
    monkeypatch.setitem(HANDLERS, "LaunchRocket", Handler(lambda ctx: {}, None, "org"))
    with pytest.raises(RuntimeError, match="the contract document lacks: LaunchRocket"):
        create_app(EmulatorConfig())
