# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""The SQL side of a cluster: its databases and SQL users (descriptions for the kit,
shared by the managing modules and their _info modules), one per task (``name``:
``Databases``, ``SqlUsers``) or as sets (``databases``, ``users``: ``DatabaseSet``,
``SqlUserSet``); ``database_task`` and ``sql_user_task`` pick one for the task."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import InvalidInput, OnlyWith, as_int, path_segment
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.collection import Collection
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.fields import Field, Fields, Send
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.sets import Set, listed_once, set_entries
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources._cluster_lookup import ClusterScope

DATABASE_NAME_RE = re.compile(r"^[A-Za-z0-9_-]{1,63}$")
USER_NAME_RE = re.compile(r"^[a-z_.-][a-z0-9_.-]{0,62}$")
RESERVED_USER_NAMES = frozenset(["root", "admin", "public", "node"])
MIN_PASSWORD_LENGTH = 8
# The databases the service makes with every cluster (it hides ``system``, listed here in
# case a listing shows it): a purge never removes them.
BUILT_IN_DATABASES = frozenset(["defaultdb", "postgres", "system"])


def table_count(value):
    """A database's ``table_count`` as an integer: a number from the project's contract, a
    string from the live service (int64); 0 when missing or unreadable."""
    count = as_int(value or 0)
    return count if isinstance(count, int) else 0


def check_database_name(name, option="name"):
    """Reject a database name the service would refuse (before any request)."""
    if not name:
        raise InvalidInput("%s must not be empty: give the database's name" % option)
    if not DATABASE_NAME_RE.match(name):
        raise InvalidInput("invalid database %s %r: use 1 to 63 letters, digits, '_' or '-'" % (option, name))


def check_user_name(name):
    """Reject a SQL user name the service would refuse (before any request)."""
    if not name:
        raise InvalidInput("name must not be empty: give the SQL user's name")
    if not USER_NAME_RE.match(name):
        raise InvalidInput("invalid SQL user name %r: use 1 to 63 lowercase letters, digits, '_', '-' or '.', "
                           "not starting with a digit" % name)
    if name in RESERVED_USER_NAMES:
        raise InvalidInput("SQL user name %r is reserved for the cluster's built-in role; choose another name" % name)


class Databases(Collection):
    """``/clusters/{id}/databases``, keyed by name; a rename is PATCH ``{new_name}``."""

    kind = "database"
    scope = ClusterScope
    path = "databases"
    items = "databases"
    member_get = False  # no GET of one database: read again from the listing
    fields = Fields(Field("name", update=False))
    only_with = (OnlyWith("new_name", "state", "present", hint="to delete the database, leave {it} out"),)

    def check_input(self):
        check_database_name(self.params.get("name"))
        if self.params.get("new_name") is not None:
            check_database_name(self.params["new_name"], "new_name")
        super(Databases, self).check_input()

    def lookup(self):
        """The database ``name``; with ``new_name``, the one of the two names that exists
        (a rename that was made already is found under its new name)."""
        name, new_name = self.params["name"], self.params.get("new_name")
        current = self.find_in_listing(name)
        if new_name is None or new_name == name:
            return current
        renamed = self.find_in_listing(new_name)
        cluster = self.params["cluster"]
        if current is not None and renamed is not None:
            raise InvalidInput("databases %s and %s both exist on cluster %s: %s cannot be renamed to %s; "
                               "delete one of them or leave new_name out" % (name, new_name, cluster, name, new_name))
        if current is None and renamed is None:
            raise InvalidInput("database %s does not exist on cluster %s, so it cannot be renamed to %s; "
                               "create it first, or manage %s with name: %s"
                               % (name, cluster, new_name, new_name, new_name))
        return current if current is not None else renamed

    def changes(self, current):
        new_name = self.params.get("new_name")
        return {"new_name": new_name} if new_name is not None and new_name != current["name"] else {}

    def predict_create(self):
        """A new database as the server would show it (the live service sends int64 as strings)."""
        return {"name": self.params["name"], "table_count": "0" if self.wire == "live" else 0}

    def predict_update(self, current, changes):
        return dict(current, name=changes["new_name"])

    def update(self, current, changes):
        self.scope.ready_for_change()
        new_name = changes["new_name"]
        return self.client.change("PATCH", self.item_path(current), lambda: self.find_in_listing(new_name, True),
                                  body={"new_name": new_name})


class SqlUsers(Collection):
    """``/clusters/{id}/sql-users``, keyed by name; the password is write-only."""

    kind = "sql_user"
    noun = "SQL user"
    scope = ClusterScope
    path = "sql-users"
    items = "users"
    member_get = False  # no GET of one SQL user: read again from the listing
    fields = Fields(
        Field("name", update=False),
        Field("password", api=False, secret=True, write_only="update_password",
              update=Send("PUT", suffix="password", body="password", idempotent=True)),
    )
    # Said, not refused: a loop over users may toggle their state with their passwords.
    only_with = (
        OnlyWith("password", "state", "present", warn=True, hint="deleting a SQL user takes no password"),
        OnlyWith("update_password", "state", "present", unset="on_create", warn=True,
                 hint="deleting a SQL user takes no password"),
    )

    def check_input(self):
        params = self.params
        check_user_name(params.get("name"))
        super(SqlUsers, self).check_input()
        if params.get("state") == "absent":
            return
        if params.get("password") is not None:
            if len(params["password"]) < MIN_PASSWORD_LENGTH:
                # Never echo the password, not even its length.
                raise InvalidInput("password is too short: a SQL user password needs at least %d characters"
                                   % MIN_PASSWORD_LENGTH)
        elif params.get("update_password") == "always":
            raise InvalidInput("update_password=always needs a password")

    def validate(self, current):
        super(SqlUsers, self).validate(current)
        if current is None and not self.params.get("password"):
            raise InvalidInput("SQL user %s does not exist on cluster %s: give a password to create it"
                               % (self.params["name"], self.params["cluster"]))


# -- sets: several in one task ------------------------------------------------------------------

def _item_check(where, check, *args):
    """``check(*args)``, its InvalidInput message prefixed with ``where`` (``databases[2]``)."""
    try:
        check(*args)
    except InvalidInput as problem:
        raise InvalidInput("%s: %s" % (where, problem))


class DatabaseSet(Set):
    """The databases of a cluster as a set keyed by name (``databases``, ``purge``). A purge
    never removes the databases the service makes with a cluster (``BUILT_IN_DATABASES``)."""

    kind = "databases"
    noun = "database"
    scope = ClusterScope
    path = "databases"
    items = "databases"
    option = "databases"
    key_field = "name"

    def canonical(self, item):
        """A database of the set: ``table_count`` an integer whatever the wire format (the
        live service sends int64 values as strings)."""
        return {"name": item["name"], "table_count": table_count(item.get("table_count"))}

    def desired(self, entries):
        """``[(name, {})]``: a database is its name, given as such or as ``{name: ...}``."""
        wanted, seen = [], {}
        for index, entry in enumerate(entries or []):
            where = "databases[%d]" % index
            if isinstance(entry, dict):
                unknown = sorted(str(k) for k in entry if k != "name")
                if unknown:
                    raise InvalidInput("%s: unknown key %s: a database is given by its name, or as a dictionary "
                                       "with name only" % (where, ", ".join(unknown)))
                name = entry.get("name")
            else:
                name = entry
            if name is not None and not isinstance(name, str):
                raise InvalidInput("%s: %r is not a database name (a %s); quote it in YAML to use it as a name"
                                   % (where, name, type(name).__name__))
            _item_check(where, check_database_name, name)
            listed_once(seen, name, where, "database")
            wanted.append((name, {}))
        return wanted

    def purgeable(self, member):
        return member["name"] not in BUILT_IN_DATABASES

    def new_member(self, key, values):
        return dict(super(DatabaseSet, self).new_member(key, values), table_count=0)

    def item_path(self, member):
        return "%s/%s" % (self.base, path_segment(member["name"]))

    def create_body(self, member):
        return {"name": member["name"]}

    def update_body(self, before, after):
        raise NotImplementedError("a database has no field to update: it is only added or removed")


class SqlUserSet(Set):
    """The SQL users of a cluster as a set keyed by name (``users``, ``purge``), the password
    write-only: sent at create, and to every listed user with ``update_password=always``
    (one PUT each). A purge never removes the built-in roles (``RESERVED_USER_NAMES``),
    should a listing show them."""

    kind = "sql_users"
    noun = "SQL user"
    scope = ClusterScope
    path = "sql-users"
    items = "users"
    option = "users"
    key_field = "name"
    fields = Fields(
        Field("password", api=False, secret=True, write_only="update_password",
              update=Send("PUT", suffix="password", body="password", idempotent=True)),
    )

    def canonical(self, item):
        return {"name": item["name"]}

    def desired(self, entries):
        """``[(name, {password})]``, names and passwords checked; messages name the user,
        never the password (not even its length)."""
        wanted, seen = [], {}
        always = self.params.get("update_password") == "always"
        for where, entry in set_entries(entries, "users", "name and password"):
            name = entry.get("name")
            _item_check(where, check_user_name, name)
            listed_once(seen, name, where, "SQL user")
            password = entry.get("password")
            if self.state == "absent":
                wanted.append((name, {}))
                continue
            if password is not None:
                if len(password) < MIN_PASSWORD_LENGTH:
                    raise InvalidInput("%s (SQL user %s): password is too short: a SQL user password needs at "
                                       "least %d characters" % (where, name, MIN_PASSWORD_LENGTH))
                wanted.append((name, {"password": password}))
            elif always:
                raise InvalidInput("%s (SQL user %s): update_password=always needs a password for every listed "
                                   "user" % (where, name))
            else:
                wanted.append((name, {}))
        return wanted

    def compare(self, current):
        plan = super(SqlUserSet, self).compare(current)
        missing = [m["name"] for m in plan.add if m.get("password") is None]
        if len(missing) == 1:
            raise InvalidInput("SQL user %s does not exist on cluster %s: give a password to create it"
                               % (missing[0], self.params["cluster"]))
        if missing:
            raise InvalidInput("SQL users %s do not exist on cluster %s: give each a password to create them"
                               % (", ".join(missing), self.params["cluster"]))
        return plan

    def purgeable(self, member):
        return member["name"] not in RESERVED_USER_NAMES

    def item_path(self, member):
        return "%s/%s" % (self.base, path_segment(member["name"]))

    def create_body(self, member):
        return {"name": member["name"], "password": member["password"]}

    def update_body(self, before, after):
        raise NotImplementedError("a SQL user has no field to update but its password, sent with its own PUT")


def database_task(ctx):
    """What cockroach_database runs: the set (``databases``) or one database (``name``)."""
    return (DatabaseSet if ctx.params.get("databases") is not None else Databases).task(ctx)


def sql_user_task(ctx):
    """What cockroach_sql_user runs: the set (``users``) or one user (``name``)."""
    return (SqlUserSet if ctx.params.get("users") is not None else SqlUsers).task(ctx)
