# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""A cluster's IP allowlist (a Set of the kit).

An allowlist entry is keyed by its network in canonical form (``10.0.0.0/24``: host bits
zeroed, no leading zeros). Entries are compared on the fields the task sets (``name``,
``sql``, ``ui``); a field left unset is not managed."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import ipaddress

from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import InvalidInput
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.fields import Field, Fields
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.info import listing_info
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.sets import Set, set_entries
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources._cidrs import cidr_string, normalize_cidr
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources._cluster_lookup import ClusterScope

ENTRY_FIELDS = ("name", "sql", "ui")


def sort_key(cidr):
    """Order networks by address, then by mask (``9.0.0.0/8`` before ``10.0.0.0/8``)."""
    ip, _slash, mask = cidr.partition("/")
    try:
        return int(ipaddress.IPv4Address(u"%s" % ip)), int(mask), ""
    except ValueError:  # an entry the API holds in a form we do not know: last
        return 2 ** 32, 0, cidr


def canonical_entry(api_entry):
    """An API entry as ``{cidr, cidr_ip, cidr_mask, name, sql, ui}``, the network canonical.

    ``_path`` keeps the address as the API spelled it, for the entry's own URL.
    """
    try:
        ip, mask = normalize_cidr(cidr_ip=api_entry.get("cidr_ip"), cidr_mask=api_entry.get("cidr_mask"),
                                  where="the API's entry")
    except InvalidInput:
        # Not ours to judge: keep it as it is, so that it can still be shown and removed.
        ip, mask = api_entry.get("cidr_ip"), api_entry.get("cidr_mask")
    return {
        "cidr": "%s/%s" % (ip, mask), "cidr_ip": ip, "cidr_mask": mask,
        "name": api_entry.get("name") or "",
        "sql": bool(api_entry.get("sql")), "ui": bool(api_entry.get("ui")),
        "_path": (api_entry.get("cidr_ip"), api_entry.get("cidr_mask")),
    }


def desired_entries(entries, state="present"):
    """The task's entries as ``[(cidr, {field: value set})]``, checked and normalised.

    With ``state=absent`` only the networks count (the fields are ignored). Two entries
    naming the same network after normalisation are an error.
    """
    wanted = []
    seen = {}
    for where, entry in set_entries(entries, "entries", "cidr (or cidr_ip and cidr_mask), name, sql and ui"):
        ip, mask = normalize_cidr(entry.get("cidr"), entry.get("cidr_ip"), entry.get("cidr_mask"), where)
        cidr = cidr_string(ip, mask)
        given = entry.get("cidr") if entry.get("cidr") is not None else \
            "%s/%s" % (entry.get("cidr_ip"), entry.get("cidr_mask"))
        if cidr in seen:
            first, first_given = seen[cidr]
            raise InvalidInput("%s and %s both name the network %s (given as %r and %r); "
                               "list each network once" % (first, where, cidr, first_given, given))
        seen[cidr] = (where, given)
        fields = {} if state == "absent" else dict((k, entry.get(k)) for k in ENTRY_FIELDS if entry.get(k) is not None)
        wanted.append((cidr, fields))
    return wanted


# -- the set ---------------------------------------------------------------------------------

class Allowlist(Set):
    """The IP allowlist of one cluster as a set of entries keyed by network."""

    kind = "allowlist"
    noun = "entry"
    nouns = "entries"
    scope = ClusterScope
    path = "networking/allowlist"
    items = "allowlist"
    option = "entries"
    key_field = "cidr"
    # The API's own defaults for what the task does not set on a new entry.
    fields = Fields(Field("name", default=""), Field("sql", default=True), Field("ui", default=False))

    def canonical(self, item):
        return canonical_entry(item)

    def desired(self, entries):
        return desired_entries(entries, self.state)

    def sort_key(self, key):
        return sort_key(key)

    def new_member(self, key, values):
        member = super(Allowlist, self).new_member(key, values)
        ip, mask = key.split("/")
        member.update(cidr_ip=ip, cidr_mask=int(mask), _path=(ip, int(mask)))
        return member

    def item_path(self, member):
        ip, mask = member["_path"]
        return "%s/%s/%s" % (self.base, ip, mask)

    def create_body(self, member):
        body = {"cidr_ip": member["cidr_ip"], "cidr_mask": member["cidr_mask"], "sql": member["sql"],
                "ui": member["ui"]}
        if member["name"]:
            body["name"] = member["name"]
        return body

    def update_body(self, before, after):
        """The entry's fields; the contract also wants its network in the body (as the path names
        it), the live service takes it in the path only (and refuses it in the body)."""
        body = {"name": after["name"], "sql": after["sql"], "ui": after["ui"]}
        if self.wire != "live":
            ip, mask = before["_path"]
            body.update(cidr_ip=ip, cidr_mask=mask)
        return body


def info_entry(item):
    """An API entry for cockroach_allowlist_info: as it is, plus ``cidr``."""
    return dict(item, cidr=canonical_entry(item)["cidr"])


def info_order(items):
    return sorted(items, key=lambda item: sort_key(item["cidr"]))


def allowlist_info(ctx):
    """What cockroach_allowlist_info reads: the whole allowlist, each entry with its ``cidr``."""
    return listing_info(ctx, Allowlist, "allowlist", key_option=None, present=info_entry, order=info_order)
