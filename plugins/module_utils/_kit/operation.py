# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""The Operation kind: start something once (a restore) and follow it until it is done.
A re-run of the same task never starts it a second time: before starting, the listing of
earlier operations is searched for one that is "the same" (the ``same`` hook: for example
a restore of that backup that is still running, or that was started at or after the
task's ``ignore_restores_before``); the task then follows that one and reports no change. When several are
"the same", the newest counts (listings are oldest first). One that already ended in a
failed state of ``ready_waiter`` fails the task (in check mode and with ``wait=false`` too):
it is never started again by the same task (``failed_message`` says what to do instead).

The start goes through ``client.change`` like every other change: when its answer is lost
(a 502/503/504, a dropped connection), a fresh listing says whether it started (``started``:
the one that ``same`` finds) before the start is sent again, so a lost answer neither fails
the task nor starts a second one, and the task reports ``changed`` (also when it fails after).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import WaitTimeout
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import changing
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.collection import Collection


class Operation(Collection):
    item_key = "id"

    def same(self, item):
        """Whether the listed operation ``item`` is the one this task asks for."""
        raise NotImplementedError

    def start_body(self):
        return self.create_body()

    def lookup(self):
        """The newest listed operation that is "the same" (listings are oldest first)."""
        matches = [item for item in self.listing() if self.same(item)]
        return matches[-1] if matches else None

    def ended_badly(self, item):
        waiter = self.ready_waiter
        return waiter is not None and waiter.status(item) in waiter.failed

    def failed_message(self, item):
        """The message for a task whose operation already ended in a failed state."""
        return "%s %s failed: %s %s" % (self.word, self.name_of(item), self.ready_waiter.field,
                                        self.ready_waiter.status(item))

    def predict_start(self):
        return self.predict_create()

    def started(self):
        """For ``client.change``: the operation that the start whose answer was lost made, found
        in a fresh listing as a re-run would find it (None: it did not start, send it again)."""
        self.listing(refresh=True)
        return self.lookup()

    def start(self):
        """Start the operation once: when the answer is lost, the listing says whether it
        started before the start is sent again (``client.change``, as every kind's create)."""
        self.scope.ready_for_change()
        return self.client.change("POST", self.base, self.started, body=self.start_body())

    def run(self):
        self.check_input()
        found = self.find()
        self.validate(found)
        if found is not None:
            if self.ended_badly(found):
                raise WaitTimeout(self.failed_message(found), last=self.public(found), timed_out=False)
            if self.waiting and not self.ctx.check_mode and not self.ready(found):
                found = self.wait_ready(found)
            return self.result(False, found, self.managed_view(found), self.managed_view(found))
        if self.ctx.check_mode:
            started = self.predict_start()
        else:
            with changing(self.client, self.kind, None, self.public) as seen:
                started = seen.value = self.start()
                if self.waiting:
                    started = self.wait_ready(started)
        return self.result(True, started, None, self.managed_view(started))
