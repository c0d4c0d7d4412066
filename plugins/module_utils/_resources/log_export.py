# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""What a dedicated cluster sends out: its log export (a Singleton of the kit)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import (
    InvalidInput,
    OnlyWith,
    clean,
    refuse_blank,
)
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.fields import Field, Fields
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.singleton import Singleton
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.waiters import Waiter
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources._aws_patterns import (
    AWS_REGION_RE,
    ROLE_ARN_RE,
)
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources._cluster_lookup import dedicated_cluster

LOG_CHANNELS = ("DEV", "OPS", "HEALTH", "STORAGE", "SESSIONS", "SQL_SCHEMA", "USER_ADMIN", "PRIVILEGES",
                "SENSITIVE_ACCESS", "SQL_EXEC", "SQL_PERF", "SQL_INTERNAL_PERF", "TELEMETRY", "KV_DISTRIBUTION")
LOG_TYPES = {"AWS": "AWS_CLOUDWATCH", "GCP": "GCP_CLOUD_LOGGING"}
GCP_PROJECT_RE = re.compile(r"^[a-z][a-z0-9-]{4,28}[a-z0-9]$")

DEFAULT_LOG_NAME = "cockroachdb"  # the service's, sent at creation where the live service needs a name
# A group's lowest level: INFO (the option's word) is the live service's UNSPECIFIED (every log).
LIVE_LEVELS = {"INFO": "UNSPECIFIED"}
SAME_LEVELS = {"UNSPECIFIED": "INFO"}
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
    groups = [{"log_name": g["log_name"], "channels": sorted(g["channels"]), "min_level": _level(g.get("min_level")),
               "redact": redact if g.get("redact") is None else g["redact"]} for g in value]
    return sorted(groups, key=lambda g: g["log_name"])


def _level(level):
    """A group's lowest level in the options' words: INFO for UNSPECIFIED (the live service's,
    which also leaves it out) and for none."""
    return SAME_LEVELS.get(level, level) or "INFO"


def _api_groups(value):
    """The groups of either format (UNSPECIFIED or no level is INFO; no redact is false)."""
    return sorted(({"log_name": g.get("log_name"), "channels": sorted(g.get("channels") or []),
                    "min_level": _level(g.get("min_level")), "redact": bool(g.get("redact"))} for g in value),
                  key=lambda g: g["log_name"] or "")


def _live_groups(value):
    """The groups as the live service takes them: INFO is its UNSPECIFIED."""
    return [dict(g, min_level=LIVE_LEVELS.get(g.get("min_level"), g.get("min_level"))) for g in value]


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
        # The live service may leave out what is false or empty: read as such.
        Field("redact", api="spec.redact", create="redact", default=False),
        Field("omitted_channels", api="spec.omitted_channels", create="omitted_channels",
              normalize=lambda value, task: sorted(value), from_api=sorted, default=[]),
        Field("groups", api="spec.groups", create="groups", normalize=_groups, from_api=_api_groups, default=[],
              live=dict(to_api=_live_groups)),
        # No option: the live service's external id of the AWS role, set elsewhere, is sent again
        # as it is with a change (the request replaces the whole configuration).
        Field("aws_external_id", api="spec.aws_external_id"),
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

    def create_body(self):
        """The live service needs a ``log_name``: without the option, the service's default."""
        body = super(LogExport, self).create_body()
        if self.wire == "live":
            body.setdefault("log_name", DEFAULT_LOG_NAME)
        return body

    def predict_create(self):
        predicted = super(LogExport, self).predict_create()
        spec = predicted.setdefault("spec", {})
        spec.setdefault("log_name", DEFAULT_LOG_NAME)
        spec.setdefault("redact", False)
        spec.setdefault("omitted_channels", [])
        spec.setdefault("groups", [])
        predicted.update(status="ENABLED", cluster_id=None if self.scope.missing else self.scope.cluster_id)
        return clean(predicted)
