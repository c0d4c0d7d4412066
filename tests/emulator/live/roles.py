"""Role grants in the live wire format.

The live service shows a grant on the organization without the organization's id (its
document's examples: ``{"name": "CLUSTER_ADMIN", "resource": {"type": "ORGANIZATION"}}``; the
official Terraform provider reads such a grant's id as empty), and takes one without it.
Persons by email answer ``user`` (one object) where the contract answers ``users`` (a list).
Role names are an enum of the live document (validated there); the path parameter
``resource_id`` is renamed in ``paths.py``.
"""

from . import answer


def live_grant(grant):
    """A contract grant ``{name, resource: {type, id}}`` as the live service shows it."""
    resource = dict(grant.get("resource") or {})
    if resource.get("type") == "ORGANIZATION":
        resource.pop("id", None)
    return dict(grant, resource=resource)


def live_grants(grants):
    return [live_grant(grant) for grant in grants or []]


@answer("GetAllRolesForUser", "SetRolesForUser", "AddUserToRole", "RemoveUserFromRole")
def user_roles(call, value):
    return dict(value, roles=live_grants(value.get("roles")), group_roles=[])


@answer("ListRoleGrants")
def listing(call, value):
    grants = [dict(item, roles=live_grants(item.get("roles"))) for item in value.get("grants") or []]
    return dict(value, grants=grants)


@answer("GetPersonUsersByEmail")
def person(call, value):
    users = value.get("users") or []
    out = {k: v for k, v in value.items() if k != "users"}
    if users:
        # PersonUserInfo is {id, email}; the strict document's `user` takes anything (its
        # spelling fix in document.py replaces that schema), so the fields are picked here.
        out["user"] = {k: users[0][k] for k in ("id", "email") if k in users[0]}
    return out
