"""Metric export of DEDICATED clusters to CloudWatch, Datadog and Prometheus (NOTES.md).

Decisions where the contract is open:
- Responses are ``{cluster_id, status, ...the stored settings}``: CloudWatch adds
  ``role_arn`` and, when given, ``target_region`` and ``log_group_name``; Datadog adds
  ``site`` (default ``US1``) and ``api_key`` in a masked form only (``****`` and the last
  four characters of a key of 12 or more characters; the key itself is never stored);
  Prometheus adds ``targets``: one scrape URL per cluster region.
- Status ``ENABLING`` -> ``ENABLED``; delete ``DISABLING`` -> ``NOT_DEPLOYED``. While the
  delete runs, Get shows the record; once it has settled the export is gone and Get and
  Delete answer 404, as when it was never enabled.
- Enable while enabled updates the settings (``ENABLING`` again), as the official
  Terraform provider relies on. Enable while ``ENABLING`` or ``DISABLING`` answers 409.
  Delete while ``DISABLING`` answers the record unchanged.
- Every operation on a cluster that is not DEDICATED answers 400; CloudWatch also
  answers 400 on clusters that are not on AWS.
"""

from ..errors import bad_request
from ..permissions import OPERATE_CLUSTER, READ_CLUSTER
from ..plans import require_dedicated
from ..registry import operation
from ..status_machine import StatusMachine
from ..store import public
from .log_export import check_aws_region, check_role_arn

KIND = "metric_export"
DATADOG_SITES = ("US1", "US3", "US5", "US1_GOV", "EU1", "AP1")
TRANSITIONS = {"ENABLE": ("ENABLING", "ENABLED"), "DISABLE": ("DISABLING", "NOT_DEPLOYED")}
EXPORTS = {kind: StatusMachine("%s metric export" % name, KIND, TRANSITIONS, key=kind)
           for kind, name in (("cloudwatch", "CloudWatch"), ("datadog", "Datadog"),
                              ("prometheus", "Prometheus"))}
SCRAPE_URL = "https://cockroachlabs.cloud/api/v1/clusters/%s/metricexport/prometheus/%s/scrape"


# -- state ----------------------------------------------------------------------------
def _check_cluster(ctx, kind):
    require_dedicated(ctx.cluster, EXPORTS[kind].label)
    if kind == "cloudwatch" and ctx.cluster["cloud_provider"] != "AWS":
        raise bad_request("CloudWatch metric export is only available on AWS clusters; "
                          "cluster %s is on %s" % (ctx.cluster["name"], ctx.cluster["cloud_provider"]))


def _get(ctx, kind):
    _check_cluster(ctx, kind)
    return public(EXPORTS[kind].existing(ctx))


def _enable(ctx, kind, settings):
    """Store ``settings`` (already validated) in place of the old ones and start ENABLING."""
    record = EXPORTS[kind].enable(ctx, new=lambda: {"cluster_id": ctx.cluster["id"]})
    for field in [k for k in record if k not in ("cluster_id", "status") and not k.startswith("_")]:
        del record[field]
    record.update(settings)
    return public(record)


def _delete(ctx, kind):
    _check_cluster(ctx, kind)
    return public(EXPORTS[kind].disable(ctx))


def _optional_string(body, field):
    value = body.get(field)
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise bad_request("%s must be a string" % field)
    return value


def _masked(api_key):
    return "****" + api_key[-4:] if len(api_key) >= 12 else "****"


# -- CloudWatch -----------------------------------------------------------------------
@operation("GetCloudWatchMetricExportInfo", roles=READ_CLUSTER, scope="cluster")
def get_cloudwatch(ctx, cluster_id):
    return _get(ctx, "cloudwatch")


@operation("EnableCloudWatchMetricExport", roles=OPERATE_CLUSTER, scope="cluster")
def enable_cloudwatch(ctx, cluster_id):
    _check_cluster(ctx, "cloudwatch")
    settings = {"role_arn": check_role_arn(ctx.body.get("role_arn"), "role_arn")}
    region = _optional_string(ctx.body, "target_region")
    if region is not None:
        settings["target_region"] = check_aws_region(region, "target_region")
    group = _optional_string(ctx.body, "log_group_name")
    if group is not None:
        settings["log_group_name"] = group
    return _enable(ctx, "cloudwatch", settings)


@operation("DeleteCloudWatchMetricExport", roles=OPERATE_CLUSTER, scope="cluster")
def delete_cloudwatch(ctx, cluster_id):
    return _delete(ctx, "cloudwatch")


# -- Datadog --------------------------------------------------------------------------
@operation("GetDatadogMetricExportInfo", roles=READ_CLUSTER, scope="cluster")
def get_datadog(ctx, cluster_id):
    return _get(ctx, "datadog")


@operation("EnableDatadogMetricExport", roles=OPERATE_CLUSTER, scope="cluster")
def enable_datadog(ctx, cluster_id):
    _check_cluster(ctx, "datadog")
    api_key = _optional_string(ctx.body, "api_key")
    if api_key is None:
        raise bad_request("api_key is required: a Datadog API key")
    site = _optional_string(ctx.body, "site") or "US1"
    if site not in DATADOG_SITES:
        raise bad_request("site must be one of %s, got %r" % (", ".join(DATADOG_SITES), site))
    return _enable(ctx, "datadog", {"site": site, "api_key": _masked(api_key)})


@operation("DeleteDatadogMetricExport", roles=OPERATE_CLUSTER, scope="cluster")
def delete_datadog(ctx, cluster_id):
    return _delete(ctx, "datadog")


# -- Prometheus -----------------------------------------------------------------------
@operation("GetPrometheusMetricExportInfo", roles=READ_CLUSTER, scope="cluster")
def get_prometheus(ctx, cluster_id):
    return _get(ctx, "prometheus")


@operation("EnablePrometheusMetricExport", roles=OPERATE_CLUSTER, scope="cluster")
def enable_prometheus(ctx, cluster_id):
    _check_cluster(ctx, "prometheus")
    cluster = ctx.cluster
    targets = {region["name"]: SCRAPE_URL % (cluster["id"], region["name"]) for region in cluster["regions"]}
    return _enable(ctx, "prometheus", {"targets": targets})


@operation("DeletePrometheusMetricExport", roles=OPERATE_CLUSTER, scope="cluster")
def delete_prometheus(ctx, cluster_id):
    return _delete(ctx, "prometheus")
