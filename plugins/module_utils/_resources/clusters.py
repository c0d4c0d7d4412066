# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""The cluster of cockroach_cluster, described for the kit: the field tables of
``_cluster_fields``, and hooks for what is special about clusters (the plan decided by the
options, the version change sent alone, delete protection turned off before a delete); and
what cockroach_cluster_info reads (clusters by name, id or filters, with their nodes,
connection strings and details)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy
import re

from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import (
    InvalidInput,
    OnlyWith,
    check_only_with,
    clean,
    get_path,
)
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.collection import Collection
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.scopes import check_wait_timeout
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources import _cluster_lookup, _folder_paths, _plans
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources._cluster_fields import (
    DEDICATED,
    SERVERLESS,
    normalize_version,
)
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources._folder_paths import Folders
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.backups import BackupConfig
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.maintenance import (
    MaintenanceWindow,
    VersionDeferral,
)
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.regions import available_regions

NAME_RE = re.compile(r"^[a-z0-9][a-z0-9-]{4,18}[a-z0-9]$")
MAJOR_VERSION_RE = re.compile(r"^v?[0-9]+\.[0-9]+$")
PATCH_VERSION_RE = re.compile(r"^v?[0-9]+\.[0-9]+\.[0-9]+")
MIN_DEDICATED_NODES = 3
#: Numeric options and their lowest value (the service refuses less).
LOWEST = (("dedicated.num_virtual_cpus", 1), ("dedicated.storage_gib", 1), ("dedicated.disk_iops", 0),
          ("serverless.spend_limit", 0), ("serverless.usage_limits.request_unit_limit", 0),
          ("serverless.usage_limits.storage_mib_limit", 0), ("serverless.usage_limits.provisioned_virtual_cpus", 0))


class Clusters(Collection):
    """``/api/v1/clusters``: a cluster by name (one listing) or by id (one GET)."""

    kind = "cluster"
    path = "clusters"
    items = "clusters"
    id_option = "id"
    item_key = "id"
    ready_waiter = _cluster_lookup.READY
    gone_waiter = _cluster_lookup.DELETED
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
        """The kind of plan (SERVERLESS or DEDICATED) the options imply on their own, or None
        when only the cluster can tell."""
        params = self.params
        if params.get("plan"):
            return _plans.kind(params["plan"])
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
        return self.local_plan() or (_plans.kind(current["plan"]) if current else "SERVERLESS")

    def wanted_tier(self):
        """The plan a create names on the live service (BASIC, STANDARD or ADVANCED)."""
        limits = (self.params.get("serverless") or {}).get("usage_limits")
        return _plans.tier_for(self.params.get("plan") or self.wanted_plan(), limits)

    def table(self, resource=None):
        plan = _plans.kind(resource.get("plan")) if resource else self.wanted_plan()
        return (DEDICATED if plan == "DEDICATED" else SERVERLESS).for_client(self.client)

    def gone(self, item):
        return item.get("state") == "DELETED"

    def lookup(self):
        if self.params.get("id"):
            # An id names an existing cluster: unknown, it fails (present) or is absent already.
            try:
                return _cluster_lookup.require_cluster(self.client, self.params["id"])
            except _cluster_lookup.ClusterNotFound:
                if self.params.get("state") == "absent":
                    return None
                raise
        return _cluster_lookup.find_cluster(self.client, self.params["name"])

    # -- checks ----------------------------------------------------------------------------------
    def check_input(self):
        params = self.params
        check_only_with(self.only_with, params, self.ctx.warn)
        try:
            _plans.normalize(params.get("plan"))
        except ValueError as problem:
            raise InvalidInput(str(problem)) from None
        plan = self.local_plan()
        if params.get("id") is not None and not _cluster_lookup.looks_like_id(params["id"]):
            raise InvalidInput("id must be a cluster id (a UUID such as 5d56c004-1ae9-4f72-9fc8-ed1a0cda3957), got %r; "
                               "to name the cluster use the name option" % params["id"])
        if params.get("name") is not None and not NAME_RE.match(params["name"]):
            raise InvalidInput("invalid cluster name %r: use 6 to 20 lowercase letters, digits and dashes, "
                               "not starting or ending with a dash" % params["name"])
        given = _plans.kind(params.get("plan")) or ""
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
        if str(folder).startswith("/") and _folder_paths.normalize_path(folder) != "/":
            try:
                _folder_paths.check_path(folder, "folder")
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
        available = set(r["name"] for r in available_regions(self.client, provider, serverless))
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
        elif plan != _plans.kind(current["plan"]):
            raise InvalidInput("cluster %s is %s; its plan cannot change to %s"
                               % (current["name"], current["plan"], (self.params.get("plan") or plan).upper()))
        self.check_wire()

    def check_wire(self):
        """What the live service has no field for, refused before any change."""
        if self.wire == "live" and (self.params.get("serverless") or {}).get("spend_limit") is not None:
            raise InvalidInput("serverless.spend_limit is not taken by the live CockroachDB Cloud API: give "
                               "serverless.usage_limits (request_unit_limit, storage_mib_limit or "
                               "provisioned_virtual_cpus) instead")

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
                self.check_regions_exist(current["cloud_provider"], _plans.is_serverless(current))
        return changes

    def predict_create(self):
        params = self.params
        plan = self.wanted_tier() if self.wire == "live" else self.wanted_plan()
        cluster = {"name": params["name"], "cloud_provider": params["cloud_provider"], "plan": plan,
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
        if self.wire == "live":  # the live service names the tier
            body["spec"].setdefault("plan", self.wanted_tier())
        return self.client.change("POST", _cluster_lookup.CLUSTERS_PATH,
                                  lambda: _cluster_lookup.find_cluster(self.client, body["name"]), body=body)

    def wait_if_busy(self, cluster):
        """The API refuses changes to a CREATING or LOCKED cluster: wait for it first."""
        if _cluster_lookup.READY.busy(cluster):
            return _cluster_lookup.wait_until_ready(self.client, cluster, self.wait_timeout)
        return cluster

    def update(self, current, changes):
        return super(Clusters, self).update(self.wait_if_busy(current), changes)

    def delete(self, current):
        _cluster_lookup.forget(self.client, current["name"])
        cluster = self.wait_if_busy(current)
        if cluster.get("delete_protection") == "ENABLED":
            def unprotected():
                fresh = self.reread(cluster)
                return fresh if fresh is not None and fresh.get("delete_protection") != "ENABLED" else None
            self.client.change("PATCH", self.item_path(cluster), unprotected, body={"delete_protection": "DISABLED"})
        super(Clusters, self).delete(cluster)

    def public(self, resource):
        return copy.deepcopy(resource) if resource is not None else {}


#: The settings ``details`` adds, by name: the description whose object one GET reads (404: none, {}).
DETAILS = {"backup_config": BackupConfig, "maintenance_window": MaintenanceWindow, "version_deferral": VersionDeferral}


#: Options used only in some cases (checked before any request).
INFO_RULES = (OnlyWith(_cluster_lookup.CONNECTION_OPTIONS, "include_connection_string", True,
                       hint="set include_connection_string=true for the connection string, or leave {it} out"),)


def filters_from(params):
    """The filters the task asks for, normalised: {field: wanted} (absent = any)."""
    filters = {}
    for field in ("plan", "cloud_provider"):
        if params.get(field):
            filters[field] = params[field].strip().upper()
    if params.get("state"):
        filters["state"] = params["state"].strip().upper()
    if params.get("labels"):
        filters["labels"] = dict((str(k), _cluster_lookup.label_value(v)) for k, v in params["labels"].items())
    return filters


def matches(cluster, filters):
    """Whether a cluster (API object) passes every filter of ``filters_from``."""
    if filters.get("plan") and not _plans.matches(cluster.get("plan"), filters["plan"]):
        return False
    for field in ("cloud_provider", "state"):
        wanted = filters.get(field)
        if wanted is not None and (cluster.get(field) or "").upper() != wanted:
            return False
    return _cluster_lookup.labels_match(cluster.get("labels"), filters.get("labels"))


def check_input(params):
    """Reject what can be judged without a request (before any is sent)."""
    if params.get("id") is not None and not _cluster_lookup.looks_like_id(params["id"]):
        raise InvalidInput("id must be a cluster id (a UUID such as 5d56c004-1ae9-4f72-9fc8-ed1a0cda3957), "
                           "got %r; to look a cluster up by its name use the name option" % params["id"])
    if params.get("name") is not None and not params["name"].strip():
        raise InvalidInput("name must not be empty")
    try:
        _plans.normalize(params.get("plan"))
    except ValueError as problem:
        raise InvalidInput(str(problem)) from None
    if params.get("state") is not None and not params["state"].strip():
        raise InvalidInput("state must not be empty: leave it out to show the clusters in any state")
    check_only_with(INFO_RULES, params)
    for option in ("database", "sql_user"):
        if params.get(option) is not None and not params[option].strip():
            raise InvalidInput("%s must not be empty: leave it out for the connection string's default" % option)


def add_details(client, cluster, params):
    """A copy of ``cluster`` with the nodes and connection string the task asked for."""
    item = dict(cluster)
    deleted = cluster.get("state") == "DELETED"
    path = _cluster_lookup.cluster_path(cluster["id"])
    if params.get("include_nodes"):
        item["nodes"] = [] if deleted or _plans.is_serverless(cluster) else _cluster_lookup.or_gone(
            lambda: client.list_all(path + "/nodes", "nodes"), [])
    if params.get("include_connection_string") and not deleted:
        query = _cluster_lookup.connection_query(params)
        value = _cluster_lookup.or_gone(lambda: _cluster_lookup.get_connection_string(client, cluster["id"], query), None)
        if value is not None:
            item["connection_string"] = value
    for detail in sorted(set(params.get("details") or [])):
        detail_path = "%s/%s" % (path, DETAILS[detail].path)
        item[detail] = {} if deleted else _cluster_lookup.or_gone(lambda p=detail_path: client.get(p), {})
    return item


def cluster_info(ctx):
    """The module's result for the task's options."""
    params = ctx.params
    check_input(params)
    filters = filters_from(params)
    show_inactive = bool(params.get("show_inactive")) or filters.get("state") == "DELETED"
    selected = [c for c in _cluster_lookup.select_clusters(ctx.client, params.get("id") or params.get("name"), show_inactive)
                if matches(c, filters)]
    return {"changed": False, "clusters": [add_details(ctx.client, c, params) for c in selected]}
