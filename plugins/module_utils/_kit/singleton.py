# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""The Singleton kind: one object per scope (a cluster's log export, CMEK, maintenance
window...) at one path. One GET reads it (404 = absent, or a status that says "not
configured"); it is set with POST/PUT/PATCH and removed with DELETE.

An object that every cluster has (a backup configuration, a version deferral) sets
``initial``: its value on a new cluster, which check mode compares with when the cluster
does not exist yet (so the prediction says ``changed`` only where the task differs from it).
A feature that a cluster cannot have (a CloudWatch export of a cluster not on AWS) says
why in ``unavailable()``: the managing task fails with that before any change, the info
shows nothing, without a request.

    class LogExport(Singleton):
        kind = "log_export"
        scope = dedicated_cluster("log export")
        path = "logexport"
        fields = Fields(Field("type", api="spec.type"), ...)
        ready_waiter = Waiter("status", pending=("ENABLING",), failed=("ENABLE_FAILED",))
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy

from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import InvalidInput, get_path
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.member import Member


class Singleton(Member):
    key = None  # a singleton has no name of its own
    create_method = "POST"
    update_method = "PATCH"
    #: Whether an update sends the whole object (what the resource has, with the task's
    #: changes) rather than only the changes: POST/PUT endpoints that replace it.
    update_whole = False
    delete_method = "DELETE"  # None: it cannot be deleted
    absent_statuses = ()  # statuses of an object that is not configured (a settled DISABLED)
    status_field = "status"
    initial = None  # the object on a new cluster, when every cluster has one (see the module docstring)

    def name_of(self, resource=None):
        return ""

    @property
    def what(self):
        """``log export of cluster web-app``, for messages."""
        return "%s of %s" % (self.word, self.scope.describe())

    def unavailable(self):
        """Why the scope cannot have this object (a message), or None; no request of its own."""
        return None

    def lookup(self):
        problem = self.unavailable()
        if problem:
            raise InvalidInput(problem)
        value = self.read(self.base)
        if value is None or get_path(value, self.status_field) in self.absent_statuses:
            return None
        return value

    def find(self):
        """The object; in check mode on a cluster that does not exist yet, ``initial``."""
        found = super(Singleton, self).find()
        if found is None and self.initial is not None and self.scope.missing:
            return copy.deepcopy(self.initial)
        return found

    def check_input(self):
        super(Singleton, self).check_input()
        if self.delete_method is None and self.params.get("state") == "absent":
            raise InvalidInput("%s cannot be removed, only changed: leave state out" % self.word)

    def validate(self, current):
        """Required options name the object's own (there is no name)."""
        self.scope.check_plan()
        if current is None:
            missing = [o for o in self.required_to_create if self.params.get(o) is None]
            if missing:
                raise InvalidInput("to set up %s, also give: %s" % (self.what, ", ".join(missing)))

    def reread(self, current):
        value = self.read(self.base)
        if value is None or get_path(value, self.status_field) in self.absent_statuses:
            return None
        return value

    def create(self):
        self.scope.ready_for_change()
        self.mark_sent(self.wanted())
        return self.client.change(self.create_method, self.base, lambda: self.applied_update(None),
                                  body=self.create_body())

    def settle(self, current):
        """An object still changing (ENABLING) refuses another change: wait for it first."""
        if self.waiting and self.ready_waiter is not None and self.ready_waiter.busy(current):
            return self.wait_ready(current)
        return current

    def update(self, current, changes):
        self.scope.ready_for_change()
        current = self.settle(current)
        table = self.table(current)
        self.mark_sent(changes)
        if self.update_whole:
            have = table.view(current)  # without masks: write-only fields are not in it
            values = dict((f.option, get_path(have, f.option)) for f in table)
            values.update(self.wanted(current))
            body = table.create_body(dict((k, v) for k, v in values.items() if v is not None))
        else:
            body = table.update_requests(changes, current)[0]
        return self.client.change(self.update_method, self.base, lambda: self.applied_update(current),
                                  body=body) or current

    def delete(self, current):
        self.scope.ready_for_change()
        self.settle(current)
        self.delete_once(self.delete_method, self.base, lambda: self.applied_delete(current))

    def wait_ready(self, resource):
        return self.wait_for_ready(resource, self.base, self.what)

    def wait_gone(self, resource):
        self.wait_for_gone(self.base, self.what)
