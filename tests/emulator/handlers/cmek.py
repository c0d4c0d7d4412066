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

from ..errors import bad_request, conflict
from ..permissions import ADMIN_CLUSTER, READ_CLUSTER
from ..plans import require_dedicated
from ..registry import operation
from ..status_machine import StatusMachine
from ..store import public

KIND = "cmek"
KEY_TYPE_FOR_PROVIDER = {"AWS": "AWS_KMS", "GCP": "GCP_CLOUD_KMS", "AZURE": "AZURE_KEY_VAULT"}
KEY_TYPES = ("AWS_KMS", "GCP_CLOUD_KMS", "AZURE_KEY_VAULT")
STATUS_CHANGES = ("ROTATE", "REVOKE")
CMEK = StatusMachine("CMEK", KIND, {"ENABLE": ("ENABLING", "ENABLED"), "ROTATE": ("ROTATING", "ENABLED"),
                                    "REVOKE": ("REVOKING", "REVOKED")})


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


def _not_revoked(ctx, record, action):
    if record["status"] == "REVOKED":
        raise bad_request("cannot %s: the CMEK keys of cluster %s are revoked"
                          % (action, ctx.cluster["name"]))


@operation("GetCMEKClusterInfo", roles=READ_CLUSTER, scope="cluster")
def get_cmek(ctx, cluster_id):
    require_dedicated(ctx.cluster, "CMEK")
    return public(CMEK.existing(ctx))


@operation("EnableCMEKSpec", roles=ADMIN_CLUSTER, scope="cluster")
def enable_cmek(ctx, cluster_id):
    require_dedicated(ctx.cluster, "CMEK")
    specs = _region_specs(ctx.cluster, ctx.body)
    record = CMEK.current(ctx)
    if record is not None:
        raise conflict("CMEK is already enabled for cluster %s (status %s); use UpdateCMEKSpec (PUT) "
                       "to change its keys" % (ctx.cluster["name"], record["status"]))
    now = ctx.timestamp()
    return public(CMEK.enable(ctx, new=lambda: {"cluster_id": ctx.cluster["id"], "spec": {"region_specs": specs},
                                                "created_at": now, "updated_at": now}))


@operation("UpdateCMEKSpec", roles=ADMIN_CLUSTER, scope="cluster")
def update_cmek_spec(ctx, cluster_id):
    require_dedicated(ctx.cluster, "CMEK")
    specs = _region_specs(ctx.cluster, ctx.body)
    record = CMEK.existing(ctx)
    CMEK.check_settled(ctx, record)
    _not_revoked(ctx, record, "update the key specification")
    record.update(spec={"region_specs": specs}, updated_at=ctx.timestamp())
    return public(CMEK.start(ctx, record, "ENABLE"))


@operation("UpdateCMEKStatus", roles=ADMIN_CLUSTER, scope="cluster")
def update_cmek_status(ctx, cluster_id):
    require_dedicated(ctx.cluster, "CMEK")
    action = ctx.body.get("status")
    if action not in STATUS_CHANGES:
        raise bad_request("status must be ROTATE or REVOKE, got %r" % (action,))
    record = CMEK.existing(ctx)
    CMEK.check_settled(ctx, record)
    if action == "REVOKE" and record["status"] == "REVOKED":
        return public(record)
    _not_revoked(ctx, record, "rotate the keys")
    record["updated_at"] = ctx.timestamp()
    return public(CMEK.start(ctx, record, action))
