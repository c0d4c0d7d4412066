# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""The egress rules of a dedicated cluster, one by name (a Collection) or the whole set (a Set)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re
import uuid

from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import InvalidInput, OnlyWith, path_segment
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.collection import Collection
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.fields import Field, Fields
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.sets import Set, listed_once, set_entries
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.waiters import Waiter
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources._cidrs import cidr_string, normalize_cidr
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources._cluster_lookup import dedicated_cluster

# == egress rules ===================================================================================
#
# A rule is keyed by its name (unique in a cluster); its destination is a host name (FQDN) or an
# IPv4 network (CIDR), compared in canonical form (lowercase; host bits cleared, ``/32`` for an
# address), and its type follows from the destination. Ports are compared as a set.

EGRESS_FEATURE = "egress perimeter control"
RULE_NAME_MAX = 63
RULE_DESCRIPTION_MAX = 255
_CIDR_LIKE_RE = re.compile(r"^[0-9./]+$")
_HOST_LABEL_RE = re.compile(r"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")
RULE_READY = Waiter("state", pending=("PENDING",), failed=("FAILED",),
                    hints={"FAILED": "the service could not apply it: check its destination, then change the rule "
                                     "or remove it and add it again"})


def egress_type(destination):
    """The type of a destination: CIDR for an address or a network, FQDN for a host name."""
    return "CIDR" if _CIDR_LIKE_RE.match(destination) else "FQDN"


def _host_name(text, where):
    name = text.lower()
    labels = name[2:].split(".") if name.startswith("*.") else name.split(".")
    if len(name) > 253 or len(labels) < 2 or labels[-1].isdigit() or \
            not all(_HOST_LABEL_RE.match(label) for label in labels):
        raise InvalidInput("%s: %r is not a host name such as api.example.com or *.example.com: two or more labels of "
                           "letters, digits and inner dashes, separated by dots" % (where, text))
    return name


def normalize_destination(destination, rule_type=None, where="destination"):
    """``(destination, type)`` in canonical form: an IPv4 network as ``a.b.c.d/n`` (host bits
    cleared, a bare address is ``/32``), a host name in lowercase. ``rule_type``, when given,
    must be the destination's. Raises InvalidInput."""
    if not isinstance(destination, str) or not destination.strip():
        raise InvalidInput("%s is empty: give a host name (api.example.com) or an IPv4 network (10.0.0.0/8)" % where)
    text = destination.strip()
    if ":" in text:
        raise InvalidInput("%s: %r holds a ':': give a host name or an IPv4 network, and the ports in ports "
                           "(egress rules take no IPv6 address)" % (where, text))
    found = egress_type(text)
    if rule_type is not None and rule_type != found:
        if rule_type == "CIDR":
            raise InvalidInput("%s: type CIDR needs an IPv4 network such as 10.0.0.0/8, got the host name %r; use "
                               "type FQDN (or leave type out)" % (where, text))
        raise InvalidInput("%s: type FQDN needs a host name such as api.example.com, got the network %r; use type "
                           "CIDR (or leave type out)" % (where, text))
    if found == "CIDR":
        return cidr_string(*normalize_cidr(cidr=text, where=where)), "CIDR"
    return _host_name(text, where), "FQDN"


def api_destination(value):
    """A destination the API holds, in canonical form (as it is when it is not ours to judge)."""
    try:
        return normalize_destination(value)[0]
    except InvalidInput:
        return value


def normalize_ports(ports, where="ports"):
    """The ports sorted, each 1..65535 and listed once (None: not managed; []: all ports)."""
    if ports is None:
        return None
    seen = set()
    for port in ports:
        if isinstance(port, bool) or not isinstance(port, int):
            raise InvalidInput("%s: %r is not a port number (1 to 65535)" % (where, port))
        if not 1 <= port <= 65535:
            raise InvalidInput("%s: port %d is out of range; ports are 1 to 65535" % (where, port))
        if port in seen:
            raise InvalidInput("%s: port %d is listed twice; list each port once" % (where, port))
        seen.add(port)
    return sorted(seen)


def check_rule_name(name, where="name"):
    if not isinstance(name, str) or not name.strip():
        raise InvalidInput("%s must not be empty: give the egress rule's name" % where)
    if len(name) > RULE_NAME_MAX:
        raise InvalidInput("%s %r is too long: an egress rule's name has at most %d characters"
                           % (where, name, RULE_NAME_MAX))


def check_rule_description(description, where="description"):
    if description is not None and len(description) > RULE_DESCRIPTION_MAX:
        raise InvalidInput("%s is too long (%d characters): at most %d" % (where, len(description), RULE_DESCRIPTION_MAX))


def unwrap_rule(value):
    """A rule from an answer: the live service wraps one rule as ``{rule: {...}}`` (its document
    declares the key ``Rule``: both are read); a listing's rules and the contract's are bare."""
    if isinstance(value, dict):
        for key in ("rule", "Rule"):
            if isinstance(value.get(key), dict):
                return value[key]
    return value


def api_ports(ports):
    """The ports of an API rule, sorted (read tolerantly: numbers sent as strings count too)."""
    try:
        return sorted(int(port) for port in ports or [])
    except (TypeError, ValueError):  # not ours to judge: as the API has them
        return list(ports)


def whole_rule(rule):
    """What an edit to the live service sends besides the changes: the rule's editable fields as
    they are. (Its document says the destination and its type are required in an edit, and an
    edit that leaves out the ports or the description may reset them.)"""
    return {"destination": rule.get("destination"), "type": rule.get("type"), "ports": api_ports(rule.get("ports")),
            "description": rule.get("description") or ""}


def idempotency_key():
    """A fresh ``idempotency_key`` for one DELETE: its retries repeat it, so a delete whose answer
    was lost answers the deleted rule again rather than 404."""
    return {"idempotency_key": str(uuid.uuid4())}


def _type_fits(rule, wanted_type):
    """Refuse a type that the rule's (unchanged) destination does not have."""
    if wanted_type is not None and wanted_type != rule.get("type"):
        raise InvalidInput("egress rule %s has the destination %s (type %s), so its type cannot be %s: give a "
                           "destination of type %s too"
                           % (rule.get("name"), rule.get("destination"), rule.get("type"), wanted_type, wanted_type))


class EgressRules(Collection):
    """``/clusters/{id}/networking/egress-rules``: one rule by name, edited in place by id
    (PATCH of the fields that change), deleted with an ``idempotency_key``."""

    kind = "egress_rule"
    scope = dedicated_cluster(EGRESS_FEATURE)
    path = "networking/egress-rules"
    items = "rules"
    item_key = "id"
    ready_waiter = RULE_READY
    required_to_create = ("destination",)
    only_with = (OnlyWith(("destination", "type", "ports", "description"), "state", "present", warn=True,
                          hint="a delete takes no settings"),)
    fields = Fields(
        Field("name", update=False),
        Field("destination", from_api=api_destination,
              normalize=lambda value, task: normalize_destination(value)[0]),
        Field("type"),
        Field("ports", from_api=api_ports, normalize=lambda value, task: normalize_ports(value), default=[]),
        # No description and an empty one are the same (the live service answers "" for none).
        Field("description", default=""),
    )

    def check_input(self):
        super(EgressRules, self).check_input()
        params = self.params
        check_rule_name(params.get("name"))
        if params.get("state") == "absent":
            return
        if params.get("destination") is not None:
            normalize_destination(params["destination"], params.get("type"))
        normalize_ports(params.get("ports"))
        check_rule_description(params.get("description"))

    def wanted(self, current=None):
        """The type follows the destination; a type alone must be the current destination's."""
        wanted = super(EgressRules, self).wanted(current)
        if "destination" in wanted:
            wanted["type"] = egress_type(wanted["destination"])
        elif current is not None:
            _type_fits(self.current_view, wanted.get("type"))
        return wanted

    def delete_params(self, member):
        return idempotency_key()

    # -- the live wire format: answers wrapped as {rule: ...}, a description at every add, whole edits
    def read(self, path):
        return unwrap_rule(super(EgressRules, self).read(path))

    def fetcher(self, path):
        fetch = super(EgressRules, self).fetcher(path)
        return lambda: unwrap_rule(fetch())

    def create_body(self):
        body = super(EgressRules, self).create_body()
        if self.wire == "live":  # required there, even empty
            body.setdefault("description", "")
        return body

    def create(self):
        return unwrap_rule(super(EgressRules, self).create())

    def update(self, current, changes):
        if self.wire == "live":
            changes = dict(whole_rule(current), **changes)
        return unwrap_rule(super(EgressRules, self).update(current, changes))

    def public(self, resource):
        return rule_info(resource) if resource else {}

    def predict_create(self):
        return dict(super(EgressRules, self).predict_create(), state="ACTIVE")


class EgressRuleSet(Set):
    """The egress rules of a cluster as a set keyed by name (``rules``, ``purge``). A purge never
    removes the rules the service manages itself (``crl_managed``)."""

    kind = "egress_rules"
    noun = "egress rule"
    scope = dedicated_cluster(EGRESS_FEATURE)
    path = "networking/egress-rules"
    items = "rules"
    option = "rules"
    key_field = "name"
    ready_waiter = RULE_READY
    fields = Fields(Field("destination"), Field("type"), Field("ports", default=[]), Field("description", default=""))

    def canonical(self, item):
        """An API rule (a listing's, or an answer's: wrapped as ``{rule: ...}`` by the live service);
        no description and an empty one are the same."""
        item = unwrap_rule(item)
        member = dict((k, v) for k, v in item.items() if k not in ("destination", "ports"))
        member.update(destination=api_destination(item.get("destination")), ports=api_ports(item.get("ports")),
                      description=item.get("description") or "", _id=item.get("id"))
        return member

    def desired(self, entries):
        """``[(name, {destination, type, ports, description set})]``, each checked."""
        wanted, seen = [], {}
        for where, entry in set_entries(entries, "rules", "name, destination, type, ports and description"):
            name = entry.get("name")
            check_rule_name(name, where + ".name")
            listed_once(seen, name, where, "egress rule")
            if self.state == "absent":
                wanted.append((name, {}))
                continue
            values = {}
            if entry.get("destination") is not None:
                values["destination"], values["type"] = normalize_destination(
                    entry["destination"], entry.get("type"), where + ".destination")
            elif entry.get("type") is not None:
                values["type"] = entry["type"]
            if entry.get("ports") is not None:
                values["ports"] = normalize_ports(entry["ports"], where + ".ports")
            if entry.get("description") is not None:
                check_rule_description(entry["description"], where + ".description")
                values["description"] = entry["description"]
            wanted.append((name, values))
        return wanted

    def compare(self, current):
        """A new rule needs its destination; a type alone must be the current destination's."""
        for name, values in self.wanted:
            if self.state == "present" and name in current and "destination" not in values:
                _type_fits(current[name], values.get("type"))
        plan = super(EgressRuleSet, self).compare(current)
        missing = [m["name"] for m in plan.add if m.get("destination") is None]
        if missing:
            raise InvalidInput("egress rule%s %s do%s not exist on %s: give %s destination to create %s"
                               % ("s" if len(missing) > 1 else "", ", ".join(missing), "" if len(missing) > 1 else "es",
                                  self.scope.describe(), "each a" if len(missing) > 1 else "its",
                                  "them" if len(missing) > 1 else "it"))
        return plan

    def purgeable(self, member):
        return not member.get("crl_managed")

    def new_member(self, key, values):
        return dict(super(EgressRuleSet, self).new_member(key, values), state="ACTIVE")

    def item_path(self, member):
        return "%s/%s" % (self.base, path_segment(member["_id"]))

    def create_body(self, member):
        body = dict((k, member[k]) for k in ("name", "destination", "type", "ports"))
        if member.get("description") or self.wire == "live":  # the live service requires it, even empty
            body["description"] = member.get("description") or ""
        return body

    def update_body(self, before, after):
        """What changes; the live service gets the whole rule (``whole_rule``)."""
        if self.wire == "live":
            return whole_rule(after)
        body = dict((k, after[k]) for k in ("destination", "ports", "description") if after.get(k) != before.get(k))
        if "destination" in body:
            body["type"] = after["type"]
        return body

    def delete_params(self, member):
        return idempotency_key()


def rule_info(item):
    """An API rule for cockroach_egress_rule_info: its ports sorted."""
    return dict(item, ports=api_ports(item.get("ports")))


def egress_rule_task(ctx):
    """What cockroach_egress_rule runs: the set (``rules``) or one rule (``name``)."""
    return (EgressRuleSet if ctx.params.get("rules") is not None else EgressRules).task(ctx)
