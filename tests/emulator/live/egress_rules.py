"""Egress rules in the live wire format.

Requests: ``description`` is required at add (the strict document refuses an add without it),
``type`` too; ``paths`` (deprecated, ignored by the service) and ``idempotency_key`` of an add
or an edit are dropped (the handlers do not take them); an edit cannot rename a rule (the
strict document refuses ``name``).

Answers: a rule carries ``cluster_id``, ``crl_managed`` and ``description`` (empty when it has
none); the answers of get, add, edit and delete are wrapped as ``{rule: {...}}`` (the service's
protojson name; the SDK's document declares ``Rule`` and requires ``rule``).
"""

from . import answer, request

DROPPED = ("paths", "idempotency_key")


@request("AddEgressRule", "EditEgressRule")
def rule_request(call):
    call.body = {k: v for k, v in (call.body or {}).items() if k not in DROPPED}


def live_rule(call, rule):
    out = dict(rule, cluster_id=call.path.get("cluster_id"), crl_managed=bool(rule.get("crl_managed")),
               description=rule.get("description") or "")
    out.setdefault("ports", [])
    return out


@answer("AddEgressRule", "GetEgressRule", "EditEgressRule", "DeleteEgressRule")
def one(call, value):
    return {"rule": live_rule(call, value)}


@answer("ListEgressRules")
def listing(call, value):
    return dict(value, rules=[live_rule(call, rule) for rule in value.get("rules") or []])
