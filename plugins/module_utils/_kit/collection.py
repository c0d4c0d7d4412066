# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""The Collection kind: members of a listing, found by their natural key (or by id), one
created, updated or deleted per task. A description is a subclass:

    class Databases(Collection):
        kind = "database"
        scope = ClusterScope
        path = "databases"
        items = "databases"
        fields = Fields(Field("name"))
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import NotFound
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import path_segment
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.member import Member


class Collection(Member):
    item_key = "name"  # the member field that its path uses (its name, or its id)
    id_option = None  # an option that gives a member's id instead of its key
    update_method = "PATCH"
    member_get = True  # False: a member has no GET of its own; waits read the listing

    def __init__(self, ctx):
        super(Collection, self).__init__(ctx)
        self._items = None

    # -- paths and keys --------------------------------------------------------------------------
    def item_path(self, member, *suffix):
        parts = [self.base, path_segment(member[self.item_key])] + [path_segment(s) for s in suffix if s]
        return "/".join(parts)

    def key_of(self, item):
        """The natural key of an API member."""
        return item.get(self.key)

    def wanted_key(self):
        return self.params.get(self.key)

    def name_of(self, resource=None):
        return super(Collection, self).name_of(resource) or self.params.get(self.id_option or "") or ""

    def gone(self, item):
        """Whether a listed member counts as absent (a DELETED cluster)."""
        return False

    # -- reading -------------------------------------------------------------------------------
    def listing(self, refresh=False):
        """Every member (all pages), read once unless ``refresh``."""
        if self._items is None or refresh:
            self._items = self.read_listing()
        return self._items

    def find_in_listing(self, key, refresh=False):
        return next((item for item in self.listing(refresh) if self.key_of(item) == key and not self.gone(item)),
                    None)

    def by_id(self, member_id):
        """The member with id ``member_id``, read with one GET; None when there is none (404,
        or it counts as absent: ``gone``)."""
        found = self.read("%s/%s" % (self.base, path_segment(member_id)))
        return None if found is None or self.gone(found) else found

    def lookup(self):
        """By id when the task gives one, else by key in the listing."""
        if self.id_option and self.params.get(self.id_option):
            return self.by_id(self.params[self.id_option])
        return self.find_in_listing(self.wanted_key())

    def validate(self, current):
        """An id names an existing member: with state=present, an unknown one fails (it never
        creates a member with another id)."""
        if current is None and self.id_option and self.params.get(self.id_option):
            raise NotFound("no %s with id %s" % (self.word, self.params[self.id_option]), method="GET",
                           path="%s/%s" % (self.base, path_segment(self.params[self.id_option])))
        super(Collection, self).validate(current)

    # -- changing ----------------------------------------------------------------------------------
    def reread(self, current):
        if current is None:
            return self.find_in_listing(self.wanted_key(), refresh=True)
        if self.member_get:
            found = self.read(self.item_path(current))
        else:
            found = self.find_in_listing(self.key_of(current), refresh=True)
        return None if found is None or self.gone(found) else found

    def create(self):
        """POST the member; when the answer is lost, a listing says whether it was made
        before it is sent again (a re-send never makes two)."""
        self.scope.ready_for_change()
        body = self.create_body()
        self.mark_sent(self.wanted())
        return self.client.change("POST", self.base, lambda: self.reread(None), body=body)

    def update(self, current, changes):
        self.scope.ready_for_change()
        body, separate = self.table(current).update_requests(changes, current)
        self.mark_sent(changes)
        value = current
        if body:
            value = self.client.change(self.update_method, self.item_path(current),
                                       lambda: self.applied_update(current, set(changes) - set(f.option for f, _c in separate)),
                                       body=body) or value
        for field, change in separate:
            if field.update.alone and self.waiting:
                value = self.wait_ready(value)
            answer = self.send_alone(field, self.item_path(current, field.update.suffix), change,
                                     lambda o=field.option: self.applied_update(current, {o}))
            value = answer or value
        return value

    def delete(self, current):
        self.scope.ready_for_change()
        self.delete_once("DELETE", self.item_path(current), lambda: self.applied_delete(current),
                         params=self.delete_params(current))

    def member_path(self, resource):
        """What a wait reads: the member's path, or (``member_get = False``) a function that
        finds it in a fresh listing (None once it is not listed)."""
        if self.member_get:
            return self.item_path(resource)
        key = self.key_of(resource)
        return lambda: self.find_in_listing(key, refresh=True)

    def wait_ready(self, resource):
        return self.wait_for_ready(resource, self.member_path(resource), "%s %s" % (self.word, self.name_of(resource)))

    def wait_gone(self, resource):
        self.wait_for_gone(self.member_path(resource), "%s %s" % (self.word, self.name_of(resource)))
