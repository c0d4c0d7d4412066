# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""API keys of a service account (a Collection of the kit: never a second one on a re-run,
the secret returned once and written to ``secret_file``), with what cockroach_api_key_info
reads."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import os
import tempfile

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import ApiError, Failure, NotFound, explain
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import (
    InvalidInput,
    path_segment,
    refuse_blank,
)
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.collection import Collection
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.fields import Field, Fields
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources import _cluster_lookup
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources._common import _one_of, _text_check
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources._renamed_by_name import _RenamedByName
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources._service_account_lookup import (
    ACCOUNTS_PATH,
    account_missing,
    find_account,
    key_id_of,
)

MAX_KEY_NAME = 100


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
            if _cluster_lookup.looks_like_id(ref):
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
                self.read_listing(params={"service_account_id": account_id})
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
            if _cluster_lookup.looks_like_id(ref) and self.read("%s/%s" % (ACCOUNTS_PATH, path_segment(ref))) is None:
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
                                       % (name, key.get("id"), path, error.strerror or error), last=key)
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
                % (name, key_id, ", so secret_file %s was not written" % path if path else "", key_id), last=key)
            raise problem
        self.ctx.warn("API key %s (id %s) was created, but the answer that held its secret was lost (secret_lost: "
                      "true), and the service never shows a secret again. To get one, delete the key (state=absent) "
                      "and run this task again; set fail_on_lost_secret: true to make this fail" % (name, key_id))

    def predict_create(self):
        return {"name": self.params["name"], "service_account_id": self.account_id()}

    def run(self):
        try:
            out = super(ApiKey, self).run()
        except Failure as error:
            if error.result is not None:  # failed after the key was created
                error.result["secret_lost"] = self.secret_lost
            raise
        out["secret_lost"] = self.secret_lost
        if self.secret is not None and not self.secret_lost:
            out["secret"] = self.secret
        return out


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
    if ref is not None and not _cluster_lookup.looks_like_id(ref):
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
