# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""Role grants (Sets: one grant per task, or the whole set of a user's roles), the principals
they name (people looked up by email, service accounts by name or id), and what
cockroach_user_info and cockroach_role_grant_info read."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import API, ApiError, NotFound
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import InvalidInput, path_segment
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.sets import Set
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.waiters import fetch_or_none
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources import _cluster_lookup, _folder_paths
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources._common import _one_of
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources._service_account_lookup import (
    ACCOUNTS_PATH,
    account_missing,
    find_account,
)

_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
SAMPLE_USER_ID = "8c4b6a31-0c5f-4f6e-9d8a-2b7e1f3c4d5a"  # user ids (of people and service accounts) are UUIDs

ORGANIZATION, FOLDER, CLUSTER = "ORGANIZATION", "FOLDER", "CLUSTER"
RESOURCE_TYPES = (ORGANIZATION, FOLDER, CLUSTER)
# role -> the resource types a grant of it may sit on (NOTES.md; the service refuses others)
ROLE_SCOPES = {
    "ORG_ADMIN": (ORGANIZATION,),
    "ORG_MEMBER": (ORGANIZATION,),
    "BILLING_COORDINATOR": (ORGANIZATION,),
    "FOLDER_ADMIN": (ORGANIZATION, FOLDER),
    "FOLDER_MOVER": (ORGANIZATION, FOLDER),
    "CLUSTER_ADMIN": RESOURCE_TYPES,
    "CLUSTER_OPERATOR_WRITER": RESOURCE_TYPES,
    "CLUSTER_DEVELOPER": RESOURCE_TYPES,
}
ROLE_NAMES = tuple(ROLE_SCOPES)
KEPT_BY_PURGE = ("ORG_MEMBER",)  # a purge keeps the membership of the organization


# -- users and role grants -----------------------------------------------------------------------

class Principal(object):
    """The user a task's roles are about: ``user`` (a person's email, or a user id) or
    ``service_account`` (a name or an id)."""

    def __init__(self, ctx):
        self.ctx = ctx
        self.user = ctx.params.get("user")
        self.account = ctx.params.get("service_account")
        self.missing = False  # a service account that does not exist (yet)

    def check_input(self):
        if self.user is not None:
            text = self.user.strip()
            if not text:
                raise InvalidInput("user must not be empty: give a person's email or a user id")
            if not (_EMAIL_RE.match(text) or _cluster_lookup.looks_like_id(text)):
                raise InvalidInput("user %r is not an email address (name@example.com), nor a user id (a UUID such as "
                                   "%s): give the person's email or their user id" % (self.user, SAMPLE_USER_ID))
        if self.account is not None and not self.account.strip():
            raise InvalidInput("service_account must not be empty: give the service account's name or id")

    def describe(self):
        return "user %s" % self.user if self.user is not None else "service account %s" % self.account

    def resolve(self, create_ok=False):
        """The user id; None for a service account that does not exist, when that may be
        (``create_ok``: check mode or state=absent). A person that no email names fails."""
        client = self.ctx.client
        if self.user is not None:
            if _cluster_lookup.looks_like_id(self.user.strip()):
                return self.user.strip()
            users = person_users(client, self.user.strip())
            if not users:
                raise NotFound("no person with email %s in the organization (people join it through the CockroachDB "
                               "Cloud Console)" % self.user.strip(), method="GET", path=PERSONS_PATH)
            return _one_of(users, "person", self.user)["id"]
        if _cluster_lookup.looks_like_id(self.account.strip()):
            return self.account.strip()  # not read: reading its roles tells whether it exists
        found, count = find_account(client, self.account.strip())
        if found is None:
            if not create_ok:
                raise NotFound(account_missing(self.account, count), method="GET", path=ACCOUNTS_PATH)
            self.missing = True
            return None
        return found["id"]


PERSONS_PATH = API + "/users/persons-by-email"


def person_users(client, email):
    """The people with ``email``: the contract answers ``users`` (a list), the live service
    ``user`` (one person, or none; a 404 is read as none too)."""
    try:
        answer = client.get(PERSONS_PATH, params={"email": email})
    except ApiError as error:
        if error.status != 404:
            raise
        return []
    users = answer.get("users")
    if isinstance(users, dict):  # the live document's other spelling of its one person
        users = [users]
    if not users and isinstance(answer.get("user"), dict) and answer["user"].get("id"):
        users = [answer["user"]]
    return list(users or [])


def _at(where, message):
    """``message`` prefixed with where it applies (``roles[2]: ...``), when that is needed."""
    return "%s: %s" % (where, message) if where else message


def parse_resource(resource, resource_type, where):
    """``(type, reference)`` of a grant's resource: ``organization`` (or nothing), a folder path
    or a cluster name, or with ``resource_type`` an id; the reference is None for the
    organization (its id is found when needed)."""
    text = resource.strip() if isinstance(resource, str) else resource
    if text is not None and not isinstance(text, str):
        raise InvalidInput(_at(where, "resource %r must be a string: organization, a folder path or a cluster name"
                               % (resource,)))
    is_org = not text or text.lower() == "organization"
    kind = resource_type or (ORGANIZATION if is_org else FOLDER if text.startswith("/") else CLUSTER)
    if kind == ORGANIZATION:
        if not is_org and text.startswith("/"):
            raise InvalidInput(_at(where, "resource_type ORGANIZATION takes no folder path (%s): leave resource out, "
                                          "or set resource_type FOLDER" % text))
        return kind, None if is_org else text
    if is_org:
        raise InvalidInput(_at(where, "resource_type %s needs resource: the %s's %s" % (
            kind, kind.lower(), "path or id" if kind == FOLDER else "name or id")))
    if kind == FOLDER and text.startswith("/"):
        try:
            text = _folder_paths.check_path(text, "resource")
        except ValueError as problem:
            raise InvalidInput(_at(where, str(problem))) from None
    if kind == CLUSTER and text.startswith("/"):
        raise InvalidInput(_at(where, "%s is a folder path, not a cluster: leave resource_type out, or set it to "
                                      "FOLDER" % text))
    return kind, text


def check_role(role, kind, reference, where):
    scopes = ROLE_SCOPES.get(role)
    if scopes is None:
        raise InvalidInput(_at(where, "unknown role %r; roles are %s" % (role, ", ".join(ROLE_NAMES))))
    if kind not in scopes:
        raise InvalidInput(_at(where, "role %s can only be granted on %s, not on %s %s" % (
            role, " or ".join(s.lower() for s in scopes), kind.lower(), reference)))


def _org_without_id(grant):
    resource = grant.get("resource") or {}
    return resource.get("type") == ORGANIZATION and not resource.get("id")


def grant_key(role, kind, resource_id):
    return "%s on %s %s" % (role, kind, resource_id)


class _Roles(Set):
    """The role grants of one user (a person or a service account), read with one request
    (``GetAllRolesForUser``). A subclass gives the task's grants (``entries``) and how the
    changes are sent. Members: ``{grant, role, resource_type, resource_id, resource}``, where
    ``resource`` is how the task named it (a folder path, a cluster name, ``organization``),
    else the id."""

    kind = "roles"
    noun = "role grant"
    path = "roles"
    option = "roles"
    key_field = "grant"

    def __init__(self, ctx):
        super(_Roles, self).__init__(ctx)
        self.principal = Principal(ctx)
        self.user_id = None
        self.parsed = []  # [(where, role, type, reference)]
        self.names = {}  # (type, id) -> how the task names it
        self.current = {}
        self.org_id = None  # the organization's id, once known

    def entries(self):
        """The task's grants as ``[(where, role, resource, resource_type)]``."""
        raise NotImplementedError

    def check_input(self):
        # Not Set.check_input: the grants are parsed here, the principal checked first.
        self.scope.check_input()
        self.check_purge()
        self.principal.check_input()
        seen = {}
        for where, role, resource, resource_type in self.entries():
            kind, reference = parse_resource(resource, resource_type, where)
            check_role(role, kind, reference or "organization", where)
            same = (role, kind, reference)
            if same in seen:
                raise InvalidInput("%s and %s both grant %s on %s; list each grant once"
                                   % (seen[same], where, role, reference or "the organization"))
            seen[same] = where
            self.parsed.append((where, role, kind, reference))

    # -- resolving names ---------------------------------------------------------------------------
    def organization_id(self, grants):
        """The organization's id: from a grant on it that shows the id (the contract's), else
        one read of the organization (the live service shows such grants without it)."""
        if self.org_id is None:
            for grant in grants:
                if (grant.get("resource") or {}).get("type") == ORGANIZATION and grant["resource"].get("id"):
                    self.org_id = grant["resource"]["id"]
                    break
            else:
                self.org_id = self.client.get("%s/organization" % API)["id"]
        return self.org_id

    def resolve(self, grants):
        """{(type, reference): id or None} for the task's resources: one read per kind that
        needs one (the organization's id, the folders, the clusters by name). A resource
        that does not exist is None in check mode (with a warning) and with state=absent,
        else an error."""
        ids = {}
        parsed = self.parsed
        if any(kind == ORGANIZATION and ref is None for _w, _r, kind, ref in parsed):
            ids[(ORGANIZATION, None)] = self.organization_id(grants)
        paths = [ref for _w, _r, kind, ref in parsed if kind == FOLDER and ref.startswith("/")]
        if paths:
            folders = _folder_paths.Folders(self.client)
            for path in paths:
                found = folders.find(path)
                ids[(FOLDER, path)] = found["id"] if found else self.missing(
                    "folder %s does not exist%s" % (path, "; folders: " + folders.known() if folders.known() else ""))
        names = [ref for _w, _r, kind, ref in parsed if kind == CLUSTER and not _cluster_lookup.looks_like_id(ref)]
        if names:
            found, count = _cluster_lookup.lookup_clusters(self.client, names)
            for name in names:
                cluster = found.get(name)
                ids[(CLUSTER, name)] = cluster["id"] if cluster and cluster.get("state") != "DELETED" else \
                    self.missing(_cluster_lookup.missing_message(name, count))
        for _w, _r, kind, ref in parsed:
            ids.setdefault((kind, ref), ref)
        return ids

    def missing(self, message):
        if self.state == "absent":
            return None
        if self.ctx.check_mode:
            self.ctx.warn("%s; in check mode this task predicts the grant as on a new one (as if an earlier task "
                          "created it), a real run fails unless it exists by then" % message)
            return None
        raise InvalidInput(message)

    def wanted_members(self, ids):
        wanted, keys = [], {}
        for where, role, kind, ref in self.parsed:
            resource_id = ids[(kind, ref)]
            spelled = "organization" if kind == ORGANIZATION and ref is None else ref
            if resource_id is None:
                if self.state == "absent":
                    continue  # a resource that does not exist holds no grant to remove
                key = grant_key(role, kind, "%s (to be created)" % spelled)
            else:
                key = grant_key(role, kind, resource_id)
                self.names[(kind, resource_id)] = spelled
            if key in keys:
                raise InvalidInput("%s and %s both grant %s on %s %s; list each grant once"
                                   % (keys[key], where, role, kind.lower(), resource_id))
            keys[key] = where
            wanted.append((key, {"role": role, "resource_type": kind, "resource_id": resource_id,
                                 "resource": spelled}))
        return wanted

    # -- the kit's hooks -------------------------------------------------------------------------
    def find(self):
        create_ok = self.ctx.check_mode or self.state == "absent"
        self.user_id = self.principal.resolve(create_ok)
        grants = []
        if self.user_id is not None:
            try:
                grants = self.client.get(self.user_path()).get("roles") or []
            except ApiError as error:
                if error.status != 404:
                    raise
                raise NotFound("no user with id %s in the organization" % self.user_id, method="GET",
                               path=self.user_path()) from None
        if self.user_id is None and self.state == "absent":
            self.wanted = []
            return None
        self.wanted = self.wanted_members(self.resolve(grants))
        if self.user_id is None:
            self.ctx.warn("%s does not exist; in check mode this task predicts its roles as for a new service "
                          "account (as if an earlier task created it)" % self.principal.describe())
        if any(_org_without_id(g) for g in grants):
            self.organization_id(grants)  # the live service shows grants on it without its id
        self.current = dict((m["grant"], m) for m in (self.canonical(g) for g in grants))
        return self.current

    def canonical(self, item):
        resource = item.get("resource") or {}
        kind, resource_id = resource.get("type"), resource.get("id")
        if kind == ORGANIZATION and not resource_id:
            resource_id = self.org_id
        return {"grant": grant_key(item.get("name"), kind, resource_id), "role": item.get("name"),
                "resource_type": kind, "resource_id": resource_id,
                "resource": self.names.get((kind, resource_id), resource_id)}

    def changes(self, member, values):
        return {}  # a grant is there or not: nothing of it changes

    def diff_member(self, member):
        return {"role": member["role"], "resource_type": member["resource_type"], "resource": member["resource"]}

    def user_path(self):
        return "%s/roles/%s" % (API, path_segment(self.user_id))

    def item_path(self, member):
        return "%s/%s/%s/%s" % (self.user_path(), path_segment(member["resource_type"]),
                                path_segment(member["resource_id"]), path_segment(member["role"]))

    def api_grant(self, member):
        """A grant as a request body takes it; the live service takes a grant on the
        organization without its id (as its document's examples and the official Terraform
        provider send it)."""
        resource = {"type": member["resource_type"], "id": member["resource_id"]}
        if member["resource_type"] == ORGANIZATION and self.wire == "live":
            del resource["id"]
        return {"name": member["role"], "resource": resource}

    def run(self):
        out = super(_Roles, self).run()
        out["user_id"] = self.user_id
        return out


class RoleGrant(_Roles):
    """One grant (``role`` on ``resource``) of one user: added with ``AddUserToRole``, removed
    with ``RemoveUserFromRole``; the result shows all the user's roles."""

    def entries(self):
        params = self.params
        return [("", params.get("role"), params.get("resource"), params.get("resource_type"))]

    def add(self, member):
        self.client.post(self.item_path(member), idempotent=True)  # adding a grant held already changes nothing
        return member


class UserRoles(_Roles):
    """The whole set of a user's roles (``roles``, ``purge``), sent in one ``SetRolesForUser``
    (it replaces them all). A purge keeps ORG_MEMBER unless ``state=absent`` lists it."""

    def entries(self):
        return [("roles[%d]" % index, entry.get("role"), entry.get("resource"), entry.get("resource_type"))
                for index, entry in enumerate(self.params.get("roles") or [])]

    def purgeable(self, member):
        return member["role"] not in KEPT_BY_PURGE

    def apply(self, plan):
        roles = [self.api_grant(m) for m in plan.result_set(self.current)]
        try:
            self.client.put(self.user_path(), {"roles": roles}, idempotent=True)
        except ApiError as error:
            error.message = "%s (the task would have added %d and removed %d role grants of %s)" % (
                error.message, len(plan.add), len(plan.remove), self.principal.describe())
            raise
        return plan


def user_info(ctx):
    """The people with ``email`` (and each one's roles with ``include_roles``)."""
    email = (ctx.params.get("email") or "").strip()
    if not _EMAIL_RE.match(email):
        raise InvalidInput("email %r is not an email address (name@example.com)" % ctx.params.get("email"))
    users = person_users(ctx.client, email)
    if ctx.params.get("include_roles"):
        for user in users:
            user["roles"] = ctx.client.get("%s/roles/%s" % (API, path_segment(user["id"]))).get("roles") or []
    return {"changed": False, "users": users}


def role_grant_info(ctx):
    """Every user's grants (``grants: [{user_id, roles}]``), or one user's."""
    principal = Principal(ctx)
    principal.check_input()
    if principal.user is None and principal.account is None:
        return {"changed": False, "grants": ctx.client.list_all("%s/roles" % API, "grants")}
    try:
        user_id = principal.resolve(create_ok=True)
    except NotFound:  # no person with that email: no grants, as for an unknown service account
        user_id = None
    if user_id is None:
        return {"changed": False, "grants": []}
    roles = fetch_or_none(ctx.client, "%s/roles/%s" % (API, path_segment(user_id)))()
    if roles is None:
        return {"changed": False, "grants": []}
    return {"changed": False, "grants": [{"user_id": user_id, "roles": roles.get("roles") or []}]}
