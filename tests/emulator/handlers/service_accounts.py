"""Service accounts: machine users that own API keys and hold role grants.

Names are not unique (the service allows two accounts with one name; they are told
apart by id). An account is shown with its current ``roles``. Deleting an account
revokes its API keys at once and drops its role grants.
"""

from ..errors import bad_request, not_found
from ..permissions import ANY_KEY, ORG_ADMIN
from ..registry import operation
from ..store import public
from . import roles as role_rules

MAX_NAME = 255
MAX_DESCRIPTION = 1024


def _check_name(name):
    if not isinstance(name, str) or not name.strip():
        raise bad_request("service account name must be a non-empty string")
    if len(name) > MAX_NAME:
        raise bad_request("service account name must be at most %d characters, got %d" % (MAX_NAME, len(name)))
    return name


def _check_description(description):
    if not isinstance(description, str):
        raise bad_request("service account description must be a string")
    if len(description) > MAX_DESCRIPTION:
        raise bad_request("service account description must be at most %d characters" % MAX_DESCRIPTION)
    return description


def find_account(data, account_id):
    account = data["service_accounts"].get(account_id)
    if account is None:
        raise not_found("service account", account_id)
    return account


def view(data, account):
    shown = public(account)
    shown["roles"] = role_rules.grants_of(data, account["id"])
    return shown


@operation("ListServiceAccounts", roles=ANY_KEY, scope="org")
def list_service_accounts(ctx):
    page, pagination = ctx.page(ctx.data["service_accounts"].values())
    return {"service_accounts": [view(ctx.data, account) for account in page], "pagination": pagination}


@operation("CreateServiceAccount", roles=ORG_ADMIN, scope="org")
def create_service_account(ctx):
    body = ctx.body
    name = _check_name(body.get("name"))
    description = _check_description(body.get("description") or "")
    # Optional initial grants, as the service's create request allows.
    grants = role_rules.parse_roles(ctx.data, body["roles"]) if body.get("roles") is not None else []
    account_id = ctx.new_id()
    account = {"id": account_id, "name": name, "description": description,
               "creator_id": ctx.principal, "created_at": ctx.timestamp()}
    ctx.data["service_accounts"][account_id] = account
    role_rules.set_grants(ctx.data, account_id, grants)
    return view(ctx.data, account)


@operation("GetServiceAccount", roles=ANY_KEY, scope="org")
def get_service_account(ctx, id):  # pylint: disable=redefined-builtin
    return view(ctx.data, find_account(ctx.data, id))


@operation("UpdateServiceAccount", roles=ORG_ADMIN, scope="org")
def update_service_account(ctx, id):  # pylint: disable=redefined-builtin
    account = find_account(ctx.data, id)
    changes = {}
    if ctx.body.get("name") is not None:
        changes["name"] = _check_name(ctx.body["name"])
    if ctx.body.get("description") is not None:
        changes["description"] = _check_description(ctx.body["description"])
    account.update(changes)
    return view(ctx.data, account)


@operation("DeleteServiceAccount", roles=ORG_ADMIN, scope="org")
def delete_service_account(ctx, id):  # pylint: disable=redefined-builtin
    account = find_account(ctx.data, id)
    role_rules.check_org_admin_remains(ctx.data, {id: []})
    shown = view(ctx.data, account)
    for key_id in [k for k, key in ctx.data["api_keys"].items() if key["service_account_id"] == id]:
        del ctx.data["api_keys"][key_id]  # authentication looks keys up here: revoked at once
    role_rules.set_grants(ctx.data, id, [])
    del ctx.data["service_accounts"][id]
    return shown
