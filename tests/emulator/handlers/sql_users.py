"""SQL users of a cluster: list, create, delete, change password.

Passwords are write-only: only a salted SHA-256 digest is kept (``_password_digest``,
``sha256$<salt>$<hex>``) and no response carries it. Names are 1 to 63 lowercase
letters, digits, ``_``, ``-`` or ``.``, not starting with a digit; the names of the
cluster's built-in roles (root, admin, public, node) are refused. Users have no
creation time in the contract: ``pagination.as_of_time`` does not filter the listing.
"""

import hashlib
import hmac
import re
import secrets

from ..errors import bad_request, conflict, not_found
from ..permissions import ADMIN_CLUSTER, SQL_USER_READ
from ..registry import operation
from ..store import public

NAME_RE = re.compile(r"^[a-z_.-][a-z0-9_.-]{0,62}$")
RESERVED_NAMES = frozenset({"root", "admin", "public", "node"})
MIN_PASSWORD_LENGTH = 8


def _digest(password, salt):
    return "sha256$%s$%s" % (salt, hashlib.sha256((salt + password).encode()).hexdigest())


def password_matches(user, password):
    """Whether ``password`` is the user's current one (for tests; never exposed)."""
    salt = user["_password_digest"].split("$")[1]
    return hmac.compare_digest(user["_password_digest"], _digest(password, salt))


def _check_name(name):
    if not isinstance(name, str) or not NAME_RE.match(name):
        raise bad_request("invalid SQL user name %r: use 1 to 63 lowercase letters, digits, '_', "
                          "'-' or '.', not starting with a digit" % (name,))
    if name in RESERVED_NAMES:
        raise bad_request("SQL user name %r is reserved; choose another name" % name)
    return name


def _check_password(password):
    if not isinstance(password, str):
        raise bad_request("password is required and must be a string")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise bad_request("password must be at least %d characters" % MIN_PASSWORD_LENGTH)
    return _digest(password, secrets.token_hex(8))


def _find(users, name):
    if name not in users:
        raise not_found("SQL user", name)
    return users[name]


@operation("ListSQLUsers", roles=SQL_USER_READ, scope="cluster")
def list_sql_users(ctx, cluster_id):
    items, pagination = ctx.page(ctx.children("sql_users").values(), created_key=None)
    return {"users": items, "pagination": pagination}


@operation("CreateSQLUser", roles=ADMIN_CLUSTER, scope="cluster")
def create_sql_user(ctx, cluster_id):
    users = ctx.children("sql_users")
    name = _check_name(ctx.body.get("name"))
    password_digest = _check_password(ctx.body.get("password"))
    if name in users:
        raise conflict("a SQL user named %r already exists in cluster %s" % (name, cluster_id))
    users[name] = {"name": name, "_password_digest": password_digest}
    return public(users[name])


@operation("DeleteSQLUser", roles=ADMIN_CLUSTER, scope="cluster")
def delete_sql_user(ctx, cluster_id, name):
    users = ctx.children("sql_users")
    user = _find(users, name)
    del users[name]
    return public(user)


@operation("UpdateSQLUserPassword", roles=ADMIN_CLUSTER, scope="cluster")
def update_sql_user_password(ctx, cluster_id, name):
    user = _find(ctx.children("sql_users"), name)
    user["_password_digest"] = _check_password(ctx.body.get("password"))
    return public(user)
