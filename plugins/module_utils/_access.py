# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""Access to the organization: service accounts and their API keys (Collections of the kit),
role grants (Sets: one grant per task, or the whole set of a user's roles), people looked up
by email, and JWT issuers; with what their info modules read."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import os
import re
import tempfile

from ansible_collections.cockroachdb.cloud.plugins.module_utils import _clusters, _folders
from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import ApiError, NotFound, explain
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import (
    InvalidInput,
    OnlyWith,
    path_segment,
    refuse_blank,
)
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.collection import Collection
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.fields import Field, Fields
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.info import listing_info
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.sets import Set
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.waiters import fetch_or_none

API = "/api/v1"
ACCOUNTS_PATH = API + "/service-accounts"
MAX_ACCOUNT_NAME = 255
MAX_DESCRIPTION = 1024
MAX_KEY_NAME = 100
# A key's secret is CCDB1_<id part>_<secret part>; its id is the public CCDB1_<id part>.
_SECRET_RE = re.compile(r"^(CCDB1_[A-Za-z0-9]+)_[A-Za-z0-9]+$")
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


def _text_check(value, option, longest):
    if not isinstance(value, str) or not value.strip():
        raise InvalidInput("%s must not be empty" % option)
    if len(value) > longest:
        raise InvalidInput("%s must be at most %d characters, got %d" % (option, longest, len(value)))


def _one_of(matches, what, ref):
    """The one match, None for none; more than one is ambiguous."""
    if len(matches) > 1:
        raise InvalidInput("%d %ss are named %r (ids %s): give the id of the one you mean"
                           % (len(matches), what, ref, ", ".join(sorted(m.get("id") or "?" for m in matches))))
    return matches[0] if matches else None


class _RenamedByName(object):
    """``name`` + ``new_name``: the member is found under either name (a rename that was made
    already is found under the new one), and the new name is what the task asks for."""

    def renamed_lookup(self):
        name, new_name = self.params.get("name"), self.params.get("new_name")
        current = self.find_in_listing(name)
        if new_name is None or new_name == name:
            return current
        renamed = self.find_in_listing(new_name)
        if current is not None and renamed is not None:
            raise InvalidInput("%ss %r and %r both exist%s: %r cannot be renamed to %r; delete one of them or leave "
                               "new_name out" % (self.word, name, new_name, self.where(), name, new_name))
        if current is None and renamed is None:
            raise InvalidInput("%s %r does not exist%s, so it cannot be renamed to %r; create it first, or manage "
                               "%r with name: %r" % (self.word, name, self.where(), new_name, new_name, new_name))
        return current if current is not None else renamed

    def where(self):
        return ""

    def wanted(self, current=None):
        wanted = super(_RenamedByName, self).wanted(current)
        if self.params.get("new_name") is not None:
            wanted["name"] = self.params["new_name"]
        return wanted


# -- service accounts ----------------------------------------------------------------------------

def check_account_name(name, option="name"):
    _text_check(name, option, MAX_ACCOUNT_NAME)


class ServiceAccount(_RenamedByName, Collection):
    """``/service-accounts``, by name (the service does not keep names unique: two accounts with
    one name must be told apart by id) or by id; PATCH renames and changes the description."""

    kind = "service_account"
    noun = "service account"
    path = "service-accounts"
    items = "service_accounts"
    item_key = "id"
    id_option = "id"
    fields = Fields(Field("name"), Field("description"))
    only_with = (
        OnlyWith("new_name", "state", "present", hint="to delete the service account, leave {it} out"),
        OnlyWith("description", "state", "present", warn=True, hint="a delete takes no description"),
    )

    def check_input(self):
        super(ServiceAccount, self).check_input()
        params = self.params
        if params.get("name") is not None:
            check_account_name(params["name"])
        refuse_blank(params, "id", "give the service account's id, or its name")
        if params.get("new_name") is not None:
            check_account_name(params["new_name"], "new_name")
        if params.get("description") is not None and len(params["description"]) > MAX_DESCRIPTION:
            raise InvalidInput("description must be at most %d characters, got %d"
                               % (MAX_DESCRIPTION, len(params["description"])))

    def find_in_listing(self, key, refresh=False):
        return _one_of([i for i in self.listing(refresh) if i.get("name") == key], self.word, key)

    def lookup(self):
        if self.params.get("id"):
            return super(ServiceAccount, self).lookup()
        return self.renamed_lookup()

    def predict_create(self):
        return dict(super(ServiceAccount, self).predict_create(), roles=[])

    def validate_delete(self, current):
        """Refuse to delete the account that owns the key this task authenticates with (its
        keys are revoked with it): one read of that key."""
        own = key_id_of(self.params.get("api_key"))
        if not own:
            return
        try:
            key = self.client.get("%s/api-keys/%s" % (API, path_segment(own)))
        except ApiError:
            return  # not readable here: the service decides
        if key.get("service_account_id") == current.get("id"):
            raise InvalidInput("service account %s (id %s) owns API key %s, which this task authenticates with; "
                               "deleting the account revokes its keys: delete it with a key of another account"
                               % (current.get("name"), current.get("id"), own))


def find_account(client, ref):
    """(the service account named or with the id ``ref``, or None; how many accounts were read)."""
    if _clusters.looks_like_id(ref):
        found = fetch_or_none(client, "%s/%s" % (ACCOUNTS_PATH, path_segment(ref)))()
        return found, None
    accounts = client.list_all(ACCOUNTS_PATH, "service_accounts")
    return _one_of([a for a in accounts if a.get("name") == ref], "service account", ref), len(accounts)


def account_missing(ref, count):
    if count is None:
        return "no service account with id %s" % ref
    return "no service account named %r among %d service account%s" % (ref, count, "" if count == 1 else "s")


# -- API keys ------------------------------------------------------------------------------------

def key_id_of(secret):
    """The id (``CCDB1_<id part>``) of the key whose secret is ``secret``, or None."""
    match = _SECRET_RE.match(secret or "")
    return match.group(1) if match else None


def check_secret_file(path, ctx=None):
    """Refuse a ``secret_file`` that cannot be written (before anything is created, since the
    secret cannot be read again afterwards). In check mode, a directory that does not exist
    yet (an earlier task would make it) is only warned about."""
    if not path or not path.strip():
        raise InvalidInput("secret_file must not be empty: give the path of the file to write the secret to")
    if os.path.isdir(path):
        raise InvalidInput("secret_file %s is a directory: give the path of a file" % path)
    directory = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(directory):
        message = "the directory of secret_file %s does not exist: create %s first" % (path, directory)
        if ctx is not None and ctx.check_mode:
            ctx.warn("%s (in check mode this task predicts as if an earlier task created it; a real run fails "
                     "unless it exists by then)" % message)
            return
        raise InvalidInput(message)
    if not os.access(directory, os.W_OK | os.X_OK):
        raise InvalidInput("secret_file %s cannot be written: no write permission on %s" % (path, directory))


def write_secret_file(path, secret):
    """Write ``secret`` (alone, no newline) to ``path`` with mode 0600: into a new file of
    that mode in the same directory, which then replaces ``path``."""
    directory = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=".cockroach-api-key-")
    try:
        with os.fdopen(handle, "w") as stream:
            stream.write(secret)
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


class KeyMayExist(ApiError):
    """A create of an API key whose answer was lost, and whose read-back failed: the message
    says it all (not "GET ... failed")."""

    def __str__(self):
        return self.message


class ApiKey(_RenamedByName, Collection):
    """``/api-keys`` of a service account, by name (in the listing of that account's keys) or
    by id. The create answer holds the only copy of the secret: it is returned by the task
    that creates the key (and written to ``secret_file``), never again. A re-run finds the key
    by name and creates no second one."""

    kind = "api_key"
    noun = "API key"
    path = "api-keys"
    items = "api_keys"
    item_key = "id"
    id_option = "id"
    fields = Fields(Field("name"), Field("service_account_id", update=False))

    def __init__(self, ctx):
        super(ApiKey, self).__init__(ctx)
        self.secret = None
        self.secret_lost = False  # created, but its secret is not in the result
        self._account = None  # (id or None, how many accounts were read), once resolved

    # -- input -----------------------------------------------------------------------------------
    def check_input(self):
        super(ApiKey, self).check_input()
        params = self.params
        for option in ("name", "new_name"):
            if params.get(option) is not None:
                _text_check(params[option], option, MAX_KEY_NAME)
        refuse_blank(params, "id", "give the key's id (CCDB1_...), or its name")
        refuse_blank(params, "service_account", "give the service account's name or id")
        if not params.get("id") and not params.get("service_account"):
            raise InvalidInput("service_account is needed to find API key %r by name: give the name or id of the "
                               "service account it belongs to (or give the key's id)" % params.get("name"))
        if params.get("state") == "absent":
            given = [o for o in ("new_name", "secret_file") if params.get(o) is not None]
            given += ["fail_on_lost_secret"] if params.get("fail_on_lost_secret") else []
            if given:
                raise InvalidInput("%s only appl%s with state=present: to delete the key, leave %s out"
                                   % (" and ".join(given), "ies" if len(given) == 1 else "y",
                                      "it" if len(given) == 1 else "them"))
        if params.get("secret_file") is not None:
            check_secret_file(params["secret_file"], self.ctx)

    # -- the service account ---------------------------------------------------------------------
    def account_id(self):
        """The id of the task's service account; None when it does not exist (nothing to
        delete, or check mode before an earlier task creates it)."""
        ref = self.params.get("service_account")
        if ref is None:
            return None
        if self._account is None:
            if _clusters.looks_like_id(ref):
                self._account = (ref, None)
            else:
                found, count = find_account(self.client, ref)
                self._account = (found["id"] if found else None, count)
                if found is None:
                    self.account_is_missing(account_missing(ref, count))
        return self._account[0]

    def account_is_missing(self, message):
        if self.params.get("state") == "absent":
            return
        if self.ctx.check_mode:
            self.ctx.warn("%s; in check mode this task predicts the key as for a new service account (as if an "
                          "earlier task created it), a real run fails unless it exists by then" % message)
            return
        raise NotFound(message, method="GET", path=ACCOUNTS_PATH)

    def where(self):
        return " for service account %s" % self.params.get("service_account")

    # -- reading ---------------------------------------------------------------------------------
    def listing(self, refresh=False):
        if self._items is None or refresh:
            account_id = self.account_id()
            self._items = [] if account_id is None else \
                self.client.list_all(self.base, self.items, params={"service_account_id": account_id})
        return self._items

    def find_in_listing(self, key, refresh=False):
        return _one_of([i for i in self.listing(refresh) if i.get("name") == key], self.word, key)

    def lookup(self):
        if self.params.get("id"):
            return super(ApiKey, self).lookup()
        return self.renamed_lookup()

    def view(self, resource):
        return {"name": resource.get("name"), "service_account_id": resource.get("service_account_id")}

    def managed_view(self, resource):
        return self.view(resource)

    def validate(self, current):
        super(ApiKey, self).validate(current)
        params = self.params
        if current is None:
            ref = params["service_account"]
            if _clusters.looks_like_id(ref) and self.read("%s/%s" % (ACCOUNTS_PATH, path_segment(ref))) is None:
                raise NotFound(account_missing(ref, None), method="GET", path="%s/%s" % (ACCOUNTS_PATH, ref))
            return
        if params.get("service_account") is not None:
            account_id = self.account_id()
            if account_id is not None and account_id != current.get("service_account_id"):
                raise InvalidInput("API key %s (id %s) belongs to service account %s, not to %s; a key cannot move to "
                                   "another service account" % (current.get("name"), current.get("id"),
                                                                current.get("service_account_id"),
                                                                params["service_account"]))
        path = params.get("secret_file")
        if path and not os.path.exists(path):
            self.ctx.warn("API key %s exists already, so secret_file %s was not written: the service shows a key's "
                          "secret only when the key is created. To get a secret, delete the key (state=absent) and "
                          "create it again" % (current.get("name"), path))

    def validate_delete(self, current):
        if current.get("id") and current.get("id") == key_id_of(self.params.get("api_key")):
            raise InvalidInput("API key %s (id %s) is the key this task authenticates with; deleting it would lock "
                               "out the tasks that use it: delete it with another key"
                               % (current.get("name"), current["id"]))

    # -- changing --------------------------------------------------------------------------------
    def create(self):
        name = self.params["name"]
        body = {"name": name, "service_account_id": self.account_id()}
        try:
            answer = self.client.change("POST", self.base, lambda: self.find_in_listing(name, True), body=body)
        except ApiError as error:
            if error.lost_change is None:
                raise
            raise self.may_exist(name, error) from None
        if isinstance(answer.get("api_key"), dict):
            key, self.secret = answer["api_key"], answer.get("secret")
        else:  # found after an ambiguous failure: the answer with the secret was lost
            key = answer
        path = self.params.get("secret_file")
        if not self.secret:
            self.secret_lost = True
            self.secret_was_lost(key, path)
        elif path:
            try:
                write_secret_file(path, self.secret)
            except (IOError, OSError) as error:
                self.secret_lost = True
                problem = InvalidInput("API key %s (id %s) was created, but its secret could not be written to %s: "
                                       "%s. The secret cannot be read again: delete the key and run the task again"
                                       % (name, key.get("id"), path, error.strerror or error))
                problem.last = key
                raise problem from None
        return key

    def may_exist(self, name, error):
        """The failure when the create's answer was lost and reading the keys back failed too:
        the key may exist, and nobody knows its secret."""
        lost = error.lost_change
        account = self.params.get("service_account")
        message = ("API key %s of service account %s may have been created: the answer to %s %s was lost (%s), and "
                   "reading the account's keys then failed (%s). If it was created, its secret is lost. When the "
                   "service answers again, look for it with cockroachdb.cloud.cockroach_api_key_info "
                   "(service_account: %s, name: %s): if it is listed, delete it (state=absent) and run this task "
                   "again; if not, run this task again"
                   % (name, account, lost.method, lost.path,
                      lost.message if lost.status is None else "HTTP %s: %s" % (lost.status, lost.message),
                      explain(error), account, name))
        return KeyMayExist(message, status=error.status, code=error.code, details=error.details, method=error.method,
                           path=error.path)

    def secret_was_lost(self, key, path):
        """The key was made, but the answer that held its secret was lost: fail when the task
        needs the secret (``secret_file``, ``fail_on_lost_secret``), else warn."""
        name, key_id = key.get("name") or self.params["name"], key.get("id")
        if path or self.params.get("fail_on_lost_secret"):
            problem = InvalidInput(
                "API key %s (id %s) was created, but the answer that held its secret was lost%s; the service never "
                "shows a secret again. Delete the key (cockroachdb.cloud.cockroach_api_key with id: %s, state: absent) "
                "and run this task again to get a new one"
                % (name, key_id, ", so secret_file %s was not written" % path if path else "", key_id))
            problem.last = key
            raise problem
        self.ctx.warn("API key %s (id %s) was created, but the answer that held its secret was lost (secret_lost: "
                      "true), and the service never shows a secret again. To get one, delete the key (state=absent) "
                      "and run this task again; set fail_on_lost_secret: true to make this fail" % (name, key_id))

    def predict_create(self):
        return {"name": self.params["name"], "service_account_id": self.account_id()}

    def run(self):
        try:
            out = super(ApiKey, self).run()
        except (ApiError, InvalidInput) as error:
            if error.result is not None:  # failed after the key was created
                error.result["secret_lost"] = self.secret_lost
            raise
        out["secret_lost"] = self.secret_lost
        if self.secret is not None and not self.secret_lost:
            out["secret"] = self.secret
        return out


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
            if not (_EMAIL_RE.match(text) or _clusters.looks_like_id(text)):
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
            if _clusters.looks_like_id(self.user.strip()):
                return self.user.strip()
            users = person_users(client, self.user.strip())
            if not users:
                raise NotFound("no person with email %s in the organization (people join it through the CockroachDB "
                               "Cloud Console)" % self.user.strip(), method="GET", path=PERSONS_PATH)
            return _one_of(users, "person", self.user)["id"]
        if _clusters.looks_like_id(self.account.strip()):
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
    return client.get(PERSONS_PATH, params={"email": email}).get("users") or []


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
            text = _folders.check_path(text, "resource")
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

    def entries(self):
        """The task's grants as ``[(where, role, resource, resource_type)]``."""
        raise NotImplementedError

    def check_input(self):
        self.scope.check_input()
        if self.params.get("purge") and self.state == "absent":
            raise InvalidInput("purge applies to state=present only; with state=absent just the listed %s are "
                               "removed" % self.plural)
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
        for grant in grants:
            if (grant.get("resource") or {}).get("type") == ORGANIZATION and grant["resource"].get("id"):
                return grant["resource"]["id"]
        return self.client.get("%s/organization" % API)["id"]

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
            folders = _folders.Folders(self.client)
            for path in paths:
                found = folders.find(path)
                ids[(FOLDER, path)] = found["id"] if found else self.missing(
                    "folder %s does not exist%s" % (path, "; folders: " + folders.known() if folders.known() else ""))
        names = [ref for _w, _r, kind, ref in parsed if kind == CLUSTER and not _clusters.looks_like_id(ref)]
        if names:
            found, count = _clusters.lookup_clusters(self.client, names)
            for name in names:
                cluster = found.get(name)
                ids[(CLUSTER, name)] = cluster["id"] if cluster and cluster.get("state") != "DELETED" else \
                    self.missing(_clusters.missing_message(name, count))
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
        self.current = dict((m["grant"], m) for m in (self.canonical(g) for g in grants))
        return self.current

    def canonical(self, item):
        resource = item.get("resource") or {}
        kind, resource_id = resource.get("type"), resource.get("id")
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

    @staticmethod
    def api_grant(member):
        return {"name": member["role"], "resource": {"type": member["resource_type"], "id": member["resource_id"]}}

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


# -- JWT issuers ---------------------------------------------------------------------------------

_HTTPS_RE = re.compile(r"^https://[^/\s?#:]+(:\d+)?(/\S*)?$")


def check_issuer_url(url, option="issuer_url"):
    if not isinstance(url, str) or not _HTTPS_RE.match(url):
        raise InvalidInput("%s must be an https URL such as https://accounts.example.com, got %r" % (option, url))


def _identity_map(value, task=None):
    return [{"token_identity": e["token_identity"], "cc_identity": e["cc_identity"]} for e in value]


def _api_identity_map(value):
    return [{"token_identity": e.get("token_identity"), "cc_identity": e.get("cc_identity")} for e in value or []]


class JwtIssuer(Collection):
    """``/jwt-issuers``, by issuer URL (unique in the organization) or by id; PATCH sends what
    changes. ``audience``, ``claim`` and ``identity_map`` are not in the contract: the service
    takes them as the official Terraform provider sends them (see the emulator's notes)."""

    kind = "jwt_issuer"
    noun = "JWT issuer"
    path = "jwt-issuers"
    items = "issuers"
    key = "issuer_url"
    item_key = "id"
    id_option = "id"
    required_to_create = ("jwks_id",)
    only_with = (OnlyWith(("jwks_id", "audience", "claim", "identity_map"), "state", "present", warn=True,
                          hint="a delete takes no settings"),)
    fields = Fields(
        Field("issuer_url"),
        Field("jwks_id"),
        Field("audience"),
        Field("claim"),
        Field("identity_map", normalize=_identity_map, from_api=_api_identity_map),
    )

    def check_input(self):
        super(JwtIssuer, self).check_input()
        params = self.params
        refuse_blank(params, "id", "give the issuer's id, or its issuer_url")
        if params.get("issuer_url") is not None:
            check_issuer_url(params["issuer_url"])
        if params.get("state") == "absent":
            return
        for option in ("jwks_id", "audience", "claim"):
            if params.get(option) is not None and not params[option].strip():
                raise InvalidInput("%s must not be empty (leave it out to keep the issuer's)" % option)
        seen = set()
        for index, entry in enumerate(params.get("identity_map") or []):
            for field in ("token_identity", "cc_identity"):
                if not (entry.get(field) or "").strip():
                    raise InvalidInput("identity_map[%d] needs a non-empty %s" % (index, field))
            pair = (entry["token_identity"], entry["cc_identity"])
            if pair in seen:
                raise InvalidInput("identity_map[%d] repeats the mapping of %r to %r" % (index, pair[0], pair[1]))
            seen.add(pair)

    def name_of(self, resource=None):
        return (resource or {}).get("issuer_url") or self.params.get("issuer_url") or self.params.get("id") or ""


# -- what the info modules read ------------------------------------------------------------------

def service_account_info(ctx):
    return listing_info(ctx, ServiceAccount, "service_accounts", id_option="id", every="service account")


def api_key_info(ctx):
    """API keys (never their secrets: the API shows a secret only when it creates the key)."""
    params = ctx.params
    for option in ("name", "id", "service_account"):
        refuse_blank(params, option, "leave it out to list every API key")
    reader = ApiKey(ctx)  # for its reads only: a key by id, the listing
    none = {"changed": False, "api_keys": []}
    keys = None
    if params.get("id"):
        found = reader.by_id(params["id"])
        if found is None:
            return none
        keys = [found]
    account_id = ref = params.get("service_account")
    if ref is not None and not _clusters.looks_like_id(ref):
        found, _count = find_account(ctx.client, ref)
        if found is None:
            return none
        account_id = found["id"]
    if keys is None:
        query = {"service_account_id": account_id} if account_id is not None else None
        keys = reader.read_listing(params=query)
    elif account_id is not None:  # every filter applies to the key read by id too
        keys = [k for k in keys if k.get("service_account_id") == account_id]
    if params.get("name") is not None:
        keys = [k for k in keys if k.get("name") == params["name"]]
    return {"changed": False, "api_keys": keys}


def jwt_issuer_info(ctx):
    return listing_info(ctx, JwtIssuer, "jwt_issuers", key_option="issuer_url", id_option="id", every="JWT issuer")
