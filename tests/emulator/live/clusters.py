"""Clusters in the live wire format: the create request holds everything in ``spec`` (with
``plan`` BASIC, STANDARD or ADVANCED, serverless limits only as ``usage_limits``); answers
name the plan so, and carry the fields the live document requires."""

from ..errors import bad_request
from . import answer, extras, request

SERVERLESS_PLANS = ("BASIC", "STANDARD")
# The plan of a cluster made without one (or through the contract's shape): the service's
# serverless clusters are STANDARD unless made BASIC, dedicated ones ADVANCED.
DEFAULT_PLANS = {"SERVERLESS": "STANDARD", "DEDICATED": "ADVANCED"}
# Live-only settings kept as sent and shown in answers (the emulator does nothing with them).
SERVERLESS_KEPT = ("upgrade_type",)
DEDICATED_DROPPED = ("cidr_range", "restrict_egress_traffic", "supports_cluster_virtualization")


def _int_limits(limits):
    """int64 usage limits may come as strings (protojson): the handlers take integers."""
    out = {}
    for key, value in (limits or {}).items():
        try:
            out[key] = int(value)
        except (TypeError, ValueError):
            raise bad_request("usage_limits.%s must be an integer, got %r" % (key, value)) from None
    return out


def _check_plan(plan, kind):
    if plan is None:
        return "BASIC" if kind == "serverless" else "ADVANCED"
    if (kind == "serverless") != (plan in SERVERLESS_PLANS):
        raise bad_request("plan %s does not take a %s spec" % (plan, kind))
    return plan


@request("CreateCluster")
def create_cluster(call):
    body = call.body or {}
    spec = dict(body.get("spec") or {})
    plan = spec.pop("plan", None)
    kept = {}
    contract_spec = {k: spec[k] for k in ("labels", "delete_protection") if k in spec}
    if spec.get("serverless") is not None:
        serverless = dict(spec["serverless"])
        kept.update((k, serverless.pop(k)) for k in SERVERLESS_KEPT if k in serverless)
        serverless.pop("with_empty_ip_allowlist", None)
        if "usage_limits" in serverless:
            serverless["usage_limits"] = _int_limits(serverless["usage_limits"])
        contract_spec["serverless"] = serverless
        kept["plan"] = _check_plan(plan, "serverless")
    if spec.get("dedicated") is not None:
        dedicated = {k: v for k, v in spec["dedicated"].items() if k not in DEDICATED_DROPPED}
        contract_spec["dedicated"] = dedicated
        kept["plan"] = _check_plan(plan, "dedicated")
    if spec.get("customer_cloud_account") is not None:
        kept["customer_cloud_account"] = spec["customer_cloud_account"]
    call.body = {"name": body.get("name"), "provider": body.get("provider"), "spec": contract_spec}
    if spec.get("parent_id") is not None:
        call.body["parent_id"] = spec["parent_id"]
    call.notes["kept"] = kept


@request("UpdateCluster")
def update_cluster(call):
    body = dict(call.body or {})
    plan = body.pop("plan", None)
    body.pop("upgrade_status", None)  # finalizing an upgrade: beyond the contract
    if isinstance(body.get("serverless"), dict):
        serverless = dict(body["serverless"])
        if "upgrade_type" in serverless:
            call.notes["upgrade_type"] = serverless.pop("upgrade_type")
        if "usage_limits" in serverless:
            serverless["usage_limits"] = _int_limits(serverless["usage_limits"])
        body["serverless"] = serverless
    call.body = body
    if plan is not None:
        cluster = call.data["clusters"].get(call.path.get("cluster_id")) or {}
        have = plan_of(cluster)
        if (plan in SERVERLESS_PLANS) != (have in SERVERLESS_PLANS):
            raise bad_request("cluster %s is %s: its plan cannot change to %s" % (cluster.get("name"), have, plan))
        call.notes["plan"] = plan


def plan_of(cluster):
    return extras(cluster).get("plan") or DEFAULT_PLANS.get(cluster.get("plan"), cluster.get("plan"))


def live_cluster(data, cluster):
    """A cluster answer (contract shape) in the live shape."""
    stored = data["clusters"].get(cluster.get("id")) or {}
    kept = stored.get("_live") or {}
    out = dict(cluster, plan=plan_of(stored or cluster), cidr_range=cluster.get("cidr_range") or "",
               is_customer_cloud_account="customer_cloud_account" in kept)
    if "customer_cloud_account" in kept:
        out["customer_cloud_account"] = kept["customer_cloud_account"]
    if out.get("egress_traffic_policy") == "DEFAULT_ALLOW":  # the contract's word for it
        out["egress_traffic_policy"] = "ALLOW_ALL"
    config = dict(cluster.get("config") or {})
    if "serverless" in config:
        config["serverless"] = dict(config["serverless"], upgrade_type=kept.get("upgrade_type", "AUTOMATIC"))
    out["config"] = config
    out["regions"] = [dict(region, ui_dns=region.get("ui_dns") or "ui-" + region.get("sql_dns", ""),
                           internal_dns=region.get("internal_dns") or "internal-" + region.get("sql_dns", ""),
                           private_endpoint_dns=region.get("private_endpoint_dns") or "")
                      for region in cluster.get("regions") or []]
    return out


@answer("CreateCluster")
def created(call, value):
    stored = call.data["clusters"].get(value.get("id"))
    if stored is not None:
        extras(stored).update(call.notes.get("kept") or {})
    return live_cluster(call.data, value)


@answer("UpdateCluster")
def updated(call, value):
    stored = call.data["clusters"].get(value.get("id"))
    if stored is not None:
        for key in ("plan", "upgrade_type"):
            if key in call.notes:
                extras(stored)[key] = call.notes[key]
    return live_cluster(call.data, value)


@answer("GetCluster", "DeleteCluster")
def one(call, value):
    return live_cluster(call.data, value)


@answer("ListClusters")
def listing(call, value):
    return dict(value, clusters=[live_cluster(call.data, c) for c in value.get("clusters") or []])


@answer("GetConnectionString")
def connection_string(call, value):
    """The live answer adds the string's parts (``params``)."""
    cluster = call.data["clusters"].get(call.path.get("cluster_id")) or {}
    params = {"Host": cluster.get("sql_dns", ""), "Port": "26257",
              "Database": call.query.get("database") or "defaultdb"}
    if call.query.get("sql_user"):
        params["Username"] = call.query["sql_user"]
    return dict(value, params=params)
