# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""The reconcile pattern: read -> compare -> predict or change -> wait -> re-read -> diff.

A module describes its resource by subclassing ``Resource``; ``reconcile`` drives it.
Nothing here imports AnsibleModule: it works on a ``ModuleContext``.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import contextlib
import copy

MASK = "********"


class InvalidInput(Exception):
    """Bad input found before any request that would change something."""


class ModuleContext(object):
    """What resource logic needs from its caller, whoever runs it."""

    def __init__(self, client, params, check_mode=False, diff=False, warn=None):
        self.client = client
        self.params = params
        self.check_mode = check_mode
        self.diff = diff
        self.warnings = []
        self._warn = warn

    def warn(self, message):
        self.warnings.append(message)
        if self._warn:
            self._warn(message)


def mask(value, secret_keys):
    """A copy of ``value`` with the values of ``secret_keys`` replaced by a mask."""
    if isinstance(value, dict):
        return dict((k, MASK if k in secret_keys and v is not None else mask(v, secret_keys))
                    for k, v in value.items())
    if isinstance(value, list):
        return [mask(v, secret_keys) for v in value]
    return value


def subset_differs(current, desired):
    """True when a field of ``desired`` (None = not managed) differs from ``current``.

    Nested dicts compare recursively on the keys the user set; lists and scalars whole.
    """
    if isinstance(desired, dict) and isinstance(current, dict):
        return any(v is not None and subset_differs(current.get(k), v) for k, v in desired.items())
    if isinstance(desired, dict) and current is None:
        return any(v is not None for v in desired.values())
    return desired != current


class Resource(object):
    """One managed resource. Subclasses fill in the API calls and the field mapping."""

    #: Key of the resource in the module result (``cluster``, ``sql_user``...).
    kind = "resource"
    #: Field names whose values never appear in output or diffs.
    secret_fields = ()

    def __init__(self, ctx):
        self.ctx = ctx
        self.client = ctx.client
        self.params = ctx.params

    # -- to implement ----------------------------------------------------------------------
    def find(self):
        """The current resource, or None when absent."""
        raise NotImplementedError

    def check_input(self):
        """Raise InvalidInput for input that is wrong on its face (before any request)."""

    def validate(self, current):
        """Raise InvalidInput for input that cannot work on ``current`` (before any change)."""

    def validate_delete(self, current):
        """Raise InvalidInput when ``current`` cannot be deleted as asked."""

    def view(self, resource):
        """The managed fields of an API resource, for ``--diff``."""
        raise NotImplementedError

    def changes(self, current):
        """What must change on ``current``: a dict (empty when nothing)."""
        raise NotImplementedError

    def predict_create(self):
        raise NotImplementedError

    def predict_update(self, current, changes):
        raise NotImplementedError

    def create(self):
        raise NotImplementedError

    def update(self, current, changes):
        raise NotImplementedError

    def delete(self, current):
        raise NotImplementedError

    def ready(self, resource):
        """False while the resource is in a transitional state."""
        return True

    def wait_ready(self, resource):
        return resource

    def wait_gone(self, resource):
        """Wait until a deleted resource is gone."""

    def public(self, resource):
        """The resource as returned to the user (secrets masked); {} when there is none."""
        return mask(resource, self.secret_fields) if resource is not None else {}

    # -- shared helpers --------------------------------------------------------------------
    @property
    def waiting(self):
        return bool(self.params.get("wait", True))

    def create_safely(self, send, lookup, attempts=3):
        """Send a create; after an ambiguous failure look before trying again (no duplicates)."""
        for attempt in range(1, attempts + 1):
            try:
                return send()
            except Exception as error:  # pylint: disable=broad-except
                if not getattr(error, "ambiguous", False):
                    raise
                found = lookup()
                if found is not None:
                    return found
                if attempt == attempts:
                    raise
        return None  # pragma: no cover


def reconcile(resource):
    """Bring the resource to the state the params ask for; return the module result."""
    ctx = resource.ctx
    resource.check_input()
    current = resource.find()
    before = resource.view(current) if current is not None else None
    if ctx.params.get("state", "present") == "absent":
        if current is None:
            return _result(resource, False, None, None, None)
        resource.validate_delete(current)
        if not ctx.check_mode:
            with changing(resource, current):
                resource.delete(current)
                if resource.waiting:
                    resource.wait_gone(current)
        return _result(resource, True, None, before, None)

    resource.validate(current)
    if current is None:
        if ctx.check_mode:
            created = resource.predict_create()
        else:
            with changing(resource, None) as seen:
                created = seen.value = resource.create()
                if resource.waiting:
                    created = resource.wait_ready(created)
        return _result(resource, True, created, None, resource.view(created))

    changes = resource.changes(current)
    if not changes:
        if resource.waiting and not ctx.check_mode and not resource.ready(current):
            current = resource.wait_ready(current)
        return _result(resource, False, current, before, before)
    if ctx.check_mode:
        updated = resource.predict_update(copy.deepcopy(current), changes)
    else:
        with changing(resource, current) as seen:
            updated = seen.value = resource.update(current, changes)
            if resource.waiting:
                updated = resource.wait_ready(updated)
    return _result(resource, True, updated, before, resource.view(updated))


class _LastSeen(object):
    def __init__(self, value):
        self.value = value


@contextlib.contextmanager
def changing(resource, value):
    """Around the requests that change a resource and the wait after them: when something
    fails once a change went through, the failure still says ``changed: true`` and returns
    the resource as last seen (a create that timed out waiting did create the resource).
    Yields a holder whose ``value`` the caller updates with what the API answered."""
    seen = _LastSeen(value)
    client = resource.client
    mark = len(getattr(client, "calls", None) or [])
    try:
        yield seen
    except Exception as error:
        changed_since = getattr(client, "changed_since", None)
        if changed_since is not None and changed_since(mark):
            last = getattr(error, "last", None)
            error.result = {"changed": True, resource.kind: resource.public(seen.value if last is None else last)}
            if getattr(error, "timed_out", False):
                error.args = ("%s; the change was made and goes on: run the task again (or with a longer "
                              "wait_timeout) to wait for it" % error,)
        raise


def _result(resource, changed, value, before, after):
    secrets = resource.secret_fields
    result = {"changed": changed, resource.kind: resource.public(value)}
    result["diff"] = {"before": mask(before, secrets) if before is not None else {},
                      "after": mask(after, secrets) if after is not None else {}}
    return result
