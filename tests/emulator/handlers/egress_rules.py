"""Egress rules of a dedicated cluster.

A rule is ``{id, name, destination, ports, type, state, description?, created_at}``.
``type`` is ``FQDN`` or ``CIDR``; when absent it is inferred from the destination
(digits, dots and an optional ``/mask`` make a CIDR). A CIDR destination must be an IPv4
network (kept as sent), an FQDN a dotted hostname (``*.`` allowed in front). ``ports``
are 1..65535 without repeats (empty: all ports). Names are unique per cluster (409).
``state`` goes ``PENDING`` -> ``ACTIVE`` after an add or an edit.

Delete takes ``idempotency_key``: the key is remembered with the deleted rule, and a
repeated delete of that rule with the same key answers 200 with it instead of 404.
Serverless clusters have no egress rules: add and edit answer 400, reads find nothing
(empty list, 404) and so does delete (404).
"""

import ipaddress
import re

from ..errors import bad_request, conflict, not_found
from ..permissions import OPERATE_CLUSTER, READ_CLUSTER
from ..plans import is_dedicated, require_dedicated
from ..registry import operation
from ..store import public

TYPES = ("FQDN", "CIDR")
CIDR_LIKE_RE = re.compile(r"^[0-9.]+(/[0-9]+)?$")
LABEL_RE = re.compile(r"^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")
MAX_NAME, MAX_DESCRIPTION = 63, 255
MAX_REMEMBERED_KEYS = 1000


def _rules(ctx):
    return ctx.children("egress_rules")


def _is_hostname(text):
    labels = text[2:].split(".") if text.startswith("*.") else text.split(".")
    return (len(text) <= 253 and len(labels) >= 2 and not labels[-1].isdigit()
            and all(LABEL_RE.match(label) for label in labels))


def _check_destination(destination, rule_type=None):
    """(destination, type) after checking that they agree."""
    if not isinstance(destination, str) or not destination:
        raise bad_request("destination is required: an FQDN (db.example.com) or a CIDR (10.0.0.0/8)")
    if rule_type is None:
        rule_type = "CIDR" if CIDR_LIKE_RE.match(destination) else "FQDN"
    if rule_type not in TYPES:
        raise bad_request("type must be FQDN or CIDR, got %r" % (rule_type,))
    if rule_type == "CIDR":
        try:
            ipaddress.IPv4Network(destination, strict=False)
        except ValueError:
            raise bad_request("destination %r is not a valid IPv4 CIDR (e.g. 10.0.0.0/8)"
                              % destination) from None
    elif not _is_hostname(destination):
        raise bad_request("destination %r is not a valid FQDN (e.g. db.example.com)" % destination)
    return destination, rule_type


def _check_ports(ports):
    if ports is None:
        return []
    if not isinstance(ports, list):
        raise bad_request("ports must be a list of port numbers")
    for port in ports:
        if isinstance(port, bool) or not isinstance(port, int) or not 1 <= port <= 65535:
            raise bad_request("ports must be between 1 and 65535, got %r" % (port,))
    if len(set(ports)) != len(ports):
        raise bad_request("ports must not repeat")
    return list(ports)


def _check_name(ctx, name, rule_id=None):
    if not isinstance(name, str) or not name.strip() or len(name) > MAX_NAME:
        raise bad_request("name is required: 1 to %d characters" % MAX_NAME)
    for rule in _rules(ctx).values():
        if rule["name"] == name and rule["id"] != rule_id:
            raise conflict("an egress rule named %r already exists in cluster %s"
                           % (name, ctx.cluster["name"]))
    return name


def _check_description(description):
    if not isinstance(description, str) or len(description) > MAX_DESCRIPTION:
        raise bad_request("description must be a string of at most %d characters" % MAX_DESCRIPTION)
    return description


def _find(ctx, rule_id):
    rule = _rules(ctx).get(rule_id)
    if rule is None:
        raise not_found("egress rule", rule_id)
    return rule


@operation("ListEgressRules", roles=READ_CLUSTER, scope="cluster")
def list_egress_rules(ctx, cluster_id):
    rules = _rules(ctx).values() if is_dedicated(ctx.cluster) else []
    items, pagination = ctx.page(rules)
    return {"rules": items, "pagination": pagination}


@operation("AddEgressRule", roles=OPERATE_CLUSTER, scope="cluster")
def add_egress_rule(ctx, cluster_id):
    require_dedicated(ctx.cluster, "egress rules", verb="are")
    body = ctx.body
    name = _check_name(ctx, body.get("name"))
    destination, rule_type = _check_destination(body.get("destination"), body.get("type"))
    rule = {"id": ctx.new_id(), "name": name, "destination": destination, "type": rule_type,
            "ports": _check_ports(body.get("ports")), "created_at": ctx.timestamp()}
    if body.get("description") is not None:
        rule["description"] = _check_description(body["description"])
    ctx.schedule(rule, {"state": "PENDING"}, {"state": "ACTIVE"})
    _rules(ctx)[rule["id"]] = rule
    return public(rule)


@operation("GetEgressRule", roles=READ_CLUSTER, scope="cluster")
def get_egress_rule(ctx, cluster_id, rule_id):
    if not is_dedicated(ctx.cluster):
        raise not_found("egress rule", rule_id)
    return public(_find(ctx, rule_id))


@operation("EditEgressRule", roles=OPERATE_CLUSTER, scope="cluster")
def edit_egress_rule(ctx, cluster_id, rule_id):
    require_dedicated(ctx.cluster, "egress rules", verb="are")
    rule, body = _find(ctx, rule_id), ctx.body
    changes = {}
    if body.get("name") is not None:
        changes["name"] = _check_name(ctx, body["name"], rule_id)
    if body.get("destination") is not None or body.get("type") is not None:
        # A new destination without a type is typed afresh; a new type alone is checked.
        keep_type = body.get("destination") is None
        destination = rule["destination"] if keep_type else body["destination"]
        changes["destination"], changes["type"] = _check_destination(
            destination, body.get("type") or (rule["type"] if keep_type else None))
    if body.get("ports") is not None:
        changes["ports"] = _check_ports(body["ports"])
    if body.get("description") is not None:
        changes["description"] = _check_description(body["description"])
    if any(rule.get(k) != v for k, v in changes.items()):
        rule.update(changes)
        ctx.schedule(rule, {"state": "PENDING"}, {"state": "ACTIVE"})
    return public(rule)


@operation("DeleteEgressRule", roles=OPERATE_CLUSTER, scope="cluster")
def delete_egress_rule(ctx, cluster_id, rule_id):
    # No 400 for serverless clusters here: none has a rule, so 404 (as the contract lists).
    key = ctx.query.get("idempotency_key")
    # A list, not a map: the keys are the caller's strings and stay out of the state's keys.
    deletions = ctx.children("egress_rule_deletions", default=list)
    rules = _rules(ctx)
    if rule_id not in rules and key:
        for done in deletions:
            if done["key"] == key and done["rule_id"] == rule_id:
                return done["rule"]
    rule = public(_find(ctx, rule_id))
    del rules[rule_id]
    if key:
        deletions.append({"key": key, "rule_id": rule_id, "rule": rule})
        del deletions[:-MAX_REMEMBERED_KEYS]  # forget the oldest keys first
    return rule
