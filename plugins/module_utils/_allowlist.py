# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""IP allowlist entries of a cluster: CIDR normalisation, set comparison, and the set
reconcile of cockroach_allowlist (one listing, then one request per change). Built on
``_cluster_children.ClusterChildren`` (the cluster by name or id, the listing read once).

An entry is keyed by its network in canonical form (``10.0.0.0/24``: host bits zeroed,
no leading zeros). Entries are compared on the fields the task sets (``name``, ``sql``,
``ui``); a field left unset is not managed.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import ipaddress
import re

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import ApiError
from ansible_collections.cockroachdb.cloud.plugins.module_utils._cluster_children import (
    ClusterChildren,
    check_cluster_option,
    predicts_on_new_cluster,
)
from ansible_collections.cockroachdb.cloud.plugins.module_utils._clusters import ClusterNotFound
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resource import InvalidInput, Resource

FIELDS = ("name", "sql", "ui")
#: Values of a new entry for the fields the task does not set (the API's own defaults).
CREATE_DEFAULTS = {"name": "", "sql": True, "ui": False}

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


def public_entry(entry):
    return dict((k, v) for k, v in entry.items() if not k.startswith("_"))


def diff_entry(entry):
    return dict((k, entry[k]) for k in ("cidr",) + FIELDS)


def sorted_entries(entries):
    return sorted(entries, key=lambda e: sort_key(e["cidr"]))


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
        fields = {} if state == "absent" else dict((k, entry.get(k)) for k in FIELDS if entry.get(k) is not None)
        wanted.append((cidr, fields))
    return wanted


# -- set comparison -------------------------------------------------------------------------

class Plan(object):
    """What must change: entries to add, to update (before, after) and to remove."""

    def __init__(self):
        self.add = []  # canonical entries, as they will be
        self.update = []  # (current entry, entry as it will be)
        self.remove = []  # current entries

    def __bool__(self):
        return bool(self.add or self.update or self.remove)

    def summary(self):
        return {"added": [e["cidr"] for e in self.add],
                "updated": [after["cidr"] for _before, after in self.update],
                "removed": [e["cidr"] for e in self.remove]}

    def diff(self, current):
        """before/after of the whole allowlist, sorted by network, so that a unified diff
        pairs each entry with itself. (A mapping on each side: Ansible's diff display only
        renders mappings and strings.)"""
        return {"before": {"entries": [diff_entry(e) for e in sorted_entries(current.values())]},
                "after": {"entries": [diff_entry(e) for e in self.result_set(current)]}}

    def result_set(self, current):
        """The whole allowlist once the plan is carried out, sorted by network."""
        entries = dict(current)
        for entry in self.remove:
            entries.pop(entry["cidr"], None)
        for _before, after in self.update:
            entries[after["cidr"]] = after
        for entry in self.add:
            entries[entry["cidr"]] = entry
        return sorted_entries(entries.values())


def compare(current, wanted, purge=False, state="present"):
    """The Plan that brings ``current`` ({cidr: canonical entry}) to the task's ``wanted``
    ([(cidr, fields)] from desired_entries)."""
    plan = Plan()
    if state == "absent":
        plan.remove = [current[cidr] for cidr, _fields in wanted if cidr in current]
    else:
        for cidr, fields in wanted:
            entry = current.get(cidr)
            if entry is None:
                ip, mask = cidr.split("/")
                new = dict(CREATE_DEFAULTS, cidr=cidr, cidr_ip=ip, cidr_mask=int(mask), _path=(ip, int(mask)))
                new.update(fields)
                plan.add.append(new)
            elif any(entry.get(k) != v for k, v in fields.items()):
                after = dict(entry)
                after.update(fields)
                plan.update.append((entry, after))
        if purge:
            named = set(cidr for cidr, _fields in wanted)
            plan.remove = [e for cidr, e in current.items() if cidr not in named]
    plan.add = sorted_entries(plan.add)
    plan.update = sorted(plan.update, key=lambda pair: sort_key(pair[0]["cidr"]))
    plan.remove = sorted_entries(plan.remove)
    return plan


# -- reading --------------------------------------------------------------------------------

def cidr_of(api_entry):
    """The canonical network of an API entry: the key of the allowlist."""
    return canonical_entry(api_entry)["cidr"]


class AllowlistEntries(ClusterChildren):
    """The allowlist of one cluster, read once (every page, 500 per page). Looked up
    without waiting (``for_change=False``): a cluster given by id is not read unless a
    change needs its state, and ``ready_for_change()`` waits for a busy one before the
    first change only."""

    def __init__(self, client, cluster, wait=True, wait_timeout=None):
        super(AllowlistEntries, self).__init__(client, cluster, "networking/allowlist", "allowlist", key=cidr_of,
                                               for_change=False, wait=wait, wait_timeout=wait_timeout)

    def current(self):
        """{cidr: canonical entry} of the whole allowlist."""
        entries = {}
        for api_entry in self.items():
            entry = canonical_entry(api_entry)
            entries[entry["cidr"]] = entry
        return entries


def info_entries(client, name_or_id):
    """The allowlist of a cluster for cockroach_allowlist_info: API entries plus ``cidr``."""
    check_cluster_option(name_or_id)
    result = []
    for api_entry in AllowlistEntries(client, name_or_id).items():
        item = dict(api_entry)
        item["cidr"] = cidr_of(api_entry)
        result.append(item)
    return sorted_entries(result)


# -- the task -------------------------------------------------------------------------------

class Allowlist(Resource):
    """The allowlist of one cluster as a set of entries (not one resource: see ``run``)."""

    kind = "allowlist"

    def __init__(self, ctx):
        super(Allowlist, self).__init__(ctx)
        params = self.params
        self.entries = AllowlistEntries(ctx.client, params.get("cluster"), wait=bool(params.get("wait", True)),
                                        wait_timeout=params.get("wait_timeout"))
        self.wanted = None
        self.cluster_missing = False

    @property
    def state(self):
        return self.params.get("state") or "present"

    def check_input(self):
        check_cluster_option(self.params.get("cluster"))
        if self.params.get("purge") and self.state == "absent":
            raise InvalidInput("purge applies to state=present only; with state=absent just the listed "
                               "entries are removed")
        self.wanted = desired_entries(self.params.get("entries"), self.state)

    def find(self):
        """The current allowlist; with state=absent, a cluster that does not exist has none
        (None), and in check mode one that does not exist yet has an empty one ({})."""
        try:
            return self.entries.current()
        except ClusterNotFound as error:
            if self.state == "absent":
                return None
            if predicts_on_new_cluster(self.ctx, error):
                self.cluster_missing = True
                return {}
            raise

    def view(self, resource):
        return [diff_entry(e) for e in sorted_entries(resource.values())]

    def changes(self, current):
        return compare(current, self.wanted, bool(self.params.get("purge")), self.state)

    # -- changing ---------------------------------------------------------------------------
    def _from_answer(self, answer, predicted):
        if isinstance(answer, dict) and answer.get("cidr_ip") is not None:
            entry = canonical_entry(answer)
            if entry["cidr"] == predicted["cidr"]:
                return entry
        return predicted

    def add(self, entry):
        body = {"cidr_ip": entry["cidr_ip"], "cidr_mask": entry["cidr_mask"], "sql": entry["sql"], "ui": entry["ui"]}
        if entry["name"]:
            body["name"] = entry["name"]
        answer = self.create_safely(lambda: self.client.post(self.entries.path, body),
                                    lambda: self.entries.find(entry["cidr"], refresh=True))
        return self._from_answer(answer, entry)

    def change(self, before, after):
        ip, mask = before["_path"]
        body = {"cidr_ip": ip, "cidr_mask": mask, "name": after["name"], "sql": after["sql"], "ui": after["ui"]}
        answer = self.client.patch(self.entries.item_path(ip, mask), body, idempotent=True)
        return self._from_answer(answer, after)

    def remove(self, entry):
        try:
            self.client.delete(self.entries.item_path(*entry["_path"]), idempotent=True)
        except ApiError as error:
            if error.status != 404:  # already gone (a retry after a lost answer, or someone else)
                raise

    def apply(self, plan):
        """Send the plan, one request per entry: adds and updates before removals, so that a
        network that keeps access never loses it on the way. Returns the entries as the API
        answered them."""
        done = Plan()
        try:
            self.entries.ready_for_change()
            for entry in plan.add:
                done.add.append(self.add(entry))
            for before, after in plan.update:
                done.update.append((before, self.change(before, after)))
            for entry in plan.remove:
                self.remove(entry)
                done.remove.append(entry)
        except ApiError as error:
            error.message = "%s (before this failure the task had added %d, updated %d and removed %d of " \
                            "%d, %d and %d entries)" % (error.message, len(done.add), len(done.update),
                                                        len(done.remove), len(plan.add), len(plan.update),
                                                        len(plan.remove))
            if done:
                error.result = dict(done.summary(), changed=True)
            raise
        return done

    def run(self):
        """The module result: read once, compare, predict (check mode) or apply."""
        self.check_input()
        current = self.find()
        if current is None:  # state=absent on a cluster that does not exist
            return {"changed": False, "cluster_id": None, "allowlist": [], "added": [], "updated": [],
                    "removed": [], "diff": Plan().diff({})}
        plan = self.changes(current)
        outcome = self.apply(plan) if plan and not self.ctx.check_mode else plan
        result = {"changed": bool(plan), "cluster_id": None if self.cluster_missing else self.entries.cluster_id,
                  "allowlist": [public_entry(e) for e in outcome.result_set(current)],
                  "diff": outcome.diff(current)}
        result.update(plan.summary())
        return result


def reconcile_allowlist(ctx):
    return Allowlist(ctx).run()
