# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""The cluster of cockroach_cluster, described for the kit: one field table per plan
(options <-> API paths), and hooks for what is special about clusters (the plan decided by
the options, regions as a set with node counts or a primary, the version change sent alone,
usage limits replacing a spend limit, delete protection turned off before a delete)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy
import re

from ansible_collections.cockroachdb.cloud.plugins.module_utils import _clusters, _folders
from ansible_collections.cockroachdb.cloud.plugins.module_utils._folders import Folders
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import (
    InvalidInput,
    OnlyWith,
    check_only_with,
    clean,
    get_path,
    set_path,
)
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.collection import Collection
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.fields import Field, Fields, Send
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.scopes import check_wait_timeout

NAME_RE = re.compile(r"^[a-z0-9][a-z0-9-]{4,18}[a-z0-9]$")
MAJOR_VERSION_RE = re.compile(r"^v?[0-9]+\.[0-9]+$")
PATCH_VERSION_RE = re.compile(r"^v?[0-9]+\.[0-9]+\.[0-9]+")
MIN_DEDICATED_NODES = 3
#: Numeric options and their lowest value (the service refuses less).
LOWEST = (("dedicated.num_virtual_cpus", 1), ("dedicated.storage_gib", 1), ("dedicated.disk_iops", 0),
          ("serverless.spend_limit", 0), ("serverless.usage_limits.request_unit_limit", 0),
          ("serverless.usage_limits.storage_mib_limit", 0), ("serverless.usage_limits.provisioned_virtual_cpus", 0))


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


class RegionsField(Field):
    """``regions``: the set of regions, with node counts (dedicated) or a primary (serverless)."""

    def __init__(self, plan):
        super(RegionsField, self).__init__("regions", update="regions")
        self.plan = plan

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
    """Only the limits the task sets are managed; the update sends them merged into the rest."""

    def encode_update(self, body, value, current):
        have = ((current.get("config") or {}).get("serverless") or {}).get("usage_limits") or {}
        set_path(body, self.update, dict(have, **value))

    def predict(self, resource, value):
        serverless = resource.setdefault("config", {}).setdefault("serverless", {})
        serverless["usage_limits"] = dict(serverless.get("usage_limits") or {}, **value)
        serverless.pop("spend_limit", None)


COMMON = Fields(
    Field("name", update=False, immutable="cluster {have} cannot be renamed to {want}"),
    Field("cloud_provider", create="provider", update=False,
          immutable="cluster {name} runs on {have}; its cloud provider cannot change to {want}"),
    Field("plan", create=False, update=False, normalize=lambda value, task: value.upper()),
    Field("labels", create="spec.labels", update="labels", default={}, normalize=_merged_labels),
    Field("delete_protection", create="spec.delete_protection", update="delete_protection", to_api=on_off,
          from_api=lambda v: v == "ENABLED", default=False),
    Field("folder", api="parent_id", create="parent_id", default="root", normalize=_folder_id),
)
SERVERLESS = COMMON + Fields(
    RegionsField("SERVERLESS"),
    SpendLimitField("serverless.spend_limit", api="config.serverless.spend_limit",
                    create="spec.serverless.spend_limit", update="serverless.spend_limit"),
    UsageLimitsField("serverless.usage_limits", api="config.serverless.usage_limits",
                     create="spec.serverless.usage_limits", update="serverless.usage_limits", compare="subset",
                     default={}, normalize=lambda value, task: clean(value)),
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


class Clusters(Collection):
    """``/api/v1/clusters``: a cluster by name (one listing) or by id (one GET)."""

    kind = "cluster"
    path = "clusters"
    items = "clusters"
    id_option = "id"
    item_key = "id"
    ready_waiter = _clusters.READY
    gone_waiter = _clusters.DELETED
    only_with = (
        OnlyWith("delete_protection", "state", "present", unset=False,
                 hint="a delete takes only delete_protection=false, which turns the protection off first"),
        # Said, not refused: the roles pass a cluster's settings whatever their state.
        OnlyWith(("cloud_provider", "plan", "regions", "serverless", "dedicated", "cockroach_version", "labels",
                  "folder"), "state", "present", warn=True, hint="a delete takes no settings"),
        OnlyWith("purge_labels", "state", "present", unset=False, warn=True, hint="a delete takes no settings"),
    )

    def __init__(self, ctx):
        super(Clusters, self).__init__(ctx)
        self.folders = Folders(ctx.client)
        self._regions_checked = False

    # -- what the task asks for ----------------------------------------------------------------
    def local_plan(self):
        """The plan the options imply on their own, or None when only the cluster can tell."""
        params = self.params
        if params.get("plan"):
            return params["plan"].upper()
        if params.get("dedicated") is not None or params.get("cockroach_version"):
            return "DEDICATED"
        if params.get("serverless") is not None:
            return "SERVERLESS"
        regions = params.get("regions") or []
        if any(r.get("node_count") is not None for r in regions):
            return "DEDICATED"
        if any(r.get("primary") is not None for r in regions):
            return "SERVERLESS"
        return None

    def wanted_plan(self, current=None):
        return self.local_plan() or (current["plan"] if current else "SERVERLESS")

    def table(self, resource=None):
        plan = resource.get("plan") if resource else self.wanted_plan()
        return DEDICATED if plan == "DEDICATED" else SERVERLESS

    def gone(self, item):
        return item.get("state") == "DELETED"

    def lookup(self):
        if self.params.get("id"):
            # An id names an existing cluster: unknown, it fails (present) or is absent already.
            try:
                return _clusters.require_cluster(self.client, self.params["id"])
            except _clusters.ClusterNotFound:
                if self.params.get("state") == "absent":
                    return None
                raise
        return _clusters.find_cluster(self.client, self.params["name"])

    # -- checks ----------------------------------------------------------------------------------
    def check_input(self):
        params = self.params
        check_only_with(self.only_with, params, self.ctx.warn)
        plan = self.local_plan()
        if params.get("id") is not None and not _clusters.looks_like_id(params["id"]):
            raise InvalidInput("id must be a cluster id (a UUID such as 5d56c004-1ae9-4f72-9fc8-ed1a0cda3957), got %r; "
                               "to name the cluster use the name option" % params["id"])
        if params.get("name") is not None and not NAME_RE.match(params["name"]):
            raise InvalidInput("invalid cluster name %r: use 6 to 20 lowercase letters, digits and dashes, "
                               "not starting or ending with a dash" % params["name"])
        given = (params.get("plan") or "").upper()
        for plan_name, other in (("SERVERLESS", "dedicated"), ("DEDICATED", "serverless")):
            if given == plan_name and params.get(other) is not None:
                raise InvalidInput("plan is %s but %s options are set; use %s options"
                                   % (plan_name.lower(), other, "serverless" if other == "dedicated" else "dedicated"))
        check_wait_timeout(params)
        self.check_region_list()
        if plan:
            self.check_regions(plan)
        for option, lowest in LOWEST:
            value = get_path(params, option)
            if value is not None and value < lowest:
                raise InvalidInput("%s must be %s, got %d" % (option, "at least 1" if lowest else "0 or more", value))
        machine_type = (params.get("dedicated") or {}).get("machine_type")
        if machine_type is not None and not machine_type.strip():
            raise InvalidInput("dedicated.machine_type must not be empty: give a machine type, or num_virtual_cpus")
        self.check_folder(params.get("folder"))
        if params.get("cockroach_version") and plan == "SERVERLESS":
            raise InvalidInput("cockroach_version applies to dedicated clusters only; "
                               "serverless clusters are upgraded by CockroachDB Cloud")
        self.check_version(params.get("cockroach_version"))
        serverless = params.get("serverless") or {}
        if serverless.get("spend_limit") is not None and clean(serverless.get("usage_limits") or {}):
            raise InvalidInput("serverless.spend_limit and serverless.usage_limits cannot be used together: the "
                               "service keeps one or the other (setting one clears the other); give only "
                               "usage_limits (spend_limit is the legacy form)")
        for key, value in (params.get("labels") or {}).items():
            if not str(key).strip():
                raise InvalidInput("label keys must not be empty")
            if not isinstance(value, str):
                raise InvalidInput("label %r must have a string value, got %r" % (key, value))

    @staticmethod
    def check_version(version):
        """A major version (``v24.3``, ``24.3``); patch releases are not the user's to pick."""
        if not version:
            return
        text = version.strip()
        if PATCH_VERSION_RE.match(text):
            raise InvalidInput("cockroach_version takes a major version such as %s, got %r: CockroachDB Cloud "
                               "rolls out patch releases itself" % (normalize_version(text), version))
        if not MAJOR_VERSION_RE.match(text):
            raise InvalidInput("cockroach_version must be a major version such as v24.3, got %r" % version)

    @staticmethod
    def check_folder(folder):
        """A folder path that no folder can have, or an empty one, is refused before any request."""
        if folder is None:
            return
        if not str(folder).strip():
            raise InvalidInput("folder must not be empty: give a folder path (/ for the organization's root) or a "
                               "folder id")
        if str(folder).startswith("/") and _folders.normalize_path(folder) != "/":
            try:
                _folders.check_path(folder, "folder")
            except ValueError as problem:
                raise InvalidInput(str(problem)) from None

    def check_region_list(self):
        """What is wrong with the regions whatever the plan: none, a name empty or repeated."""
        regions = self.params.get("regions")
        if regions is None:
            return
        if not regions:
            raise InvalidInput("regions must name at least one region")
        for index, region in enumerate(regions):
            if not (region.get("name") or "").strip():
                raise InvalidInput("regions[%d].name must not be empty: give a region such as us-east-1" % index)
        names = [r["name"] for r in regions]
        if len(set(names)) != len(names):
            raise InvalidInput("regions must not repeat a region: %s" % ", ".join(names))

    def check_regions(self, plan):
        regions = self.params.get("regions")
        if regions is None:
            return
        self.check_region_list()
        if plan == "DEDICATED":
            for region in regions:
                if region.get("node_count") is None:
                    raise InvalidInput("region %s needs a node_count for a dedicated cluster" % region["name"])
                if region["node_count"] < MIN_DEDICATED_NODES:
                    raise InvalidInput("region %s has node_count %d; a dedicated cluster needs at least %d nodes "
                                       "per region" % (region["name"], region["node_count"], MIN_DEDICATED_NODES))
                if region.get("primary") is not None:
                    raise InvalidInput("primary applies to serverless regions only")
            return
        if any(r.get("node_count") is not None for r in regions):
            raise InvalidInput("node_count applies to dedicated clusters only")
        primaries = [r["name"] for r in regions if r.get("primary")]
        if len(primaries) > 1:
            raise InvalidInput("only one region can be primary, got %s" % ", ".join(primaries))
        if len(regions) > 1 and not primaries:
            raise InvalidInput("a multi-region serverless cluster needs one region with primary: true")
        if len(regions) == 1 and regions[0].get("primary") is False:
            raise InvalidInput("region %s is the only region, so it is the primary region; remove primary: false"
                               % regions[0]["name"])

    def check_regions_exist(self, provider, serverless):
        """One read of the available regions, so that a typo fails before anything changes."""
        if self._regions_checked or not self.params.get("regions"):
            return
        available = set(r["name"] for r in _clusters.available_regions(self.client, provider, serverless))
        unknown = [r["name"] for r in self.params["regions"] if r["name"] not in available]
        if unknown:
            raise InvalidInput("unknown region(s) for %s%s: %s; available: %s"
                               % (provider, " serverless clusters" if serverless else "", ", ".join(unknown),
                                  ", ".join(sorted(available))))
        self._regions_checked = True

    def validate(self, current):
        plan = self.wanted_plan(current)
        self.check_regions(plan)
        if current is None:
            params = self.params
            missing = [o for o in ("name", "cloud_provider", "regions") if not params.get(o)]
            if missing:
                raise InvalidInput("to create cluster %s, also give: %s" % (params.get("name"), ", ".join(missing)))
            dedicated = params.get("dedicated") or {}
            if plan == "DEDICATED" and (dedicated.get("storage_gib") is None or
                                        not (dedicated.get("num_virtual_cpus") or dedicated.get("machine_type"))):
                raise InvalidInput("to create a dedicated cluster, give dedicated.storage_gib and "
                                   "dedicated.num_virtual_cpus or dedicated.machine_type")
            self.check_regions_exist(params["cloud_provider"], plan == "SERVERLESS")
        elif plan != current["plan"]:
            raise InvalidInput("cluster %s is %s; its plan cannot change to %s" % (current["name"], current["plan"], plan))

    def validate_delete(self, current):
        if self.params.get("id") and self.params.get("name") and self.params["name"] != current["name"]:
            raise InvalidInput("cluster %s is named %r, not %r: nothing was deleted"
                               % (current["id"], current["name"], self.params["name"]))
        if current.get("delete_protection") == "ENABLED" and self.params.get("delete_protection") is not False:
            raise InvalidInput("cluster %s has delete protection enabled; set delete_protection: false in this "
                               "task to turn it off and delete the cluster" % current["name"])

    # -- comparing -------------------------------------------------------------------------------
    def changes(self, current):
        changes = super(Clusters, self).changes(current)
        config = (current.get("config") or {}).get("serverless") or {}
        wanted = self.wanted(current)
        # Usage limits on a cluster with a spend limit: switch it over, once.
        if wanted.get("serverless.usage_limits") and config.get("spend_limit"):
            changes.setdefault("serverless.usage_limits", wanted["serverless.usage_limits"])
        storage = changes.get("dedicated.storage_gib")
        have = ((current.get("config") or {}).get("dedicated") or {}).get("storage_gib") or 0
        if storage is not None and storage < have:
            raise InvalidInput("storage_gib of cluster %s cannot shrink from %d to %d" % (current["name"], have, storage))
        if "regions" in changes:
            known = set(r["name"] for r in current.get("regions") or [])
            if set(r["name"] for r in changes["regions"]) != known:
                self.check_regions_exist(current["cloud_provider"], current["plan"] == "SERVERLESS")
        return changes

    def predict_create(self):
        params = self.params
        cluster = {"name": params["name"], "cloud_provider": params["cloud_provider"], "plan": self.wanted_plan(),
                   "state": "CREATED", "operation_status": "UNSPECIFIED", "regions": []}
        table = self.table()
        values = table.defaults()
        values.update(self.wanted())
        values.pop("plan", None)
        return table.predict(cluster, values)

    # -- changing --------------------------------------------------------------------------------
    def create(self):
        body = self.create_body()
        # The spec names the plan even when no option of that plan is set.
        body.setdefault("spec", {}).setdefault(self.wanted_plan().lower(), {})
        return self.client.change("POST", _clusters.CLUSTERS_PATH,
                                  lambda: _clusters.find_cluster(self.client, body["name"]), body=body)

    def wait_if_busy(self, cluster):
        """The API refuses changes to a CREATING or LOCKED cluster: wait for it first."""
        if _clusters.READY.busy(cluster):
            return _clusters.wait_until_ready(self.client, cluster, self.wait_timeout)
        return cluster

    def update(self, current, changes):
        return super(Clusters, self).update(self.wait_if_busy(current), changes)

    def delete(self, current):
        _clusters.forget(self.client, current["name"])
        cluster = self.wait_if_busy(current)
        if cluster.get("delete_protection") == "ENABLED":
            def unprotected():
                fresh = self.reread(cluster)
                return fresh if fresh is not None and fresh.get("delete_protection") != "ENABLED" else None
            self.client.change("PATCH", self.item_path(cluster), unprotected, body={"delete_protection": "DISABLED"})
        super(Clusters, self).delete(cluster)

    def public(self, resource):
        return copy.deepcopy(resource) if resource is not None else {}
