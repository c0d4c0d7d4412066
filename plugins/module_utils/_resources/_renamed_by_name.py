# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""``name`` + ``new_name`` for Collections whose members are renamed by name (service
accounts, API keys)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import InvalidInput


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
