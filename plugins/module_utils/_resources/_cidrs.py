# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""IPv4 networks (CIDR) in canonical form (``10.0.0.0/24``: host bits zeroed, no leading
zeros), as the allowlist and the egress rules compare them."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import ipaddress
import re

from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import InvalidInput

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
