"""Who is calling: bearer API key secret -> key -> service account, and what it may do."""

import hmac

from .errors import ApiError
from .secrets_util import digest, key_id_of


def authenticate(data, header):
    """Return (key_id, principal_id) for an ``Authorization`` header, or raise 401."""
    if not header or not header.startswith("Bearer "):
        raise ApiError(401, "missing bearer token: send 'Authorization: Bearer <API key secret>'")
    secret = header[len("Bearer "):].strip()
    key = data["api_keys"].get(key_id_of(secret) or "")
    if key is None or not hmac.compare_digest(key["_secret_digest"], digest(secret)):
        raise ApiError(401, "invalid or revoked API key")
    return key["id"], key["service_account_id"]


def folder_ancestors(data, folder_id):
    """The folder and every folder above it (ids), nearest first."""
    seen = []
    while folder_id and folder_id != "root" and folder_id in data["folders"] and folder_id not in seen:
        seen.append(folder_id)
        folder_id = data["folders"][folder_id].get("parent_id")
    return seen


def scope_chain(data, scope_type, scope_id):
    """Every (type, id) a grant may sit on to cover the scope: itself and its folders."""
    chain = []
    if scope_type == "CLUSTER":
        chain.append(("CLUSTER", scope_id))
        cluster = data["clusters"].get(scope_id) or {}
        chain.extend(("FOLDER", f) for f in folder_ancestors(data, cluster.get("parent_id")))
    elif scope_type == "FOLDER":
        chain.extend(("FOLDER", f) for f in folder_ancestors(data, scope_id))
    return chain


def has_role(data, principal, roles, scope_type="ORGANIZATION", scope_id=None):
    grants = data["role_grants"].get(principal, [])
    chain = None
    for grant in grants:
        if grant["name"] not in roles:
            continue
        resource = grant.get("resource") or {}
        if resource.get("type") == "ORGANIZATION":
            return True
        if chain is None:
            chain = scope_chain(data, scope_type, scope_id)
        if (resource.get("type"), resource.get("id")) in chain:
            return True
    return False


def require(data, principal, roles, scope_type="ORGANIZATION", scope_id=None):
    if not has_role(data, principal, roles, scope_type, scope_id):
        where = scope_type if scope_id is None else "%s %s" % (scope_type, scope_id)
        raise ApiError(403, "the caller lacks a required role (%s) on %s"
                       % (" or ".join(sorted(roles)), where))
