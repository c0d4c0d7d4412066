# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""The field tables of cockroach_cluster's description, one per plan (options <-> API paths),
with the fields that are special about clusters (regions as a set with node counts or a
primary, usage limits replacing a spend limit)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import InvalidInput, as_int, clean, set_path
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.fields import Field, Fields, Send
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources import _plans


def normalize_version(version):
    """``24.2``, ``v24.2`` and ``v24.2.10`` -> the major version ``v24.2``."""
    if not version:
        return None
    version = version.strip()
    if not version.startswith("v"):
        version = "v" + version
    return ".".join(version.split(".")[:2])


def on_off(value):
    return "ENABLED" if value else "DISABLED"


def _merged_labels(value, task):
    """The labels the cluster should have: the task's, plus the current ones unless purged."""
    labels = dict((str(k), v) for k, v in value.items())
    if task.params.get("purge_labels") or task.current_view is None:
        return labels
    return dict(task.current_view.get("labels") or {}, **labels)


def _folder_id(value, task):
    try:
        return task.folders.id_of(value)
    except LookupError as error:
        raise InvalidInput(str(error)) from None


class PlanField(Field):
    """``plan`` in either vocabulary: SERVERLESS matches a BASIC or STANDARD cluster, a tier
    matches itself (and the kind a contract server names). The contract takes no plan (the
    spec's serverless/dedicated says it); the live service takes the tier at create, and a
    change between BASIC and STANDARD as an update."""

    def __init__(self):
        super(PlanField, self).__init__("plan", create=False, update=False, normalize=lambda value, task: value.upper(),
                                        from_api=lambda value: value.upper(),
                                        live=dict(create="spec.plan", update="plan"))

    def differs(self, have, want):
        return not _plans.matches(have, want)

    def encode_create(self, body, value, wanted):
        set_path(body, self.create, _plans.tier_for(value, wanted.get("serverless.usage_limits")))

    def predict(self, resource, value):
        if value in _plans.TIERS or resource.get("plan") is None:
            resource["plan"] = value


def _limits(value):
    """Usage limits as numbers (the live service sends int64 values as strings)."""
    return clean(dict((key, as_int(item) if item is not None else None) for key, item in (value or {}).items()))


def _limits_as_strings(value):
    return dict((key, str(item)) for key, item in value.items() if item is not None)


class RegionsField(Field):
    """``regions``: the set of regions, with node counts (dedicated) or a primary (serverless).
    The contract's create also takes the region names at the top level; the live one does not."""

    def __init__(self, plan):
        super(RegionsField, self).__init__("regions", update="regions", live=dict(top_level=False))
        self.plan = plan
        self.top_level = True

    def read(self, resource):
        dedicated = self.plan == "DEDICATED"
        return [clean({"name": r.get("name"), "node_count": r.get("node_count") if dedicated else None,
                       "primary": None if dedicated else r.get("primary")})
                for r in resource.get("regions") or []]

    def normalize(self, value, task):
        return [clean(dict(region)) for region in value]

    @staticmethod
    def primary(regions):
        return next((r["name"] for r in regions if r.get("primary")), None)

    def differs(self, have, want):
        have = have or []
        if self.plan == "DEDICATED":
            return dict((r["name"], r.get("node_count")) for r in want) != \
                dict((r["name"], r.get("node_count")) for r in have)
        primary = self.primary(want)
        return sorted(r["name"] for r in want) != sorted(r["name"] for r in have) or \
            bool(primary and primary != self.primary(have))

    def encode_create(self, body, value, wanted):
        names = [r["name"] for r in value]
        if self.top_level:
            body["regions"] = names
        if self.plan == "DEDICATED":
            set_path(body, "spec.dedicated.region_nodes", dict((r["name"], r["node_count"]) for r in value))
        else:
            set_path(body, "spec.serverless.regions", names)
            if self.primary(value):
                set_path(body, "spec.serverless.primary_region", self.primary(value))

    def encode_update(self, body, value, current):
        if self.plan == "DEDICATED":
            set_path(body, "dedicated.region_nodes", dict((r["name"], r["node_count"]) for r in value))
        else:
            set_path(body, "serverless.regions", [r["name"] for r in value])
            if self.primary(value):
                set_path(body, "serverless.primary_region", self.primary(value))

    def predict(self, resource, value):
        if self.plan == "DEDICATED":
            resource["regions"] = [{"name": r["name"], "node_count": r["node_count"]} for r in value]
        else:
            primary = self.primary(value) or value[0]["name"]
            resource["regions"] = [{"name": r["name"], "node_count": 0, "primary": r["name"] == primary} for r in value]


class SpendLimitField(Field):
    """The service keeps a spend limit or usage limits: setting one clears the other."""

    def predict(self, resource, value):
        set_path(resource, "config.serverless.spend_limit", value)
        set_path(resource, "config.serverless.usage_limits", {})


class UsageLimitsField(Field):
    """Only the limits the task sets are managed; the update sends them merged into the rest.
    Read as numbers in both formats; the live service takes them as strings (int64)."""

    def encode_update(self, body, value, current):
        have = ((current.get("config") or {}).get("serverless") or {}).get("usage_limits") or {}
        set_path(body, self.update, self.to_api(dict(_limits(have), **value)))

    def predict(self, resource, value):
        serverless = resource.setdefault("config", {}).setdefault("serverless", {})
        serverless["usage_limits"] = dict(serverless.get("usage_limits") or {}, **value)
        serverless.pop("spend_limit", None)


COMMON = Fields(
    Field("name", update=False, immutable="cluster {have} cannot be renamed to {want}"),
    Field("cloud_provider", create="provider", update=False,
          immutable="cluster {name} runs on {have}; its cloud provider cannot change to {want}"),
    PlanField(),
    Field("labels", create="spec.labels", update="labels", default={}, normalize=_merged_labels),
    Field("delete_protection", create="spec.delete_protection", update="delete_protection", to_api=on_off,
          from_api=lambda v: v == "ENABLED", default=False),
    Field("folder", api="parent_id", create="parent_id", default="root", normalize=_folder_id,
          live=dict(create="spec.parent_id")),
)
SERVERLESS = COMMON + Fields(
    RegionsField("SERVERLESS"),
    SpendLimitField("serverless.spend_limit", api="config.serverless.spend_limit",
                    create="spec.serverless.spend_limit", update="serverless.spend_limit"),
    UsageLimitsField("serverless.usage_limits", api="config.serverless.usage_limits",
                     create="spec.serverless.usage_limits", update="serverless.usage_limits", compare="subset",
                     default={}, normalize=lambda value, task: clean(value), from_api=_limits,
                     live=dict(to_api=_limits_as_strings)),
)
HARDWARE = "spec.dedicated.hardware"
DEDICATED = COMMON + Fields(
    RegionsField("DEDICATED"),
    Field("dedicated.num_virtual_cpus", api="config.dedicated.num_virtual_cpus",
          create=HARDWARE + ".machine_spec.num_virtual_cpus", update="dedicated.hardware.machine_spec.num_virtual_cpus"),
    Field("dedicated.machine_type", api="config.dedicated.machine_type",
          create=HARDWARE + ".machine_spec.machine_type", update="dedicated.hardware.machine_spec.machine_type"),
    Field("dedicated.storage_gib", api="config.dedicated.storage_gib", create=HARDWARE + ".storage_gib",
          update="dedicated.hardware.storage_gib"),
    Field("dedicated.disk_iops", api="config.dedicated.disk_iops", create=HARDWARE + ".disk_iops",
          update="dedicated.hardware.disk_iops"),
    Field("dedicated.network_visibility", api="network_visibility", create="spec.dedicated.network_visibility",
          update=False, default="PUBLIC",
          immutable="cluster {name} has network visibility {have}; it is set when a cluster is created and "
                    "cannot change to {want} (the API has no update for it)"),
    Field("cockroach_version", create="spec.dedicated.cockroach_version", normalize=lambda v, task: normalize_version(v),
          from_api=normalize_version, update=Send("PATCH", body="cockroach_version", alone=True)),
)
