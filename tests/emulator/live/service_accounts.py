"""Service accounts in the live wire format: the create request must carry ``description``
and ``roles`` (the validator enforces it; an empty list grants nothing, as the official
Terraform provider sends it) and the roles are granted as the contract's handler grants them
at create, so they read back. Answers name the creator (``creator_name``, not
``creator_id``) and carry ``group_roles`` (none here: the emulator has no groups)."""

from . import answer
from .roles import live_grants


def creator_name(data, creator_id):
    """The name of the user that made an account: a service account's name, or a person's."""
    creator = data["service_accounts"].get(creator_id) or data["persons"].get(creator_id) or {}
    return creator.get("name") or ""


def live_account(data, account):
    out = {k: v for k, v in account.items() if k != "creator_id"}
    out.update(creator_name=creator_name(data, account.get("creator_id")), description=account.get("description") or "",
               roles=live_grants(account.get("roles")), group_roles=[])
    return out


@answer("CreateServiceAccount", "GetServiceAccount", "UpdateServiceAccount", "DeleteServiceAccount")
def one(call, value):
    return live_account(call.data, value)


@answer("ListServiceAccounts")
def listing(call, value):
    return dict(value, service_accounts=[live_account(call.data, a) for a in value.get("service_accounts") or []])
