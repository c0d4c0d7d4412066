# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""What a dedicated cluster sends out: its metric exports to CloudWatch, Datadog and
Prometheus (Singletons of the kit, one per type), with what cockroach_metric_export_info reads."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

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
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.singleton import Singleton
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.waiters import Waiter
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources._aws_patterns import (
    AWS_REGION_RE,
    ROLE_ARN_RE,
)
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources._cluster_lookup import dedicated_cluster

# -- metric export --------------------------------------------------------------------------------

DATADOG_SITES = ("US1", "US3", "US5", "US1_GOV", "EU1", "AP1")
LIVE_DATADOG_SITES = ("US1", "US3", "US5", "US1_GOV", "EU1")  # the CockroachDB Cloud service's
DEFAULT_DATADOG_SITE = "US1"
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
        # No option: the live service's external id of the role, set elsewhere, is sent again as
        # it is with a change (the request replaces the whole configuration).
        Field("external_id"),
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
        Field("site", default=DEFAULT_DATADOG_SITE),
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

    def validate(self, current):
        super(DatadogMetricExport, self).validate(current)
        site = self.params.get("site")
        if site is not None and site not in LIVE_DATADOG_SITES and self.wire == "live":
            raise InvalidInput("site %s is not one the CockroachDB Cloud service takes: use one of %s"
                               % (site, ", ".join(LIVE_DATADOG_SITES)))

    def create_body(self):
        """The live service needs the site: without the option, the service's default."""
        body = super(DatadogMetricExport, self).create_body()
        if self.wire == "live":
            body.setdefault("site", DEFAULT_DATADOG_SITE)
        return body

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
