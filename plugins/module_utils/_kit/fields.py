# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""A resource's fields as a table: module option <-> API path. From one table come the
diff view (in the options' vocabulary), the changes a task asks for, the check-mode
prediction and the request bodies, so the four never disagree.

    Field("labels", create="spec.labels")                       # read at labels, sent as spec.labels
    Field("delete_protection", to_api=on_off, from_api=is_on)   # a bool in the task, ENABLED in the API
    Field("cloud_provider", create="provider", update=False)    # cannot change: refused
    Field("password", api=False, secret=True, write_only="update_password",
          update=Send("PUT", suffix="password"))                # never read back; its own request
    Field("folder", api="parent_id", create="parent_id",
          live=dict(create="spec.parent_id"))                   # elsewhere in the live wire format

Quirks go in a Field subclass (override ``read``, ``differs``, ``encode_create``...).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy

from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import (
    MASK,
    InvalidInput,
    get_path,
    set_path,
    subset_differs,
)


def _same(value):
    return value


class Send(object):
    """A change that goes in a request of its own, to the member's path plus ``suffix``:
    ``{body: value}`` with ``method``. With ``alone=True`` the member is waited for first
    (the API takes a cluster's version change alone, on a cluster that is not busy)."""

    def __init__(self, method="PATCH", suffix=None, body=None, alone=False, idempotent=False):
        self.method = method
        self.suffix = suffix
        self.body = body
        self.alone = alone
        self.idempotent = idempotent  # safe to send again after a lost answer (a password PUT)


class Field(object):
    """One field of a resource. ``option`` and the paths are dotted (``dedicated.storage_gib``).

    - ``api``: where the API returns it (default: ``option``); ``False``: never returned.
    - ``create``: where a create request takes it (default: ``option``); ``False``: not
      sent at create.
    - ``update``: where an update request takes it (default: ``create``); ``False``: it
      cannot change (a different value is refused before any change, see ``immutable``);
      a ``Send``: in a request of its own.
    - ``to_api`` / ``from_api``: option value <-> API value.
    - ``normalize(value, task)``: the canonical form of what the task asks for; ``task`` is
      the description at work (``task.params``, ``task.current_view``: the resource's view
      before the change, None at create).
    - ``compare``: ``"equal"`` or ``"subset"`` (a dict: only the keys the task sets count).
    - ``default``: the value when the API leaves it out, and in a predicted new resource.
    - ``secret``: masked (``********``) in results and diffs.
    - ``write_only``: the option that says when to send it again (``update_password``:
      ``always`` or ``on_create``); the API never returns it, so it is never compared.
    - ``immutable``: the message for a refused change, with ``{kind}``, ``{name}``,
      ``{label}``, ``{have}`` and ``{want}``.
    - ``live``: what differs in the live wire format ({attribute: value}, e.g.
      ``dict(create="spec.parent_id", to_api=...)``); the field as the live service takes it
      is ``on("live")``. ``from_api`` reads both formats (answers are read tolerantly).
    """

    def __init__(self, option, api=None, create=None, update=None, to_api=None, from_api=None, normalize=None,
                 compare="equal", default=None, secret=False, write_only=None, label=None, immutable=None,
                 live=None):
        self.option = option
        self.api = option if api is None else api
        self.create = option if create is None else create
        self.update = self.create if update is None else update
        self.to_api = to_api or _same
        self.from_api = from_api or _same
        self._normalize = normalize
        self.compare = compare
        self.default = default
        self.secret = secret
        self.write_only = write_only
        self.label = label or option.replace("_", " ")
        self.immutable = immutable or "{kind} {name} has {label} {have}; it cannot change to {want}"
        self.live = live or {}

    def on(self, wire):
        """The field as the server of wire format ``wire`` takes it (itself in the contract's)."""
        if wire != "live" or not self.live:
            return self
        field = copy.copy(self)
        for attribute, value in self.live.items():
            setattr(field, attribute, value)
        return field

    # -- hooks for quirks ----------------------------------------------------------------------
    def read(self, resource):
        """The field's value in ``resource`` (an API object), in the options' vocabulary."""
        value = get_path(resource, self.api) if self.api else None
        return self.default if value is None else self.from_api(value)

    def normalize(self, value, task):
        return self._normalize(value, task) if self._normalize else value

    def differs(self, have, want):
        if self.compare == "subset":
            return subset_differs(have, want)
        return have != want

    def encode_create(self, body, value, wanted):
        set_path(body, self.create, self.to_api(value))

    def encode_update(self, body, value, current):
        set_path(body, self.update, self.to_api(value))

    def predict(self, resource, value):
        """Write ``value`` into a predicted resource, as the API would show it."""
        if self.api:
            set_path(resource, self.api, self.to_api(value))

    def refuse(self, kind, name, have, want):
        raise InvalidInput(self.immutable.format(kind=kind, name=name, label=self.label, have=have, want=want))


class Fields(object):
    """The table of a resource's fields."""

    def __init__(self, *fields):
        self.fields = fields
        self._wires = {}

    def on(self, wire):
        """The table as the server of wire format ``wire`` takes it (see ``Field.live``)."""
        if wire not in self._wires:
            self._wires[wire] = self if wire != "live" else Fields(*(f.on(wire) for f in self.fields))
        return self._wires[wire]

    @property
    def differs_by_wire(self):
        return any(f.live for f in self.fields)

    def for_client(self, client):
        """The table for ``client``'s server; its format is only asked for when it matters."""
        return self.on(client.wire) if self.differs_by_wire else self

    def __iter__(self):
        return iter(self.fields)

    def __add__(self, other):
        return Fields(*(self.fields + tuple(other)))

    def get(self, option):
        return next(f for f in self.fields if f.option == option)

    @property
    def secrets(self):
        """The keys masked in results and diffs."""
        return tuple(f.option.split(".")[-1] for f in self.fields if f.secret)

    def view(self, resource, sent=()):
        """The managed fields of ``resource`` as the options name them (for ``--diff``); a
        write-only field shows as masked when this run sends it (``sent``)."""
        view = {}
        for field in self.fields:
            value = MASK if not field.api and field.option in sent else field.read(resource) if field.api else None
            if value is not None:
                set_path(view, field.option, value)
        return view

    def wanted(self, params, task=None):
        """{option: value} for every option the task sets (unset options are not managed)."""
        wanted = {}
        for field in self.fields:
            value = get_path(params, field.option)
            if value is not None:
                wanted[field.option] = field.normalize(value, task)
        return wanted

    def changes(self, current_view, wanted, params, kind, name):
        """{option: value} of what must change; a change of an immutable field is refused."""
        changes = {}
        for field in self.fields:
            if field.option not in wanted:
                continue
            want = wanted[field.option]
            if field.write_only:
                if params.get(field.write_only) == "always":
                    changes[field.option] = want
                continue
            have = get_path(current_view, field.option)
            if field.differs(have, want):
                if field.update is False:
                    field.refuse(kind, name, have, want)
                changes[field.option] = want
        return changes

    def create_body(self, wanted):
        body = {}
        for field in self.fields:
            if field.create is not False and field.option in wanted:
                field.encode_create(body, wanted[field.option], wanted)
        return body

    def update_requests(self, changes, current):
        """(the update body, [(Send, value)] for the changes that go in requests of their own)."""
        body, separate = {}, []
        for field in self.fields:
            if field.option not in changes:
                continue
            if isinstance(field.update, Send):
                separate.append((field, changes[field.option]))
            else:
                field.encode_update(body, changes[field.option], current)
        return body, separate

    def predict(self, resource, values):
        """``resource`` with ``values`` ({option: value}) written where the API shows them."""
        for field in self.fields:
            if field.option in values:
                field.predict(resource, values[field.option])
        return resource

    def defaults(self):
        """{option: default} of the fields that have one, for a predicted new resource."""
        return dict((f.option, f.default) for f in self.fields if f.default is not None)
