# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""Waiting on a status, as a table entry per resource:

    CLUSTER_READY = Waiter("state", pending=("CREATING", "LOCKED"), failed=("CREATION_FAILED",))
    EXPORT_READY = Waiter("status", pending=("ENABLING",), failed=("ENABLE_FAILED",))
    EXPORT_GONE = Waiter("status", pending=("DISABLING",), failed=("DISABLE_FAILED",), gone=("DISABLED",))

``wait_ready`` polls until the status is neither pending nor failed (a failed state stops
the wait with a message); ``wait_gone`` until the resource answers 404 or shows a ``gone``
state. Both give up after ``timeout`` seconds with the last value seen (``WaitTimeout``).

A value that lists several objects with a status each (a cluster's private endpoint services,
one per region) is waited on as a whole with ``items``: it is failed when one of them is,
pending while one of them is, settled when all are. ``hints`` adds a sentence per failed state
to the message that ends the wait (what to do about it):

    SERVICES_READY = Waiter("status", pending=("CREATING",), items="services")
    CONNECTED = Waiter("status", pending=("STATUS_PENDING",), failed=("STATUS_REJECTED",),
                       hints={"STATUS_REJECTED": "accept the endpoint on the cloud side"})
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import ApiError, WaitTimeout


class Waiter(object):
    def __init__(self, field, pending=(), failed=(), gone=(), items=None, hints=None):
        self.field = field
        self.pending = frozenset(pending)
        self.failed = frozenset(failed)
        self.gone = frozenset(gone)
        self.items = items  # the key of a list of objects that each carry the status
        self.hints = dict(hints or {})  # failed state -> what to do about it

    def status(self, value):
        """The status of ``value``; with ``items``, the first failed one of its objects, else
        the first pending one, else the first one's (None when it lists none)."""
        if self.items is None:
            return (value or {}).get(self.field)
        statuses = [(item or {}).get(self.field) for item in (value or {}).get(self.items) or []]
        for group in (self.failed, self.pending):
            found = next((s for s in statuses if s in group), None)
            if found is not None:
                return found
        return statuses[0] if statuses else None

    def busy(self, value):
        return self.status(value) in self.pending

    def settled(self, value):
        """Neither pending nor failed: what ``present`` asks for."""
        return self.status(value) not in self.pending and self.status(value) not in self.failed

    def is_gone(self, value):
        return value is None or self.status(value) in self.gone

    def failure(self, what, value):
        """The message when ``value`` is in a failed state (with its hint), else None."""
        status = self.status(value)
        if status not in self.failed:
            return None
        message = "%s failed: %s %s" % (what, self.field, status)
        return "%s; %s" % (message, self.hints[status]) if status in self.hints else message

    def _failure(self, what):
        return lambda value: self.failure(what, value)

    def wait_ready(self, client, fetch, timeout, what, current):
        """Poll ``fetch()`` until the value is settled; returns it. ``current`` is the value
        seen last, which names the state waited on in a timeout message."""
        if self.settled(current):
            return current
        if self.status(current) in self.failed:
            raise WaitTimeout(self.failure(what, current), last=current, timed_out=False)
        return client.wait_for(fetch, self.settled, timeout,
                               what="%s to leave %s %s" % (what, self.field, self.status(current)),
                               failed=self._failure(what))

    def wait_gone(self, client, fetch, timeout, what):
        """Poll ``fetch()`` (None on 404) until the resource is gone."""
        return client.wait_for(fetch, self.is_gone, timeout, what="%s to be deleted" % what,
                               failed=self._failure(what))


def fetch_or_none(client, path):
    """A ``fetch`` for the waiters: GET ``path``, None when it answers 404."""
    def fetch():
        try:
            return client.get(path)
        except ApiError as error:
            if error.status == 404:
                return None
            raise
    return fetch
