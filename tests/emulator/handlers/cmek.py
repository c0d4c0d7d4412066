"""Customer-managed encryption keys (CMEK) of DEDICATED clusters (NOTES.md).

Decisions where the contract is open:
- The response is ``{cluster_id, status, spec: {region_specs}, created_at,
  updated_at}``; each region spec is ``{region, key: {type, uri, auth_principal}}``.
- Each region spec names a distinct region of the cluster (not every region needs a
  key); the key type must fit the cluster's provider (AWS_KMS on AWS, GCP_CLOUD_KMS on
  GCP, AZURE_KEY_VAULT on Azure); ``uri`` and ``auth_principal`` are non-empty strings.
- Enable: ``ENABLING`` -> ``ENABLED``; 409 when CMEK is already configured (in any
  status). Get, UpdateCMEKSpec and UpdateCMEKStatus answer 404 when it never was.
- UpdateCMEKSpec replaces the region specs: ``ENABLING`` -> ``ENABLED`` again.
- UpdateCMEKStatus ``ROTATE``: ``ROTATING`` -> ``ENABLED``; ``REVOKE``: ``REVOKING`` ->
  ``REVOKED``. Other values: 400. ``REVOKED`` is final: ROTATE and UpdateCMEKSpec then
  answer 400; REVOKE again answers the record unchanged.
- Any change while ``ENABLING``, ``ROTATING`` or ``REVOKING`` answers 409: retry once it
  has settled.
- Every operation on a cluster that is not DEDICATED answers 400.
"""

from ..errors import ApiError, bad_request, conflict
from ..registry import operation
from ..store import public
from .log_export import require_dedicated

KIND = "cmek"
KEY_TYPE_FOR_PROVIDER = {"AWS": "AWS_KMS", "GCP": "GCP_CLOUD_KMS", "AZURE": "AZURE_KEY_VAULT"}
KEY_TYPES = ("AWS_KMS", "GCP_CLOUD_KMS", "AZURE_KEY_VAULT")
BUSY = ("ENABLING", "ROTATING", "REVOKING")
STATUS_CHANGES = {"ROTATE": ("ROTATING", "ENABLED"), "REVOKE": ("REVOKING", "REVOKED")}


def _text(value, field):
    if not isinstance(value, str) or not value.strip():
        raise bad_request("%s is required and must be a non-empty string" % field)
    return value


def _region_specs(cluster, body):
    """Validated region specs of a CMEKClusterSpecification body."""
    specs = body.get("region_specs")
    if not isinstance(specs, list) or not specs:
        raise bad_request("region_specs must list at least one {region, key} entry")
    regions = [r["name"] for r in cluster["regions"]]
    wanted_type = KEY_TYPE_FOR_PROVIDER[cluster["cloud_provider"]]
    result, seen = [], set()
    for index, spec in enumerate(specs):
        where = "region_specs[%d]" % index
        if not isinstance(spec, dict):
            raise bad_request("%s must be an object" % where)
        region = spec.get("region")
        if region not in regions:
            raise bad_request("%s.region %r is not a region of cluster %s; its regions: %s"
                              % (where, region, cluster["name"], ", ".join(regions)))
        if region in seen:
            raise bad_request("%s.region %r is given twice" % (where, region))
        seen.add(region)
        key = spec.get("key")
        if not isinstance(key, dict):
            raise bad_request("%s.key must be an object {type, uri, auth_principal}" % where)
        if key.get("type") not in KEY_TYPES:
            raise bad_request("%s.key.type must be one of %s, got %r" % (where, ", ".join(KEY_TYPES), key.get("type")))
        if key["type"] != wanted_type:
            raise bad_request("%s.key.type %s does not fit cluster %s on %s: use %s"
                              % (where, key["type"], cluster["name"], cluster["cloud_provider"], wanted_type))
        result.append({"region": region,
                       "key": {"type": key["type"], "uri": _text(key.get("uri"), where + ".key.uri"),
                               "auth_principal": _text(key.get("auth_principal"), where + ".key.auth_principal")}})
    return result


def _existing(ctx):
    """The settled CMEK record; 404 when CMEK was never enabled."""
    record = ctx.children(KIND).get("config")
    if record is None:
        raise ApiError(404, "CMEK is not enabled for cluster %s" % ctx.cluster["name"])
    public(record)  # settle
    return record


def _not_busy(ctx, record):
    if record["status"] in BUSY:
        raise conflict("CMEK of cluster %s is %s; retry once it has settled"
                       % (ctx.cluster["name"], record["status"]))


def _not_revoked(ctx, record, action):
    if record["status"] == "REVOKED":
        raise bad_request("cannot %s: the CMEK keys of cluster %s are revoked"
                          % (action, ctx.cluster["name"]))


@operation("GetCMEKClusterInfo")
def get_cmek(ctx, cluster_id):
    require_dedicated(ctx.cluster, "CMEK")
    return public(_existing(ctx))


@operation("EnableCMEKSpec")
def enable_cmek(ctx, cluster_id):
    require_dedicated(ctx.cluster, "CMEK")
    specs = _region_specs(ctx.cluster, ctx.body)
    holder = ctx.children(KIND)
    if "config" in holder:
        raise conflict("CMEK is already enabled for cluster %s (status %s); use UpdateCMEKSpec (PUT) "
                       "to change its keys" % (ctx.cluster["name"], public(holder["config"])["status"]))
    now = ctx.timestamp()
    record = holder["config"] = {"cluster_id": ctx.cluster["id"], "spec": {"region_specs": specs},
                                 "created_at": now, "updated_at": now}
    ctx.schedule(record, {"status": "ENABLING"}, {"status": "ENABLED"})
    return public(record)


@operation("UpdateCMEKSpec")
def update_cmek_spec(ctx, cluster_id):
    require_dedicated(ctx.cluster, "CMEK")
    specs = _region_specs(ctx.cluster, ctx.body)
    record = _existing(ctx)
    _not_busy(ctx, record)
    _not_revoked(ctx, record, "update the key specification")
    record.update(spec={"region_specs": specs}, updated_at=ctx.timestamp())
    ctx.schedule(record, {"status": "ENABLING"}, {"status": "ENABLED"})
    return public(record)


@operation("UpdateCMEKStatus")
def update_cmek_status(ctx, cluster_id):
    require_dedicated(ctx.cluster, "CMEK")
    action = ctx.body.get("status")
    if action not in STATUS_CHANGES:
        raise bad_request("status must be ROTATE or REVOKE, got %r" % (action,))
    record = _existing(ctx)
    _not_busy(ctx, record)
    if action == "REVOKE" and record["status"] == "REVOKED":
        return public(record)
    _not_revoked(ctx, record, "rotate the keys")
    transitional, final = STATUS_CHANGES[action]
    record["updated_at"] = ctx.timestamp()
    ctx.schedule(record, {"status": transitional}, {"status": final})
    return public(record)
