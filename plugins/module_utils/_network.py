# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""A cluster's networking: the IP allowlist (a Set of the kit).

An allowlist entry is keyed by its network in canonical form (``10.0.0.0/24``: host bits
zeroed, no leading zeros). Entries are compared on the fields the task sets (``name``,
``sql``, ``ui``); a field left unset is not managed.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import ipaddress
import re

from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import InvalidInput
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.fields import Field, Fields
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.scopes import ClusterScope
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.sets import Set

ENTRY_FIELDS = ("name", "sql", "ui")
_ADDRESS_RE = re.compile(r"^[0-9]{1,3}(?:\.[0-9]{1,3}){3}$")
_MASK_RE = re.compile(r"^[0-9]{1,3}$")


# -- normalisation --------------------------------------------------------------------------

def _address(text, where):
    """A dotted IPv4 address, checked strictly (no leading zeros, no IPv6)."""
    text = text.strip()
    if ":" in text:
        raise InvalidInput("%s: %r is an IPv6 address; the allowlist takes IPv4 addresses only" % (where, text))
    if not _ADDRESS_RE.match(text):
        raise InvalidInput("%s: %r is not an IPv4 address; write it as four numbers 0-255 separated by "
                           "dots, such as 10.0.0.0" % (where, text))
    parts = text.split(".")
    if any(len(p) > 1 and p.startswith("0") for p in parts):
        raise InvalidInput("%s: %r has a part with leading zeros, which some tools read as octal; "
                           "write each part without leading zeros" % (where, text))
    if any(int(p) > 255 for p in parts):
        raise InvalidInput("%s: %r is not an IPv4 address: each part must be between 0 and 255" % (where, text))
    return text


def _mask(value, where):
    """A prefix length 0..32, from an int or a string of digits (no leading zeros)."""
    if isinstance(value, bool):
        raise InvalidInput("%s: mask %r must be a number between 0 and 32" % (where, value))
    if not isinstance(value, int):
        text = str(value).strip()
        if not _MASK_RE.match(text):
            raise InvalidInput("%s: mask %r must be a number between 0 and 32" % (where, value))
        if len(text) > 1 and text.startswith("0"):
            raise InvalidInput("%s: mask %r has leading zeros; write it as %d" % (where, value, int(text)))
        value = int(text)
    if not 0 <= value <= 32:
        raise InvalidInput("%s: mask %d is out of range; it must be between 0 and 32" % (where, value))
    return value


def normalize_cidr(cidr=None, cidr_ip=None, cidr_mask=None, where="entry"):
    """``(ip, mask)`` of the network, host bits zeroed: from ``cidr`` (``a.b.c.d/n`` or a
    bare address, meaning /32) or from ``cidr_ip`` + ``cidr_mask``. Raises InvalidInput."""
    if cidr is not None and (cidr_ip is not None or cidr_mask is not None):
        raise InvalidInput("%s: give either cidr or cidr_ip with cidr_mask, not both" % where)
    if cidr is None and cidr_ip is None:
        if cidr_mask is not None:
            raise InvalidInput("%s: cidr_mask needs cidr_ip" % where)
        raise InvalidInput("%s: give cidr (such as 10.0.0.0/24) or cidr_ip with cidr_mask" % where)
    if cidr is not None:
        text = str(cidr).strip()
        if not text:
            raise InvalidInput("%s: cidr is empty; give a network such as 10.0.0.0/24" % where)
        address, slash, mask = text.partition("/")
        address = _address(address, where)
        mask = _mask(mask, where) if slash else 32
    else:
        if "/" in str(cidr_ip):
            raise InvalidInput("%s: cidr_ip %r holds a mask; give the address in cidr_ip and the mask in "
                               "cidr_mask, or use cidr" % (where, cidr_ip))
        if cidr_mask is None:
            raise InvalidInput("%s: cidr_ip needs cidr_mask (0 to 32; 32 for a single address)" % where)
        address = _address(str(cidr_ip), where)
        mask = _mask(cidr_mask, where)
    network = ipaddress.IPv4Network(u"%s/%d" % (address, mask), strict=False)
    return str(network.network_address), network.prefixlen


def cidr_string(ip, mask):
    return "%s/%d" % (ip, mask)


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
    for index, entry in enumerate(entries or []):
        where = "entries[%d]" % index
        if not isinstance(entry, dict):
            raise InvalidInput("%s must be a dictionary with cidr (or cidr_ip and cidr_mask), name, sql and ui"
                               % where)
        ip, mask = normalize_cidr(entry.get("cidr"), entry.get("cidr_ip"), entry.get("cidr_mask"), where)
        cidr = cidr_string(ip, mask)
        given = entry.get("cidr") if entry.get("cidr") is not None else \
            "%s/%s" % (entry.get("cidr_ip"), entry.get("cidr_mask"))
        if cidr in seen:
            first, first_given = seen[cidr]
            raise InvalidInput("entries[%d] and %s both name the network %s (given as %r and %r); "
                               "list each network once" % (first, where, cidr, first_given, given))
        seen[cidr] = (index, given)
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
        ip, mask = before["_path"]
        return {"cidr_ip": ip, "cidr_mask": mask, "name": after["name"], "sql": after["sql"], "ui": after["ui"]}


def info_entry(item):
    """An API entry for cockroach_allowlist_info: as it is, plus ``cidr``."""
    return dict(item, cidr=canonical_entry(item)["cidr"])


def info_order(items):
    return sorted(items, key=lambda item: sort_key(item["cidr"]))
