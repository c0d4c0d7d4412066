"""Log export: one configuration per DEDICATED cluster, sent to AWS CloudWatch or GCP
Cloud Logging (NOTES.md).

Decisions where the contract is open:
- The response is ``{cluster_id, status, spec, created_at, updated_at}``; ``spec`` is the
  request as stored, with defaults filled in (``log_name`` "cockroachdb", ``redact``
  false, ``omitted_channels`` [], ``groups`` [], each group's ``min_level`` "INFO" and
  ``redact`` the top-level value). ``region`` is kept only when given. Unknown fields
  are ignored.
- Status ``ENABLING`` -> ``ENABLED``; delete ``DISABLING`` -> ``DISABLED``. Once the
  delete has settled the configuration is gone: Get and Delete answer 404, as they do
  when nothing was ever configured (the real service answers 404 then too).
- Enable while a configuration exists replaces its spec (``ENABLING`` again, same
  ``created_at``). Enable while ``ENABLING`` or ``DISABLING`` answers 409: retry once the
  change has settled. Delete while ``DISABLING`` answers the record unchanged.
- Every operation on a SERVERLESS cluster answers 400 (log export is a dedicated
  feature). The destination type must match the provider: ``AWS_CLOUDWATCH`` on AWS,
  ``GCP_CLOUD_LOGGING`` on GCP; Azure clusters have neither (400).
"""

import re

from ..errors import bad_request
from ..permissions import OPERATE_CLUSTER, READ_CLUSTER
from ..plans import require_dedicated
from ..registry import operation
from ..status_machine import StatusMachine
from ..store import public

KIND = "log_export"
TYPE_FOR_PROVIDER = {"AWS": "AWS_CLOUDWATCH", "GCP": "GCP_CLOUD_LOGGING"}
CHANNELS = ("DEV", "OPS", "HEALTH", "STORAGE", "SESSIONS", "SQL_SCHEMA", "USER_ADMIN",
            "PRIVILEGES", "SENSITIVE_ACCESS", "SQL_EXEC", "SQL_PERF", "SQL_INTERNAL_PERF",
            "TELEMETRY", "KV_DISTRIBUTION")
LEVELS = ("INFO", "WARNING", "ERROR", "FATAL")
DEFAULT_LOG_NAME = "cockroachdb"
ROLE_ARN_RE = re.compile(r"^arn:aws(-us-gov|-cn)?:iam::\d{12}:role/[A-Za-z0-9+=,.@_/-]{1,512}$")
GCP_PROJECT_RE = re.compile(r"^[a-z][a-z0-9-]{4,28}[a-z0-9]$")
AWS_REGION_RE = re.compile(r"^[a-z]{2}(-gov)?-[a-z]+-\d$")
TRANSITIONS = {"ENABLE": ("ENABLING", "ENABLED"), "DISABLE": ("DISABLING", "DISABLED")}
LOG_EXPORT = StatusMachine("log export", KIND, TRANSITIONS, absent="configured")


# -- shared checks (metric_export uses these too) ---------------------------------------
def check_role_arn(value, field):
    if not isinstance(value, str) or not ROLE_ARN_RE.match(value):
        raise bad_request("%s must be an AWS IAM role ARN such as "
                          "arn:aws:iam::123456789012:role/my-role, got %r" % (field, value))
    return value


def check_aws_region(value, field):
    if not isinstance(value, str) or not AWS_REGION_RE.match(value):
        raise bad_request("%s must be an AWS region such as us-east-1, got %r" % (field, value))
    return value


def _string(value, field, required=False):
    if value is None or value == "":
        if required:
            raise bad_request("%s is required" % field)
        return None
    if not isinstance(value, str):
        raise bad_request("%s must be a string" % field)
    return value


def _bool(value, field, default):
    if value is None:
        return default
    if not isinstance(value, bool):
        raise bad_request("%s must be true or false" % field)
    return value


def _channels(value, field, allow_empty):
    if value is None:
        value = []
    if not isinstance(value, list):
        raise bad_request("%s must be a list of log channel names" % field)
    if not value and not allow_empty:
        raise bad_request("%s must name at least one log channel" % field)
    for channel in value:
        if channel not in CHANNELS:
            raise bad_request("%s: unknown log channel %r; available: %s"
                              % (field, channel, ", ".join(CHANNELS)))
    if len(set(value)) != len(value):
        raise bad_request("%s must not repeat a channel" % field)
    return list(value)


# -- validation -----------------------------------------------------------------------
def _auth_principal(value, export_type):
    _string(value, "auth_principal", required=True)
    if export_type == "AWS_CLOUDWATCH":
        return check_role_arn(value, "auth_principal")
    if not GCP_PROJECT_RE.match(value):
        raise bad_request("auth_principal must be a GCP project id (6 to 30 lowercase letters, "
                          "digits and dashes, starting with a letter), got %r" % value)
    return value


def _groups(value, default_redact):
    if value is None:
        return []
    if not isinstance(value, list):
        raise bad_request("groups must be a list")
    groups, names = [], set()
    for index, group in enumerate(value):
        where = "groups[%d]" % index
        if not isinstance(group, dict):
            raise bad_request("%s must be an object" % where)
        name = _string(group.get("log_name"), where + ".log_name", required=True)
        if name in names:
            raise bad_request("%s.log_name %r is used by another group" % (where, name))
        names.add(name)
        level = group.get("min_level") or "INFO"
        if level not in LEVELS:
            raise bad_request("%s.min_level must be one of %s, got %r" % (where, ", ".join(LEVELS), level))
        groups.append({"log_name": name,
                       "channels": _channels(group.get("channels"), where + ".channels", False),
                       "min_level": level,
                       "redact": _bool(group.get("redact"), where + ".redact", default_redact)})
    return groups


def _spec(cluster, body):
    """The stored spec for an EnableLogExport body; raises 400 before anything changes."""
    export_type = body.get("type")
    wanted = TYPE_FOR_PROVIDER.get(cluster["cloud_provider"])
    if wanted is None:
        raise bad_request("log export is not available for %s clusters (cluster %s); "
                          "types: AWS_CLOUDWATCH on AWS, GCP_CLOUD_LOGGING on GCP"
                          % (cluster["cloud_provider"], cluster["name"]))
    if export_type != wanted:
        raise bad_request("type %s does not fit cluster %s on %s: use %s"
                          % (export_type, cluster["name"], cluster["cloud_provider"], wanted))
    redact = _bool(body.get("redact"), "redact", False)
    spec = {"type": export_type,
            "log_name": _string(body.get("log_name"), "log_name") or DEFAULT_LOG_NAME,
            "auth_principal": _auth_principal(body.get("auth_principal"), export_type),
            "redact": redact,
            "omitted_channels": _channels(body.get("omitted_channels"), "omitted_channels", True),
            "groups": _groups(body.get("groups"), redact)}
    region = _string(body.get("region"), "region")
    if region is not None:
        spec["region"] = check_aws_region(region, "region") if export_type == "AWS_CLOUDWATCH" else region
    return spec


# -- operations -----------------------------------------------------------------------
@operation("GetLogExportInfo", roles=READ_CLUSTER, scope="cluster")
def get_log_export(ctx, cluster_id):
    require_dedicated(ctx.cluster, "log export")
    return public(LOG_EXPORT.existing(ctx))


@operation("EnableLogExport", roles=OPERATE_CLUSTER, scope="cluster")
def enable_log_export(ctx, cluster_id):
    require_dedicated(ctx.cluster, "log export")
    spec = _spec(ctx.cluster, ctx.body)
    now = ctx.timestamp()
    record = LOG_EXPORT.enable(ctx, new=lambda: {"cluster_id": ctx.cluster["id"], "created_at": now})
    record.update(spec=spec, updated_at=now)
    return public(record)


@operation("DeleteLogExport", roles=OPERATE_CLUSTER, scope="cluster")
def delete_log_export(ctx, cluster_id):
    require_dedicated(ctx.cluster, "log export")
    return public(LOG_EXPORT.disable(ctx, updated_at=ctx.timestamp()))
