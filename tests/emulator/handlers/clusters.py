"""Clusters: lifecycle (CREATING -> CREATED, LOCKED while updating, DELETED), nodes,
connection strings, regions and versions, as NOTES.md describes the service."""

import re
import uuid

from .. import clock
from ..errors import ApiError, bad_request, conflict
from ..permissions import ADMIN_CLUSTER, ANY_KEY, READ_CLUSTER
from ..registry import operation
from ..seed import LATEST_VERSION, REGIONS, VERSIONS
from ..store import public

NAME_RE = re.compile(r"^[a-z0-9][a-z0-9-]{4,18}[a-z0-9]$")
LABEL_KEY_RE = re.compile(r"^[a-z0-9]([a-z0-9_.-]{0,61}[a-z0-9])?$")
VCPU_CHOICES = (2, 4, 8, 16, 32, 48, 64)
MACHINE_TYPES = {
    "AWS": {"m6i.large": 2, "m6i.xlarge": 4, "m6i.2xlarge": 8, "m6i.4xlarge": 16,
            "m6i.8xlarge": 32, "m6i.12xlarge": 48, "m6i.16xlarge": 64},
    "GCP": {"n2-standard-%d" % n: n for n in VCPU_CHOICES},
    "AZURE": {"Standard_D%ds_v5" % n: n for n in VCPU_CHOICES},
}
MIN_STORAGE_GIB, MAX_STORAGE_GIB = 15, 16384
ENABLED_DISABLED = ("ENABLED", "DISABLED")


# -- validation helpers ---------------------------------------------------------------
def _check_int(value, field, minimum=0, maximum=None):
    if isinstance(value, bool) or not isinstance(value, int):
        raise bad_request("%s must be an integer" % field)
    if value < minimum or (maximum is not None and value > maximum):
        limits = ">= %d" % minimum if maximum is None else "between %d and %d" % (minimum, maximum)
        raise bad_request("%s must be %s, got %d" % (field, limits, value))
    return value


def _check_object(value, field):
    if not isinstance(value, dict):
        raise bad_request("%s must be an object" % field)
    return value


def _check_region(provider, region, serverless=False):
    known = dict(REGIONS[provider])
    if region not in known:
        raise bad_request("unknown region %r for provider %s; available: %s"
                          % (region, provider, ", ".join(sorted(known))))
    if serverless and not known[region]:
        raise bad_request("region %r of %s does not offer serverless clusters" % (region, provider))


def check_labels(labels):
    _check_object(labels, "labels")
    if len(labels) > 50:
        raise bad_request("at most 50 labels are allowed")
    for key, value in labels.items():
        if not LABEL_KEY_RE.match(key):
            raise bad_request("label key %r must be 1 to 63 lowercase letters, digits, '_', '.' "
                              "or '-', starting and ending with a letter or digit" % key)
        if not isinstance(value, str) or len(value) > 63:
            raise bad_request("label %r must have a string value of at most 63 characters" % key)
    return dict(labels)


def _check_enum(value, field, choices):
    if value not in choices:
        raise bad_request("%s must be one of %s, got %r" % (field, ", ".join(choices), value))
    return value


def _usage_limits(value):
    _check_object(value, "usage_limits")
    limits = {}
    for field in ("request_unit_limit", "storage_mib_limit", "provisioned_virtual_cpus"):
        if value.get(field) is not None:
            limits[field] = _check_int(value[field], "usage_limits.%s" % field)
    return limits


def _serverless_regions(provider, regions, primary):
    if not isinstance(regions, list) or not regions or not all(isinstance(r, str) for r in regions):
        raise bad_request("a serverless cluster needs a non-empty list of region names")
    if len(set(regions)) != len(regions):
        raise bad_request("regions must not repeat")
    for region in regions:
        _check_region(provider, region, serverless=True)
    if primary is None and len(regions) > 1:
        raise bad_request("primary_region is required for a multi-region serverless cluster")
    if primary is not None and primary not in regions:
        raise bad_request("primary_region %r is not one of the regions %s" % (primary, regions))
    return primary or regions[0]


def _hardware(provider, hardware, current=None):
    """Validated dedicated hardware config merged over ``current``."""
    _check_object(hardware, "hardware")
    config = dict(current or {})
    machine = hardware.get("machine_spec")
    if machine is not None:
        _check_object(machine, "hardware.machine_spec")
        if machine.get("machine_type") and machine.get("num_virtual_cpus"):
            raise bad_request("machine_spec takes machine_type or num_virtual_cpus, not both")
        if machine.get("machine_type"):
            types = MACHINE_TYPES[provider]
            if machine["machine_type"] not in types:
                raise bad_request("unknown machine_type %r for %s; available: %s"
                                  % (machine["machine_type"], provider, ", ".join(types)))
            vcpus = types[machine["machine_type"]]
        elif machine.get("num_virtual_cpus") is not None:
            vcpus = _check_int(machine["num_virtual_cpus"], "num_virtual_cpus")
            if vcpus not in VCPU_CHOICES:
                raise bad_request("num_virtual_cpus must be one of %s"
                                  % ", ".join(str(c) for c in VCPU_CHOICES))
        else:
            raise bad_request("machine_spec needs machine_type or num_virtual_cpus")
        machine_type = next(t for t, n in MACHINE_TYPES[provider].items() if n == vcpus)
        config.update(machine_type=machine_type, num_virtual_cpus=vcpus, memory_gib=4 * vcpus)
    elif not current:
        raise bad_request("hardware.machine_spec is required for a dedicated cluster")
    if hardware.get("storage_gib") is not None:
        storage = _check_int(hardware["storage_gib"], "storage_gib", MIN_STORAGE_GIB, MAX_STORAGE_GIB)
        if current and storage < current.get("storage_gib", 0):
            raise bad_request("storage_gib cannot be decreased (from %d to %d)"
                              % (current["storage_gib"], storage))
        config["storage_gib"] = storage
    elif not current:
        raise bad_request("hardware.storage_gib is required for a dedicated cluster")
    if hardware.get("disk_iops") is not None:
        config["disk_iops"] = _check_int(hardware["disk_iops"], "disk_iops")
    config.setdefault("disk_iops", 0)
    return config


def _region_nodes(provider, region_nodes):
    _check_object(region_nodes, "region_nodes")
    if not region_nodes:
        raise bad_request("region_nodes must name at least one region")
    for region, count in region_nodes.items():
        _check_region(provider, region)
        _check_int(count, "region_nodes[%s]" % region, minimum=1, maximum=150)
        if len(region_nodes) > 1 and count < 3:
            raise bad_request("a multi-region cluster needs at least 3 nodes per region; "
                              "%s has %d" % (region, count))
    return dict(region_nodes)


def _full_version(major):
    if major not in VERSIONS:
        raise bad_request("unknown cockroach_version %r; available: %s"
                          % (major, ", ".join(VERSIONS)))
    return VERSIONS[major]


def _major(version):
    return ".".join(version.split(".")[:2])


def _dns(cluster_id, name, provider, region):
    return "%s-%s.%s-%s.cockroachlabs.cloud" % (name, cluster_id[:4], provider.lower(), region)


def _region_entries(cluster, region_counts, primary=None):
    entries = []
    for region, count in region_counts.items():
        entry = {"name": region, "sql_dns": _dns(cluster["id"], cluster["name"],
                                                 cluster["cloud_provider"], region),
                 "node_count": count}
        if primary is not None:
            entry["primary"] = region == primary
        entries.append(entry)
    return entries


def _check_name(data, name):
    if not isinstance(name, str) or not NAME_RE.match(name):
        raise bad_request("invalid cluster name %r: use 6 to 20 lowercase letters, digits and "
                          "dashes, not starting or ending with a dash" % (name,))
    for other in data["clusters"].values():
        if other["name"] == name and other["state"] != "DELETED":
            raise conflict("a cluster named %r already exists" % name)


def _check_parent(data, parent_id):
    if parent_id in (None, "", "root"):
        return "root"
    if parent_id not in data["folders"]:
        raise bad_request("parent folder %r does not exist" % parent_id)
    return parent_id


# -- building -------------------------------------------------------------------------
def build_cluster(data, body, creator_id, now_iso):
    """A new cluster from a CreateCluster body; raises 400/409 before changing anything."""
    _check_name(data, body.get("name"))
    provider = _check_enum(body.get("provider"), "provider", tuple(REGIONS))
    spec = _check_object(body.get("spec"), "spec")
    plans = [p for p in ("serverless", "dedicated") if spec.get(p) is not None]
    if len(plans) != 1:
        raise bad_request("spec must hold exactly one of serverless or dedicated")
    cluster_id = str(uuid.uuid4())
    cluster = {
        "id": cluster_id, "name": body["name"], "cloud_provider": provider,
        "plan": plans[0].upper(), "state": "CREATED", "operation_status": "UNSPECIFIED",
        "creator_id": creator_id, "created_at": now_iso, "updated_at": now_iso,
        "upgrade_status": "FINALIZED", "account_id": "",
        "parent_id": _check_parent(data, body.get("parent_id")),
        "labels": check_labels(spec.get("labels") or {}),
        "delete_protection": _check_enum(spec.get("delete_protection") or "DISABLED",
                                         "delete_protection", ENABLED_DISABLED),
        "egress_traffic_policy": "ALLOW_ALL", "network_visibility": "PUBLIC",
    }
    if plans[0] == "serverless":
        serverless = _check_object(spec["serverless"], "spec.serverless")
        regions = serverless.get("regions") or body.get("regions")
        primary = _serverless_regions(provider, regions, serverless.get("primary_region"))
        config = {"routing_id": "%s-%s" % (body["name"], cluster_id[:4])}
        if serverless.get("spend_limit") is not None and serverless.get("usage_limits"):
            raise bad_request("give spend_limit or usage_limits, not both")
        if serverless.get("spend_limit") is not None:
            config["spend_limit"] = _check_int(serverless["spend_limit"], "spend_limit")
        config["usage_limits"] = _usage_limits(serverless.get("usage_limits") or {})
        cluster.update(cockroach_version=VERSIONS[LATEST_VERSION], config={"serverless": config})
        cluster["regions"] = _region_entries(cluster, {r: 0 for r in regions}, primary)
    else:
        dedicated = _check_object(spec["dedicated"], "spec.dedicated")
        region_nodes = _region_nodes(provider, dedicated.get("region_nodes"))
        hardware = _hardware(provider, dedicated.get("hardware") or {})
        version = _full_version(dedicated.get("cockroach_version") or LATEST_VERSION)
        visibility = _check_enum(dedicated.get("network_visibility") or "PUBLIC",
                                 "network_visibility", ("PUBLIC", "PRIVATE"))
        cluster.update(cockroach_version=version, config={"dedicated": hardware},
                       network_visibility=visibility, egress_traffic_policy="DEFAULT_ALLOW",
                       account_id="emulated-%s" % cluster_id[:8])
        cluster["regions"] = _region_entries(cluster, region_nodes)
    cluster["sql_dns"] = cluster["regions"][0]["sql_dns"]
    return cluster


def seed_clusters(data, count, plan="SERVERLESS", provider="GCP", prefix="seeded"):
    """Add ``count`` CREATED clusters directly (test control, no audit entries)."""
    region = next(name for name, serverless in REGIONS[provider] if serverless)
    spec = ({"serverless": {"regions": [region]}} if plan == "SERVERLESS" else
            {"dedicated": {"region_nodes": {region: 3},
                           "hardware": {"machine_spec": {"num_virtual_cpus": 4}, "storage_gib": 15}}})
    now_iso = clock.iso(clock.now())
    creator = next(iter(data["service_accounts"]))
    ids = []
    start = len(data["clusters"])
    for index in range(start, start + count):
        body = {"name": "%s-%05d" % (prefix[:13], index), "provider": provider, "spec": spec}
        cluster = build_cluster(data, body, creator, now_iso)
        data["clusters"][cluster["id"]] = cluster
        ids.append(cluster["id"])
    return ids


# -- operations -----------------------------------------------------------------------
@operation("ListClusters", roles=ANY_KEY, scope="org")
def list_clusters(ctx):
    show_inactive = (ctx.query.get("show_inactive") or "").lower() == "true"
    org_wide = ctx.can(READ_CLUSTER)
    items = [c for c in ctx.data["clusters"].values()
             if (show_inactive or c["state"] != "DELETED")
             and (org_wide or ctx.can(READ_CLUSTER, "CLUSTER", c["id"]))]
    clusters, pagination = ctx.page(items)
    return {"clusters": clusters, "pagination": pagination}


@operation("CreateCluster", roles=ADMIN_CLUSTER, scope="parent")
def create_cluster(ctx):
    cluster = build_cluster(ctx.data, ctx.body, ctx.principal, ctx.timestamp())
    ctx.data["clusters"][cluster["id"]] = cluster
    ctx.audit_cluster_id = cluster["id"]
    ctx.schedule(cluster, {"state": "CREATING"}, {"state": "CREATED"})
    return public(cluster)


@operation("GetCluster", roles=READ_CLUSTER, scope="cluster")
def get_cluster(ctx, cluster_id):
    return public(ctx.cluster)


def _update_serverless(cluster, body):
    serverless = _check_object(body["serverless"], "serverless")
    config = dict(cluster["config"]["serverless"])
    provider = cluster["cloud_provider"]
    regions = [r["name"] for r in cluster["regions"]]
    primary = next((r["name"] for r in cluster["regions"] if r.get("primary")), regions[0])
    if serverless.get("regions") is not None or serverless.get("primary_region") is not None:
        regions = serverless.get("regions") or regions
        wanted = serverless.get("primary_region")
        primary = _serverless_regions(provider, regions,
                                      wanted if wanted is not None else (primary if primary in regions else None))
    if serverless.get("spend_limit") is not None and serverless.get("usage_limits"):
        raise bad_request("give spend_limit or usage_limits, not both")
    if serverless.get("spend_limit") is not None:
        config["spend_limit"] = _check_int(serverless["spend_limit"], "spend_limit")
        config["usage_limits"] = {}
    if serverless.get("usage_limits") is not None:
        config["usage_limits"] = _usage_limits(serverless["usage_limits"])
        config.pop("spend_limit", None)
    return config, regions, primary


@operation("UpdateCluster", roles=ADMIN_CLUSTER, scope="cluster")
def update_cluster(ctx, cluster_id):
    cluster, body = ctx.cluster, ctx.body
    fields = [k for k in ("serverless", "dedicated", "cockroach_version", "labels",
                          "delete_protection", "parent_id") if body.get(k) is not None]
    if "cockroach_version" in fields and len(fields) > 1:
        raise bad_request("a cockroach_version change must be sent alone")
    plan = cluster["plan"].lower()
    for other in ("serverless", "dedicated"):
        if other in fields and other != plan:
            raise bad_request("cluster %s is %s: its plan cannot change to %s"
                              % (cluster["name"], cluster["plan"], other.upper()))
    # Validate everything first, change nothing until all of it is valid.
    changes, lock = {}, None
    if "labels" in fields:
        changes["labels"] = check_labels(body["labels"])
    if "delete_protection" in fields:
        changes["delete_protection"] = _check_enum(body["delete_protection"], "delete_protection",
                                                   ENABLED_DISABLED)
    if "parent_id" in fields:
        changes["parent_id"] = _check_parent(ctx.data, body["parent_id"])
    if "serverless" in fields:
        config, regions, primary = _update_serverless(cluster, body)
        changes["config"] = {"serverless": config}
        changes["regions"] = _region_entries(cluster, {r: 0 for r in regions}, primary)
    if "dedicated" in fields:
        dedicated = _check_object(body["dedicated"], "dedicated")
        provider = cluster["cloud_provider"]
        counts = {r["name"]: r["node_count"] for r in cluster["regions"]}
        if dedicated.get("region_nodes") is not None:
            new_counts = _region_nodes(provider, dedicated["region_nodes"])
            if new_counts != counts:
                lock, counts = "CRDB_SCALE_RUNNING", new_counts
        hardware = cluster["config"]["dedicated"]
        if dedicated.get("hardware") is not None:
            new_hardware = _hardware(provider, dedicated["hardware"], hardware)
            if new_hardware != hardware:
                lock, hardware = lock or "CRDB_EDIT_CLUSTER_RUNNING", new_hardware
        changes["config"] = {"dedicated": hardware}
        changes["regions"] = _region_entries(cluster, counts)
    final = {"state": "CREATED", "operation_status": "UNSPECIFIED"}
    if "cockroach_version" in fields:
        if plan == "serverless":
            raise bad_request("serverless clusters are upgraded by the service; "
                              "cockroach_version cannot be set")
        target = body["cockroach_version"]
        full = _full_version(_major(target))
        majors = list(VERSIONS)
        current = majors.index(_major(cluster["cockroach_version"]))
        wanted = majors.index(_major(target))
        if wanted != current:
            if wanted != current + 1:
                raise bad_request("cluster %s runs %s: it can only be upgraded to the next major "
                                  "version %s" % (cluster["name"], cluster["cockroach_version"],
                                                  majors[current + 1] if current + 1 < len(majors)
                                                  else "(none available)"))
            lock = "CRDB_MAJOR_UPGRADE_RUNNING"
            changes["upgrade_status"] = "MAJOR_UPGRADE_RUNNING"
            final.update(cockroach_version=full, upgrade_status="FINALIZED")
    cluster.update(changes)
    cluster["updated_at"] = ctx.timestamp()
    if changes.get("regions"):
        cluster["sql_dns"] = cluster["regions"][0]["sql_dns"]
    if lock:
        ctx.schedule(cluster, {"state": "LOCKED", "operation_status": lock}, final)
    return public(cluster)


@operation("DeleteCluster", roles=ADMIN_CLUSTER, scope="cluster")
def delete_cluster(ctx, cluster_id):
    cluster = ctx.cluster
    if cluster["delete_protection"] == "ENABLED":
        raise ApiError(400, "cluster %s has delete protection enabled; disable it "
                       "(delete_protection: DISABLED) before deleting" % cluster["name"])
    cluster.update(state="DELETED", operation_status="UNSPECIFIED", deleted_at=ctx.timestamp(),
                   updated_at=ctx.timestamp())
    return public(cluster)


@operation("GetConnectionString", roles=READ_CLUSTER, scope="cluster")
def get_connection_string(ctx, cluster_id):
    user = ctx.query.get("sql_user")
    database = ctx.query.get("database") or "defaultdb"
    host = ctx.cluster["sql_dns"]
    auth = "%s@" % user if user else ""
    return {"connection_string": "postgresql://%s%s:26257/%s?sslmode=verify-full"
                                 % (auth, host, database)}


@operation("ListClusterNodes", roles=READ_CLUSTER, scope="cluster")
def list_cluster_nodes(ctx, cluster_id):
    cluster = ctx.cluster
    region_filter = ctx.query.get("region_name")
    status = "LIVE" if cluster["state"] in ("CREATED", "LOCKED") else "NOT_READY"
    nodes = []
    for region in cluster["regions"]:
        if region_filter and region["name"] != region_filter:
            continue
        for index in range(region.get("node_count") or 0):
            nodes.append({"name": "%s-%s-%d" % (cluster["name"], region["name"], index),
                          "region_name": region["name"], "status": status})
    page, pagination = ctx.page(nodes, created_key=None)
    return {"nodes": page, "pagination": pagination}


@operation("ListAvailableRegions", roles=ANY_KEY, scope="org")
def list_available_regions(ctx):
    provider = ctx.query.get("provider")
    serverless = ctx.query.get("serverless")
    items = [{"name": name, "provider": prov, "serverless": supports}
             for prov, regions in REGIONS.items() if provider in (None, prov)
             for name, supports in regions
             if serverless is None or serverless.lower() != "true" or supports]
    page, pagination = ctx.page(items, created_key=None)
    return {"regions": page, "pagination": pagination}


@operation("ListMajorClusterVersions", roles=ANY_KEY, scope="org")
def list_major_cluster_versions(ctx):
    items = [{"version": major} for major in VERSIONS]
    page, pagination = ctx.page(items, created_key=None)
    return {"versions": page, "pagination": pagination}
