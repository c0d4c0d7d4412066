# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""A cluster's networking: the IP allowlist (a Set of the kit); the egress rules of a dedicated
cluster, one by name (a Collection) or the whole set (a Set); its private endpoint services
(one Singleton for all its regions) and private endpoint connections, one by endpoint id or
the whole set.

An allowlist entry is keyed by its network in canonical form (``10.0.0.0/24``: host bits
zeroed, no leading zeros). Entries are compared on the fields the task sets (``name``,
``sql``, ``ui``); a field left unset is not managed.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import ipaddress
import re
import uuid

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import ApiError
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import (
    InvalidInput,
    OnlyWith,
    path_segment,
    refuse_blank,
)
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.collection import Collection
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.fields import Field, Fields
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.scopes import ClusterScope, dedicated_cluster
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.sets import Set, listed_once, set_entries
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.singleton import Singleton
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.waiters import Waiter

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
        ip, mask = before["_path"]
        return {"cidr_ip": ip, "cidr_mask": mask, "name": after["name"], "sql": after["sql"], "ui": after["ui"]}


def info_entry(item):
    """An API entry for cockroach_allowlist_info: as it is, plus ``cidr``."""
    return dict(item, cidr=canonical_entry(item)["cidr"])


def info_order(items):
    return sorted(items, key=lambda item: sort_key(item["cidr"]))


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
        Field("ports", from_api=sorted, normalize=lambda value, task: normalize_ports(value), default=[]),
        Field("description"),
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
    fields = Fields(Field("destination"), Field("type"), Field("ports", default=[]), Field("description"))

    def canonical(self, item):
        member = dict((k, v) for k, v in item.items() if k not in ("destination", "ports"))
        member.update(destination=api_destination(item.get("destination")), ports=sorted(item.get("ports") or []),
                      description=item.get("description"), _id=item.get("id"))
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
        if member.get("description") is not None:
            body["description"] = member["description"]
        return body

    def update_body(self, before, after):
        body = dict((k, after[k]) for k in ("destination", "ports", "description") if after.get(k) != before.get(k))
        if "destination" in body:
            body["type"] = after["type"]
        return body

    def delete_params(self, member):
        return idempotency_key()


def rule_info(item):
    """An API rule for cockroach_egress_rule_info: its ports sorted."""
    return dict(item, ports=sorted(item.get("ports") or []))


# == private endpoints ================================================================================
#
# A dedicated cluster gets one private endpoint service per region (one POST makes them all);
# a user creates an endpoint on the cloud side against a service's name, then adds it here as a
# connection, keyed by the cloud's endpoint id.

PRIVATE_FEATURE = "private connectivity"
SERVICES_PATH = "networking/private-endpoint-services"
CONNECTIONS_PATH = "networking/private-endpoint-connections"
ENDPOINT_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:/-]{0,254}$")
AWS_ENDPOINT_ID_RE = re.compile(r"^vpce-[0-9a-f]{8,17}$")
SERVICES_READY = Waiter("status", pending=("CREATING",), items="services")
CONNECTION_READY = Waiter(
    "status", pending=("STATUS_PENDING",), failed=("STATUS_REJECTED", "STATUS_FAILED"),
    hints={"STATUS_REJECTED": "the service did not accept the endpoint: check that it was created against this "
                              "cluster's service of its region, then remove the connection (state=absent) and "
                              "add it again",
           "STATUS_FAILED": "remove the connection (state=absent) and add it again"})


def cluster_regions(cluster):
    return [region["name"] for region in (cluster or {}).get("regions") or []]


def check_endpoint_id(endpoint_id, where="endpoint_id"):
    if not isinstance(endpoint_id, str) or not endpoint_id.strip():
        raise InvalidInput("%s must not be empty: give the id of the endpoint on the cloud side, such as "
                           "vpce-0123456789abcdef0" % where)
    if not ENDPOINT_ID_RE.match(endpoint_id):
        raise InvalidInput("%s %r is not an endpoint id: up to 255 letters, digits and . _ : / -, starting with a "
                           "letter or a digit, such as vpce-0123456789abcdef0" % (where, endpoint_id))


class PrivateEndpointServices(Singleton):
    """``networking/private-endpoint-services`` of a dedicated cluster: one service per region,
    made by one POST (no body). There is no update and no delete; a POST again adds the regions
    the cluster gained since. The resource is the listing, ``{services: [...]}`` (none: absent)."""

    kind = "services"
    noun = "private endpoint services"
    scope = dedicated_cluster(PRIVATE_FEATURE)
    path = SERVICES_PATH
    items = "services"  # for the info module's listing
    paginated = False
    delete_method = None
    ready_waiter = SERVICES_READY

    def lookup(self):
        value = self.read(self.base)
        return value if value and value.get("services") else None

    def regions(self):
        return [] if self.scope.missing else cluster_regions(self.scope.cluster)

    def view(self, resource):
        """The regions that have a service (for ``--diff``)."""
        return {"regions": sorted(s.get("region_name") for s in (resource or {}).get("services") or [])}

    def managed_view(self, resource):
        return self.view(resource)

    def public(self, resource):
        return [dict(service) for service in (resource or {}).get("services") or []]

    def changes(self, current):
        served = set(s.get("region_name") for s in current.get("services") or [])
        missing = [region for region in self.regions() if region not in served]
        return {"regions": missing} if missing else {}

    def predicted(self, regions):
        provider = None if self.scope.missing else self.scope.cluster.get("cloud_provider")
        return [dict((k, v) for k, v in (("region_name", region), ("cloud_provider", provider),
                                         ("status", "AVAILABLE")) if v is not None) for region in regions]

    def predict_create(self):
        return {"services": self.predicted(self.regions())}

    def predict_update(self, current, changes):
        return {"services": list(current.get("services") or []) + self.predicted(changes["regions"])}

    def send(self):
        """POST: safe to send again (it makes what is missing); a 409 means they exist."""
        self.scope.ready_for_change()
        try:
            return self.client.post(self.base, idempotent=True)
        except ApiError as error:
            if error.status != 409:
                raise
            return self.read(self.base)

    def create(self):
        return self.send()

    def update(self, current, changes):
        return self.send()


class _Services(object):
    """The services that connections join, read once when a connection is to be added: a region
    without one is refused before any change; one still CREATING is waited for before the add."""

    def __init__(self, task):
        self.task = task
        self.value = None

    def check(self, regions):
        task = self.task
        if task.scope.missing or not regions:
            return
        self.value = task.client.get("%s/%s" % (task.scope.path, SERVICES_PATH))
        by_region = dict((s.get("region_name"), s) for s in self.value.get("services") or [])
        name = task.scope.cluster.get("name")
        lacking = sorted(set(r for r in regions if r not in by_region))
        if lacking:
            raise InvalidInput("cluster %s has no private endpoint service in %s: create its services first "
                               "(cockroachdb.cloud.cockroach_private_endpoint_services), then the endpoint on the "
                               "cloud side against the service's name" % (name, ", ".join(lacking)))
        busy = sorted(set(r for r in regions if by_region[r].get("status") in SERVICES_READY.pending))
        if busy and not task.params.get("wait", True):
            raise InvalidInput("the private endpoint service of cluster %s in %s is still CREATING; add the "
                               "connection once it is AVAILABLE, or with wait=true to wait for it"
                               % (name, ", ".join(busy)))

    def wait(self):
        if self.value is None or SERVICES_READY.settled(self.value):
            return
        task = self.task
        path = "%s/%s" % (task.scope.path, SERVICES_PATH)
        timeout = task.params.get("wait_timeout")
        self.value = SERVICES_READY.wait_ready(task.client, lambda: task.client.get(path),
                                               600 if timeout is None else timeout,
                                               "private endpoint services of %s" % task.scope.describe(), self.value)


def _connection_region(task, region):
    """The region a new connection joins: the task's (a region of the cluster), else the first."""
    if task.scope.missing:
        return region
    regions = cluster_regions(task.scope.cluster)
    if region is None:
        return regions[0] if regions else None
    if region not in regions:
        raise InvalidInput("region %s is not a region of cluster %s (%s)"
                           % (region, task.scope.cluster.get("name"), ", ".join(regions)))
    return region


def _check_endpoint_for_provider(task, endpoint_id, where="endpoint_id"):
    cluster = None if task.scope.missing else task.scope.cluster
    if cluster and cluster.get("cloud_provider") == "AWS" and not AWS_ENDPOINT_ID_RE.match(endpoint_id):
        raise InvalidInput("%s %r is not an AWS VPC endpoint id such as vpce-0123456789abcdef0 (cluster %s is on AWS)"
                           % (where, endpoint_id, cluster.get("name")))


class PrivateEndpointConnections(Collection):
    """``networking/private-endpoint-connections``: one connection by the cloud's endpoint id,
    added (then STATUS_PENDING until the service accepts it) or removed. The listing is not
    paginated and a connection has no GET of its own: waits read the listing."""

    kind = "private_endpoint_connection"
    scope = dedicated_cluster(PRIVATE_FEATURE)
    path = CONNECTIONS_PATH
    items = "connections"
    key = "endpoint_id"
    item_key = "endpoint_id"
    paginated = False
    member_get = False
    ready_waiter = CONNECTION_READY
    only_with = (OnlyWith("region", "state", "present", warn=True, hint="removing a connection takes no region"),)
    fields = Fields(
        Field("endpoint_id", update=False),
        Field("region", api="region_name", create="region_name", update=False,
              immutable="{kind} {name} is in region {have}; it cannot move to {want}: remove it (state=absent) and "
                        "connect the endpoint of that region"),
    )

    def __init__(self, ctx):
        super(PrivateEndpointConnections, self).__init__(ctx)
        self.services = _Services(self)

    def check_input(self):
        super(PrivateEndpointConnections, self).check_input()
        check_endpoint_id(self.params.get("endpoint_id"))
        refuse_blank(self.params, "region", "leave it out for the cluster's first region")

    def validate(self, current):
        super(PrivateEndpointConnections, self).validate(current)
        if current is None:
            _check_endpoint_for_provider(self, self.params["endpoint_id"])
            self.services.check([_connection_region(self, self.params.get("region"))])

    def create(self):
        self.scope.ready_for_change()
        self.services.wait()
        return super(PrivateEndpointConnections, self).create()

    def predict_create(self):
        predicted = super(PrivateEndpointConnections, self).predict_create()
        region = _connection_region(self, self.params.get("region"))
        if region is not None:
            predicted["region_name"] = region
        if not self.scope.missing:
            predicted["cloud_provider"] = self.scope.cluster.get("cloud_provider")
        predicted["status"] = "STATUS_AVAILABLE"
        return predicted


class PrivateEndpointConnectionSet(Set):
    """The private endpoint connections of a cluster as a set keyed by endpoint id
    (``connections``, ``purge``). A connection's region cannot change."""

    kind = "private_endpoint_connections"
    noun = "private endpoint connection"
    scope = dedicated_cluster(PRIVATE_FEATURE)
    path = CONNECTIONS_PATH
    items = "connections"
    option = "connections"
    key_field = "endpoint_id"
    paginated = False
    ready_waiter = CONNECTION_READY
    fields = Fields(Field("region"))

    def __init__(self, ctx):
        super(PrivateEndpointConnectionSet, self).__init__(ctx)
        self.services = _Services(self)

    def canonical(self, item):
        return dict(item, region=item.get("region_name"))

    def public(self, member):
        public = super(PrivateEndpointConnectionSet, self).public(member)
        public.pop("region", None)
        return public

    def desired(self, entries):
        """``[(endpoint_id, {region set})]``, each checked."""
        wanted, seen = [], {}
        for where, entry in set_entries(entries, "connections", "endpoint_id and region"):
            endpoint_id = entry.get("endpoint_id")
            check_endpoint_id(endpoint_id, where + ".endpoint_id")
            listed_once(seen, endpoint_id, where, "endpoint")
            region = entry.get("region")
            if region is not None and not region.strip():
                raise InvalidInput("%s.region must not be empty: leave it out for the cluster's first region" % where)
            values = {"region": region} if region is not None and self.state == "present" else {}
            wanted.append((endpoint_id, values))
        return wanted

    def compare(self, current):
        plan = super(PrivateEndpointConnectionSet, self).compare(current)
        for before, after in plan.update:  # only the region can differ
            raise InvalidInput("private endpoint connection %s is in region %s; it cannot move to %s: remove it "
                               "(state=absent) and connect the endpoint of that region"
                               % (before["endpoint_id"], before["region"], after["region"]))
        index = dict((key, i) for i, (key, _values) in enumerate(self.wanted))
        for member in plan.add:
            _check_endpoint_for_provider(self, member["endpoint_id"],
                                         "connections[%d].endpoint_id" % index[member["endpoint_id"]])
        self.services.check([m["region"] for m in plan.add if m.get("region")])
        return plan

    def new_member(self, key, values):
        member = super(PrivateEndpointConnectionSet, self).new_member(key, values)
        member["_sent_region"] = values.get("region") is not None
        member["region"] = _connection_region(self, values.get("region"))
        cluster = None if self.scope.missing else self.scope.cluster
        predicted = (("region_name", member["region"]), ("cloud_provider", cluster and cluster.get("cloud_provider")),
                     ("status", "STATUS_AVAILABLE"))
        member.update((k, v) for k, v in predicted if v is not None)
        return member

    def apply(self, plan):
        if plan.add:
            self.scope.ready_for_change()
            self.services.wait()
        return super(PrivateEndpointConnectionSet, self).apply(plan)

    def item_path(self, member):
        return "%s/%s" % (self.base, path_segment(member["endpoint_id"]))

    def create_body(self, member):
        body = {"endpoint_id": member["endpoint_id"]}
        if member.get("_sent_region"):
            body["region_name"] = member["region"]
        return body

    def update_body(self, before, after):
        raise NotImplementedError("a connection has no field to update: it is only added or removed")


def connection_task(ctx):
    """What cockroach_private_endpoint_connection runs: the set (``connections``) or one (``endpoint_id``)."""
    return (PrivateEndpointConnectionSet if ctx.params.get("connections") is not None
            else PrivateEndpointConnections).task(ctx)


def egress_rule_task(ctx):
    """What cockroach_egress_rule runs: the set (``rules``) or one rule (``name``)."""
    return (EgressRuleSet if ctx.params.get("rules") is not None else EgressRules).task(ctx)
