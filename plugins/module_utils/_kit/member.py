# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""``Member``: what every kind shares (Collection, Singleton, Set; Operation through
Collection): the task's context and scope, paths, the listing, checks of the input, the one
read, requests of their own for a field (``send_alone``), deletes that may find the member
gone already (``delete_once``), waits; and the reconcile of the kinds that manage one
resource per task (``run``): check the input (no request), read once, then predict (check
mode) or change, wait, and return ``changed``, the resource and the diff. (A Set has a
reconcile of its own, for a whole list.)

A kind fills in ``lookup``, ``create``, ``update``, ``delete``, ``wait_ready`` and
``wait_gone``; a description (a subclass of a kind) sets the class attributes and may
override any hook for a quirk of its resource.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import contextlib
import copy

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import ApiError, WaitTimeout
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import (
    InvalidInput,
    changing,
    check_only_with,
    get_path,
    list_items,
    mask,
    result,
    set_path,
)
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.fields import Fields
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.scopes import DEFAULT_WAIT_TIMEOUT, OrgScope
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.waiters import fetch_or_none


class Member(object):
    kind = None  # the result key, such as "sql_user"
    noun = None  # in messages; default: kind with spaces
    scope = OrgScope  # a class (or factory) taking the context
    path = None  # under the scope's path
    items = None  # the listing's key for its members
    paginated = True  # False: the listing is one answer, without page options (the contract has none)
    key = "name"  # the option that names the resource (and the same field in the API's objects)
    fields = Fields()
    ready_waiter = None  # a Waiter for after a create or update (None: ready at once)
    gone_waiter = None  # a Waiter for after a delete (None: gone at once)
    required_to_create = ()  # options that a create needs
    only_with = ()  # OnlyWith rules: options used only in some modes (checked by check_input)

    def __init__(self, ctx):
        self.ctx = ctx
        self.client = ctx.client
        self.params = ctx.params
        self.scope = type(self).scope(ctx)
        self.sent = set()  # write-only options this run sends (shown masked in the diff)
        self.current_view = None

    @classmethod
    def task(cls, ctx):
        """What a module runs: ``TASK = ModuleTask(ARGUMENT_SPEC, Databases.task)``."""
        return cls(ctx).run()

    # -- words, paths, settings ----------------------------------------------------------------
    @property
    def word(self):
        return self.noun or self.kind.replace("_", " ")

    def name_of(self, resource=None):
        """How messages name the resource."""
        return (resource or {}).get(self.key) or self.params.get(self.key) or ""

    @property
    def base(self):
        return "%s/%s" % (self.scope.path, self.path)

    @property
    def waiting(self):
        return bool(self.params.get("wait", True))

    @property
    def wait_timeout(self):
        timeout = self.params.get("wait_timeout")
        return DEFAULT_WAIT_TIMEOUT if timeout is None else timeout

    def read(self, path):
        """GET ``path``; None when it answers 404."""
        return fetch_or_none(self.client, path)()

    def read_listing(self, params=None):
        """Every member of the listing at ``base`` (all pages, or its one answer when not
        ``paginated``); ``params``: the listing's own filters, sent with every page."""
        return list_items(self.client, self.base, self.items, self.paginated, params=params)

    # -- fields --------------------------------------------------------------------------------
    @property
    def wire(self):
        """The wire format of the server (``contract`` or ``live``), for the few requests that
        differ beyond what the field table says (``Field.live``)."""
        return self.client.wire

    def table(self, resource=None):
        """The field table for ``resource`` (or for the task, at create), in the server's wire
        format: a hook for resources whose fields depend on what they are (a cluster's plan)."""
        return self.fields.for_client(self.client)

    def view(self, resource):
        return self.table(resource).view(resource, self.sent)

    def managed_view(self, resource):
        """The view for ``--diff``: only the fields the task sets (and the key), so a
        prediction and the real run show the same thing. (What the service fills in by itself,
        a machine type derived from a CPU count, is not the task's to show.)"""
        view = self.view(resource)
        managed = {}
        for field in self.table(resource):
            if field.option == self.key or get_path(self.params, field.option) is not None:
                value = get_path(view, field.option)
                if value is not None:
                    set_path(managed, field.option, value)
        return managed

    def public(self, resource):
        return mask(resource, self.table(resource).secrets) if resource is not None else {}

    def wanted(self, current=None):
        """{option: value} the task asks for, normalised (``Field.normalize`` sees
        ``self.current_view``: the view of ``current``, None at create)."""
        table = self.table(current)
        self.current_view = table.view(current) if current is not None else None
        return table.wanted(self.params, self)

    def changes(self, current):
        table = self.table(current)
        return table.changes(self.view(current), self.wanted(current), self.params, self.word, self.name_of(current))

    def mark_sent(self, values):
        self.sent.update(f.option for f in self.table() if f.write_only and f.option in values)

    def create_body(self):
        return self.table().create_body(self.wanted())

    def predict_create(self):
        table = self.table()
        values = table.defaults()
        values.update(self.wanted())
        self.mark_sent(values)
        return table.predict({}, values)

    def predict_update(self, current, changes):
        self.mark_sent(changes)
        return self.table(current).predict(copy.deepcopy(current), changes)

    # -- reading and checking ----------------------------------------------------------------------
    def lookup(self):
        raise NotImplementedError

    def find(self):
        """The current resource, or None; a scope that does not exist may mean absent. A
        feature the scope lacks (dedicated-only, on a serverless cluster) fails first."""
        try:
            self.scope.check_plan()
            return self.lookup()
        except ApiError as error:
            if self.scope.absent_because(error):
                return None
            raise

    def check_input(self):
        """Input that is wrong on its face, before any request: the scope's, and options that
        this task would not use (``only_with``)."""
        self.scope.check_input()
        check_only_with(self.only_with, self.params, self.ctx.warn)

    def validate(self, current):
        """Input that cannot work on ``current`` (None: to be created), before any change."""
        self.scope.check_plan()
        if current is None:
            missing = [o for o in self.required_to_create if self.params.get(o) is None]
            if missing:
                raise InvalidInput("to create %s %s, also give: %s" % (self.word, self.name_of(), ", ".join(missing)))

    def validate_delete(self, current):
        pass

    # -- requests that more than one kind sends ---------------------------------------------------
    def send_alone(self, field, path, value, applied):
        """A field whose ``update`` is a ``Send``: ``value`` in a request of its own to ``path``
        (the member's, with the Send's suffix); its answer. ``applied()``, for ``client.change``,
        says whether it took effect when its answer is lost."""
        send = field.update
        body = {}
        set_path(body, send.body or field.option.split(".")[-1], field.to_api(value))
        if field.write_only:  # cannot be read back: sent again as it is (a PUT of a password)
            return self.client.request(send.method, path, body=body, idempotent=send.idempotent)
        return self.client.change(send.method, path, applied, body=body)

    def delete_params(self, member):
        """The query of a member's DELETE (an ``idempotency_key`` where the API takes one)."""
        return None

    def delete_once(self, method, path, applied, params=None):
        """The delete at ``path`` through ``client.change`` (``applied()``: gone or going?); a
        404 means it is gone already."""
        try:
            self.client.change(method, path, applied, params=params)
        except ApiError as error:
            if error.status != 404:  # already gone (someone else deleted it meanwhile)
                raise

    # -- changes whose answer was lost (client.change) ------------------------------------------
    def reread(self, current):
        """The resource read again, None when it is gone (``current``: as last seen, None at create)."""
        raise NotImplementedError

    def applied_update(self, current, options=None):
        """For ``client.change``: the resource read again when the task's changes (of
        ``options``, default all) are in it, else None. Write-only values cannot be read back:
        they count as not applied only through the fields that can."""
        fresh = self.reread(current)
        if fresh is None:
            return None
        write_only = set(f.option for f in self.table(fresh) if f.write_only)
        pending = [k for k in self.changes(fresh) if k not in write_only and (options is None or k in options)]
        return None if pending else fresh

    def applied_delete(self, current):
        """For ``client.change``: a dict when the resource is gone or going, else None."""
        fresh = self.reread(current)
        waiter = self.gone_waiter
        if fresh is None or (waiter is not None and (waiter.is_gone(fresh) or waiter.busy(fresh))):
            return {}
        return None

    def ready(self, resource):
        return self.ready_waiter is None or self.ready_waiter.settled(resource)

    def fetcher(self, path):
        """``fetch()`` for a wait: GET ``path`` (None on 404), or ``path`` itself when it is a
        function already (a member without a GET of its own is read from its listing)."""
        return path if callable(path) else fetch_or_none(self.client, path)

    def wait_for_ready(self, resource, path, what):
        if self.ready_waiter is None or resource is None:
            return resource
        with self.masking_last_seen():
            return self.ready_waiter.wait_ready(self.client, self.fetcher(path), self.wait_timeout, what, resource)

    def wait_for_gone(self, path, what):
        if self.gone_waiter is not None:
            with self.masking_last_seen():
                self.gone_waiter.wait_gone(self.client, self.fetcher(path), self.wait_timeout, what)

    @contextlib.contextmanager
    def masking_last_seen(self):
        """A wait that ends badly reports the resource as last seen (``last_seen``): as
        ``public`` shows it, secrets masked."""
        try:
            yield
        except WaitTimeout as error:
            if error.last is not None:
                error.last = self.public(error.last)
            raise

    # -- the task ------------------------------------------------------------------------------
    def result(self, changed, value, before, after):
        out = result(self.kind, changed, value, before, after, self.table(value).secrets)
        out[self.kind] = self.public(value)
        return out

    def run(self):
        """Bring the resource to the state the task asks for; the module's result."""
        ctx = self.ctx
        self.check_input()
        current = self.find()
        before = self.view(current) if current is not None else None
        if self.params.get("state", "present") == "absent":
            if current is None:
                return self.result(False, None, None, None)
            self.validate_delete(current)
            if not ctx.check_mode:
                with changing(self.client, self.kind, current, self.public):
                    self.delete(current)
                    if self.waiting:
                        self.wait_gone(current)
            return self.result(True, None, before, None)

        self.validate(current)
        before = self.managed_view(current) if current is not None else None
        if current is None:
            if ctx.check_mode:
                created = self.predict_create()
            else:
                with changing(self.client, self.kind, None, self.public) as seen:
                    created = seen.value = self.create()
                    if self.waiting:
                        created = self.wait_ready(created)
            return self.result(True, created, None, self.managed_view(created))

        changes = self.changes(current)
        if not changes:
            if self.waiting and not ctx.check_mode and not self.ready(current):
                current = self.wait_ready(current)
            return self.result(False, current, before, before)
        if ctx.check_mode:
            updated = self.predict_update(current, changes)
        else:
            with changing(self.client, self.kind, current, self.public) as seen:
                updated = seen.value = self.update(current, changes)
                if self.waiting:
                    updated = self.wait_ready(updated)
        return self.result(True, updated, before, self.managed_view(updated))
