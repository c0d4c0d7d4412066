# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""What a dedicated cluster sends out: its log export and its metric exports to CloudWatch,
Datadog and Prometheus (Singletons of the kit)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import (
    MASK,
    InvalidInput,
    OnlyWith,
    clean,
    mask,
    refuse_blank,
)
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.fields import Field, Fields
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.info import singletons_info
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.scopes import dedicated_cluster
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.singleton import Singleton
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.waiters import Waiter

LOG_CHANNELS = ("DEV", "OPS", "HEALTH", "STORAGE", "SESSIONS", "SQL_SCHEMA", "USER_ADMIN", "PRIVILEGES",
                "SENSITIVE_ACCESS", "SQL_EXEC", "SQL_PERF", "SQL_INTERNAL_PERF", "TELEMETRY", "KV_DISTRIBUTION")
LOG_TYPES = {"AWS": "AWS_CLOUDWATCH", "GCP": "GCP_CLOUD_LOGGING"}
ROLE_ARN_RE = re.compile(r"^arn:aws(-us-gov|-cn)?:iam::\d{12}:role/[A-Za-z0-9+=,.@_/-]{1,512}$")
GCP_PROJECT_RE = re.compile(r"^[a-z][a-z0-9-]{4,28}[a-z0-9]$")
AWS_REGION_RE = re.compile(r"^[a-z]{2}(-gov)?-[a-z]+-\d$")

EXPORT_READY = Waiter("status", pending=("ENABLING",), failed=("ENABLE_FAILED", "CREDENTIALS_ERROR"))
EXPORT_GONE = Waiter("status", pending=("DISABLING",), failed=("DISABLE_FAILED",), gone=("DISABLED",))


def check_channels(channels, where, allow_empty=True):
    channels = channels or []
    if not channels and not allow_empty:
        raise InvalidInput("%s must name at least one log channel" % where)
    unknown = [c for c in channels if c not in LOG_CHANNELS]
    if unknown:
        raise InvalidInput("%s: unknown log channel(s) %s; the channels are %s"
                           % (where, ", ".join(unknown), ", ".join(LOG_CHANNELS)))
    if len(set(channels)) != len(channels):
        raise InvalidInput("%s must not repeat a channel" % where)


def _groups(value, task):
    """The groups as the service stores them (defaults filled in), sorted by log name. A
    group's ``redact`` defaults to the export's: the task's, else the current one's."""
    redact = task.params.get("redact")
    if redact is None:
        redact = bool((task.current_view or {}).get("redact"))
    groups = [{"log_name": g["log_name"], "channels": sorted(g["channels"]), "min_level": g.get("min_level") or "INFO",
               "redact": redact if g.get("redact") is None else g["redact"]} for g in value]
    return sorted(groups, key=lambda g: g["log_name"])


def _api_groups(value):
    return sorted(({"log_name": g.get("log_name"), "channels": sorted(g.get("channels") or []),
                    "min_level": g.get("min_level") or "INFO", "redact": bool(g.get("redact"))} for g in value),
                  key=lambda g: g["log_name"] or "")


class LogExport(Singleton):
    """``/clusters/{id}/logexport``: POST enables or replaces it, DELETE disables it."""

    kind = "log_export"
    scope = dedicated_cluster("log export")
    path = "logexport"
    update_method = "POST"  # the same request again replaces the configuration
    update_whole = True
    absent_statuses = ("DISABLED",)
    ready_waiter = EXPORT_READY
    gone_waiter = EXPORT_GONE
    required_to_create = ("auth_principal",)
    # Said, not refused: a loop (or a role) may toggle the export's state with its settings.
    only_with = (OnlyWith(("type", "auth_principal", "log_name", "region", "redact", "omitted_channels", "groups"),
                          "state", "present", warn=True, hint="disabling the export takes no settings"),)
    fields = Fields(
        Field("type", api="spec.type", create="type"),
        Field("log_name", api="spec.log_name", create="log_name"),
        Field("auth_principal", api="spec.auth_principal", create="auth_principal"),
        Field("region", api="spec.region", create="region"),
        Field("redact", api="spec.redact", create="redact"),
        Field("omitted_channels", api="spec.omitted_channels", create="omitted_channels",
              normalize=lambda value, task: sorted(value), from_api=sorted),
        Field("groups", api="spec.groups", create="groups", normalize=_groups, from_api=_api_groups),
    )

    def check_input(self):
        super(LogExport, self).check_input()
        params = self.params
        if params.get("state") == "absent":
            return
        refuse_blank(params, "auth_principal",
                     "give the ARN of an AWS IAM role (AWS_CLOUDWATCH) or a GCP project id (GCP_CLOUD_LOGGING)")
        for option in ("log_name", "region"):
            refuse_blank(params, option, "leave it out for the service's default")
        check_channels(params.get("omitted_channels"), "omitted_channels")
        names = set()
        for index, group in enumerate(params.get("groups") or []):
            where = "groups[%d]" % index
            if not group.get("log_name"):
                raise InvalidInput("%s needs a log_name" % where)
            if group["log_name"] in names:
                raise InvalidInput("%s: log_name %r is used by another group" % (where, group["log_name"]))
            names.add(group["log_name"])
            check_channels(group.get("channels"), where + ".channels", allow_empty=False)
        self.check_principal(params.get("type"), params.get("auth_principal"))
        self.check_region(params.get("type"), params.get("region"))

    @staticmethod
    def check_region(export_type, region):
        if region and export_type == "AWS_CLOUDWATCH" and not AWS_REGION_RE.match(region):
            raise InvalidInput("region must be an AWS region such as us-east-1, got %r" % region)

    @staticmethod
    def check_principal(export_type, principal):
        if not principal:
            return
        if export_type == "AWS_CLOUDWATCH" and not ROLE_ARN_RE.match(principal):
            raise InvalidInput("auth_principal must be the ARN of an AWS IAM role, such as "
                               "arn:aws:iam::123456789012:role/cockroach-logs, for type AWS_CLOUDWATCH; got %r" % principal)
        if export_type == "GCP_CLOUD_LOGGING" and not GCP_PROJECT_RE.match(principal):
            raise InvalidInput("auth_principal must be a GCP project id (6 to 30 lowercase letters, digits and "
                               "dashes) for type GCP_CLOUD_LOGGING; got %r" % principal)

    def wanted(self, current=None):
        """The type defaults to the one of the cluster's cloud provider, and must fit it."""
        wanted = super(LogExport, self).wanted(current)
        if self.scope.missing:
            return wanted
        provider = self.scope.cluster.get("cloud_provider")
        fitting = LOG_TYPES.get(provider)
        if fitting is None:
            raise InvalidInput("log export is not available for %s clusters (cluster %s)"
                               % (provider, self.scope.cluster.get("name")))
        if wanted.get("type", fitting) != fitting:
            raise InvalidInput("type %s does not fit cluster %s on %s: use %s"
                               % (wanted["type"], self.scope.cluster.get("name"), provider, fitting))
        if current is None:
            wanted.setdefault("type", fitting)
        # The checks of check_input, now that the type in effect is known.
        self.check_principal(fitting, wanted.get("auth_principal"))
        self.check_region(fitting, wanted.get("region"))
        return wanted

    def predict_create(self):
        predicted = super(LogExport, self).predict_create()
        spec = predicted.setdefault("spec", {})
        spec.setdefault("log_name", "cockroachdb")
        spec.setdefault("redact", False)
        spec.setdefault("omitted_channels", [])
        spec.setdefault("groups", [])
        predicted.update(status="ENABLED", cluster_id=None if self.scope.missing else self.scope.cluster_id)
        return clean(predicted)


# -- metric export --------------------------------------------------------------------------------

DATADOG_SITES = ("US1", "US3", "US5", "US1_GOV", "EU1", "AP1")
METRIC_EXPORT_READY = Waiter("status", pending=("ENABLING",), failed=("ERROR", "ENABLE_FAILED"))
METRIC_EXPORT_GONE = Waiter("status", pending=("DISABLING",), failed=("ERROR", "DISABLE_FAILED"),
                            gone=("NOT_DEPLOYED",))
#: The options of each type of metric export (``type`` aside); one of another type is refused.
METRIC_EXPORT_OPTIONS = {
    "cloudwatch": ("role_arn", "target_region", "log_group_name"),
    "datadog": ("datadog_api_key", "site"),
    "prometheus": (),
}
METRIC_EXPORT_SETTINGS = tuple(o for name in sorted(METRIC_EXPORT_OPTIONS) for o in METRIC_EXPORT_OPTIONS[name])


class MetricExport(Singleton):
    """``/clusters/{id}/metricexport/<type>``: POST enables it or replaces its settings,
    DELETE disables it. One subclass per type; the task's ``type`` picks it
    (``metric_export_task``). The API's objects do not say their type: the view adds it."""

    kind = "metric_export"
    type_name = None  # cloudwatch, datadog, prometheus
    update_method = "POST"  # the same request again replaces the settings
    update_whole = True
    absent_statuses = ("NOT_DEPLOYED",)
    ready_waiter = METRIC_EXPORT_READY
    gone_waiter = METRIC_EXPORT_GONE
    base_fields = Fields(Field("type", api=False, create=False, update=False))
    only_with = tuple(OnlyWith(options, "type", name) for name, options in sorted(METRIC_EXPORT_OPTIONS.items())
                      if options) + (
        OnlyWith("update_datadog_api_key", "type", "datadog", unset="on_create"),
        # Disabling takes no settings: said, not refused (a loop may toggle an export's state).
        OnlyWith(METRIC_EXPORT_SETTINGS, "state", "present", warn=True, hint="disabling an export takes no settings"),
        OnlyWith("update_datadog_api_key", "state", "present", unset="on_create", warn=True,
                 hint="disabling an export takes no settings"),
    )

    def view(self, resource):
        view = super(MetricExport, self).view(resource)
        view["type"] = self.type_name
        return view

    def predict_create(self):
        predicted = super(MetricExport, self).predict_create()
        predicted.update(status="ENABLED" if self.waiting else "ENABLING",
                         cluster_id=None if self.scope.missing else self.scope.cluster_id)
        return clean(predicted)


class CloudWatchMetricExport(MetricExport):
    noun = "CloudWatch metric export"
    type_name = "cloudwatch"
    scope = dedicated_cluster("CloudWatch metric export")
    path = "metricexport/cloudwatch"
    required_to_create = ("role_arn",)
    fields = MetricExport.base_fields + Fields(
        Field("role_arn"),
        Field("target_region"),
        Field("log_group_name"),
    )

    def check_input(self):
        super(CloudWatchMetricExport, self).check_input()
        params = self.params
        if params.get("state") == "absent":
            return
        role_arn = params.get("role_arn")
        if role_arn is not None and not ROLE_ARN_RE.match(role_arn):
            raise InvalidInput("role_arn must be the ARN of an AWS IAM role that CockroachDB Cloud can assume, such as "
                               "arn:aws:iam::123456789012:role/cockroach-metrics; got %r" % role_arn)
        region = params.get("target_region")
        if region is not None and not AWS_REGION_RE.match(region):
            raise InvalidInput("target_region must be an AWS region such as us-east-1, got %r" % region)
        refuse_blank(params, "log_group_name", "leave it out for the service's default")

    def unavailable(self):
        """CloudWatch takes the metrics of clusters on AWS only."""
        cluster = self.scope.cluster
        if cluster.get("cloud_provider") != "AWS":
            return ("CloudWatch metric export is only available for clusters on AWS; cluster %s is on %s "
                    "(use type datadog or prometheus)" % (cluster.get("name"), cluster.get("cloud_provider")))
        return None


class DatadogMetricExport(MetricExport):
    """The Datadog API key (option ``datadog_api_key``: ``api_key`` is the CockroachDB Cloud
    key of every module) is write-only: the service keeps it and shows it masked at best, so
    it is sent at creation, with ``update_datadog_api_key=always``, and with any other change
    (the API takes it with every request). The API's masked form is masked again in results."""

    noun = "Datadog metric export"
    type_name = "datadog"
    scope = dedicated_cluster("Datadog metric export")
    path = "metricexport/datadog"
    required_to_create = ("datadog_api_key",)
    fields = MetricExport.base_fields + Fields(
        Field("site", default="US1"),
        Field("datadog_api_key", api=False, create="api_key", secret=True, write_only="update_datadog_api_key"),
    )

    def check_input(self):
        super(DatadogMetricExport, self).check_input()
        params = self.params
        if params.get("state") == "absent":
            return
        refuse_blank(params, "datadog_api_key", "give a Datadog API key")
        if params.get("update_datadog_api_key") == "always" and params.get("datadog_api_key") is None:
            raise InvalidInput("update_datadog_api_key=always needs a datadog_api_key")
        if params.get("site") is not None and params["site"] not in DATADOG_SITES:
            raise InvalidInput("site must be one of %s, got %r" % (", ".join(DATADOG_SITES), params["site"]))

    def changes(self, current):
        """Any change sends the API key again: without it in the task, the change is refused."""
        changes = super(DatadogMetricExport, self).changes(current)
        if changes and self.params.get("datadog_api_key") is None:
            raise InvalidInput("to change the %s (%s), also give datadog_api_key: the service takes the key with "
                               "every change and never returns it" % (self.what, ", ".join(sorted(changes))))
        return changes

    def update(self, current, changes):
        self.mark_sent({"datadog_api_key": True})  # sent with every change
        return super(DatadogMetricExport, self).update(current, changes)

    def predict_update(self, current, changes):
        self.mark_sent({"datadog_api_key": True})
        return super(DatadogMetricExport, self).predict_update(current, changes)

    def public(self, resource):
        return mask(super(DatadogMetricExport, self).public(resource), ("api_key",))

    def predict_create(self):
        return dict(super(DatadogMetricExport, self).predict_create(), api_key=MASK)  # as the API shows it


class PrometheusMetricExport(MetricExport):
    """No settings: enabled, the service gives a scrape URL per region (``targets``)."""

    noun = "Prometheus metric export"
    type_name = "prometheus"
    scope = dedicated_cluster("Prometheus metric export")
    path = "metricexport/prometheus"
    fields = MetricExport.base_fields

    def create(self):
        self.scope.ready_for_change()
        # The operation takes no body.
        return self.client.change(self.create_method, self.base, lambda: self.reread(None))


METRIC_EXPORTS = {"cloudwatch": CloudWatchMetricExport, "datadog": DatadogMetricExport,
                  "prometheus": PrometheusMetricExport}


def metric_export_task(ctx):
    """What cockroach_metric_export runs: the description of the task's ``type``."""
    return METRIC_EXPORTS[ctx.params["type"]].task(ctx)


def metric_export_info(ctx):
    """What cockroach_metric_export_info runs: every type, or the task's ``type``."""
    wanted = ctx.params.get("type")
    descriptions = dict((name, METRIC_EXPORTS[name]) for name in sorted(METRIC_EXPORTS) if wanted in (None, name))
    scope = None if wanted else dedicated_cluster("metric export")
    return singletons_info(ctx, descriptions, "metric_exports", scope=scope)
