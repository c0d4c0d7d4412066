"""Databases of a cluster: list, create, rename (PATCH ``{new_name}``), delete.

A new cluster starts with the databases ``defaultdb`` and ``postgres`` (table_count 0),
as the real service lists them (it hides ``system``). Both may be renamed or dropped
like any other database. Names are 1 to 63 letters, digits, ``_`` or ``-`` and are
compared exactly. Renaming a database to its own name changes nothing (200).
A database has no creation time in the contract, so ``pagination.as_of_time`` does not
filter the listing (it is served in creation order).
"""

import re

from ..errors import bad_request, conflict, not_found
from ..permissions import ADMIN_CLUSTER, READ_CLUSTER
from ..registry import operation
from ..store import public

NAME_RE = re.compile(r"^[A-Za-z0-9_-]{1,63}$")
INITIAL_DATABASES = ("defaultdb", "postgres")


def _initial():
    return {name: {"name": name, "table_count": 0} for name in INITIAL_DATABASES}


def _databases(ctx):
    return ctx.children("databases", default=_initial)


def _check_name(name, field="name"):
    if not isinstance(name, str) or not NAME_RE.match(name):
        raise bad_request("invalid database %s %r: use 1 to 63 letters, digits, '_' or '-'"
                          % (field, name))
    return name


def _find(databases, name):
    if name not in databases:
        raise not_found("database", name)
    return databases[name]


@operation("ListDatabases", roles=READ_CLUSTER, scope="cluster")
def list_databases(ctx, cluster_id):
    items, pagination = ctx.page(_databases(ctx).values(), created_key=None)
    return {"databases": items, "pagination": pagination}


@operation("CreateDatabase", roles=ADMIN_CLUSTER, scope="cluster")
def create_database(ctx, cluster_id):
    databases = _databases(ctx)
    name = _check_name(ctx.body.get("name"))
    if name in databases:
        raise conflict("a database named %r already exists in cluster %s" % (name, cluster_id))
    databases[name] = {"name": name, "table_count": 0}
    return public(databases[name])


@operation("EditDatabase", roles=ADMIN_CLUSTER, scope="cluster")
def edit_database(ctx, cluster_id, name):
    databases = _databases(ctx)
    database = _find(databases, name)
    if ctx.body.get("new_name") is None:
        raise bad_request("new_name is required: EditDatabase renames a database")
    new_name = _check_name(ctx.body["new_name"], "new_name")
    if new_name == name:
        return public(database)
    if new_name in databases:
        raise conflict("a database named %r already exists in cluster %s" % (new_name, cluster_id))
    # Rebuild the map so the renamed database keeps its place in the listing.
    renamed = {(new_name if key == name else key): value for key, value in databases.items()}
    database["name"] = new_name
    databases.clear()
    databases.update(renamed)
    return public(database)


@operation("DeleteDatabase", roles=ADMIN_CLUSTER, scope="cluster")
def delete_database(ctx, cluster_id, name):
    databases = _databases(ctx)
    database = _find(databases, name)
    del databases[name]
    return public(database)
