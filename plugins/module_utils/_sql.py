# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""The SQL side of a cluster: its databases and SQL users (descriptions for the kit,
shared by the managing modules and their _info modules)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import InvalidInput
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.collection import Collection
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.fields import Field, Fields, Send
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.scopes import ClusterScope

DATABASE_NAME_RE = re.compile(r"^[A-Za-z0-9_-]{1,63}$")
USER_NAME_RE = re.compile(r"^[a-z_.-][a-z0-9_.-]{0,62}$")
RESERVED_USER_NAMES = frozenset(["root", "admin", "public", "node"])
MIN_PASSWORD_LENGTH = 8


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
    fields = Fields(Field("name", update=False))

    def check_input(self):
        check_database_name(self.params.get("name"))
        if self.params.get("new_name") is not None:
            check_database_name(self.params["new_name"], "new_name")
            if self.params.get("state") == "absent":
                raise InvalidInput("new_name only applies with state=present: to delete the database, "
                                   "leave new_name out")
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
        return {"name": self.params["name"], "table_count": 0}

    def predict_update(self, current, changes):
        return dict(current, name=changes["new_name"])

    def update(self, current, changes):
        self.scope.ready_for_change()
        return self.client.patch(self.item_path(current), {"new_name": changes["new_name"]})


class SqlUsers(Collection):
    """``/clusters/{id}/sql-users``, keyed by name; the password is write-only."""

    kind = "sql_user"
    noun = "SQL user"
    scope = ClusterScope
    path = "sql-users"
    items = "users"
    fields = Fields(
        Field("name", update=False),
        Field("password", api=False, secret=True, write_only="update_password",
              update=Send("PUT", suffix="password", body="password", idempotent=True)),
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
