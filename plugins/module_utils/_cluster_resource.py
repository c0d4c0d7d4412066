# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""The cluster resource of cockroach_cluster: options <-> API fields, checks, changes."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy
import re

from ansible_collections.cockroachdb.cloud.plugins.module_utils import _clusters
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resource import InvalidInput, Resource, subset_differs

NAME_RE = re.compile(r"^[a-z0-9][a-z0-9-]{4,18}[a-z0-9]$")
MAJOR_VERSION_RE = re.compile(r"^v?[0-9]+\.[0-9]+$")
PATCH_VERSION_RE = re.compile(r"^v?[0-9]+\.[0-9]+\.[0-9]+")
MIN_DEDICATED_NODES = 3
FOLDERS_PATH = "/api/v1/folders"


def normalize_version(version):
    """``24.2``, ``v24.2`` and ``v24.2.10`` -> the major version ``v24.2``."""
    if not version:
        return None
    version = version.strip()
    if not version.startswith("v"):
        version = "v" + version
    return ".".join(version.split(".")[:2])


def _on_off(value):
    return None if value is None else ("ENABLED" if value else "DISABLED")


def _clean(value):
    """Drop unset (None) entries from nested option dicts."""
    if isinstance(value, dict):
        return dict((k, _clean(v)) for k, v in value.items() if v is not None)
    return value


class ClusterResource(Resource):
    kind = "cluster"

    def __init__(self, ctx):
        super(ClusterResource, self).__init__(ctx)
        self._folder_id = None
        self._regions_checked = False

    # -- what the user asks for -----------------------------------------------------------------
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
        plan = self.local_plan()
        if plan:
            return plan
        return current["plan"] if current else "SERVERLESS"

    def folder_id(self):
        """The folder option as a folder id (``root`` for the root); resolved once."""
        folder = self.params.get("folder")
        if folder is None:
            return None
        if self._folder_id is None:
            if folder in ("/", "root"):
                self._folder_id = "root"
            elif folder.startswith("/"):
                path = "/" + folder.strip("/")
                matches = [f for f in self.client.paginate(FOLDERS_PATH, "folders", params={"path": path})
                           if f.get("path") == path]
                if not matches:
                    raise InvalidInput("folder %s does not exist; create it first (in the CockroachDB Cloud Console, "
                                       "or with the API: POST /api/v1/folders), or give the path or id of an "
                                       "existing folder (/ is the organization's root)" % path)
                self._folder_id = matches[0]["resource_id"]
            else:
                self._folder_id = folder
        return self._folder_id

    # -- checks ---------------------------------------------------------------------------------
    def check_input(self):
        params = self.params
        plan = self.local_plan()
        if params.get("id") is not None and not _clusters.looks_like_id(params["id"]):
            raise InvalidInput("id must be a cluster id (a UUID such as 5d56c004-1ae9-4f72-9fc8-ed1a0cda3957), got %r; "
                               "to name the cluster use the name option" % params["id"])
        if params.get("name") and not NAME_RE.match(params["name"]):
            raise InvalidInput("invalid cluster name %r: use 6 to 20 lowercase letters, digits and dashes, "
                               "not starting or ending with a dash" % params["name"])
        if params.get("plan") and params["plan"].upper() == "SERVERLESS" and params.get("dedicated") is not None:
            raise InvalidInput("plan is serverless but dedicated options are set; use serverless options")
        if params.get("plan") and params["plan"].upper() == "DEDICATED" and params.get("serverless") is not None:
            raise InvalidInput("plan is dedicated but serverless options are set; use dedicated options")
        if plan:
            self._validate_regions(plan)
        if params.get("cockroach_version") and plan == "SERVERLESS":
            raise InvalidInput("cockroach_version applies to dedicated clusters only; "
                               "serverless clusters are upgraded by CockroachDB Cloud")
        self._check_version(params.get("cockroach_version"))
        serverless = params.get("serverless") or {}
        if serverless.get("spend_limit") is not None and _clean(serverless.get("usage_limits") or {}):
            raise InvalidInput("serverless.spend_limit and serverless.usage_limits cannot be used together: the "
                               "service keeps one or the other (setting one clears the other); give only "
                               "usage_limits (spend_limit is the legacy form)")
        if params.get("labels"):
            for key, value in params["labels"].items():
                if not isinstance(value, str):
                    raise InvalidInput("label %r must have a string value, got %r" % (key, value))

    @staticmethod
    def _check_version(version):
        """A major version (``v24.3``, ``24.3``); patch releases are not the user's to pick."""
        if not version:
            return
        text = version.strip()
        if PATCH_VERSION_RE.match(text):
            raise InvalidInput("cockroach_version takes a major version such as %s, got %r: CockroachDB Cloud "
                               "rolls out patch releases itself" % (normalize_version(text), version))
        if not MAJOR_VERSION_RE.match(text):
            raise InvalidInput("cockroach_version must be a major version such as v24.3, got %r" % version)

    def validate(self, current):
        plan = self.wanted_plan(current)
        self._validate_regions(plan)
        if current is None:
            self._validate_create(plan)
        else:
            self._validate_immutable(current, plan)

    def _validate_regions(self, plan):
        regions = self.params.get("regions")
        if regions is None:
            return
        if not regions:
            raise InvalidInput("regions must name at least one region")
        names = [r["name"] for r in regions]
        if len(set(names)) != len(names):
            raise InvalidInput("regions must not repeat a region: %s" % ", ".join(names))
        if plan == "DEDICATED":
            for region in regions:
                if region.get("node_count") is None:
                    raise InvalidInput("region %s needs a node_count for a dedicated cluster" % region["name"])
                if region["node_count"] < MIN_DEDICATED_NODES:
                    raise InvalidInput("region %s has node_count %d; a dedicated cluster needs at least %d nodes "
                                       "per region" % (region["name"], region["node_count"], MIN_DEDICATED_NODES))
                if region.get("primary") is not None:
                    raise InvalidInput("primary applies to serverless regions only")
        else:
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

    def _validate_create(self, plan):
        params = self.params
        missing = [o for o in ("name", "cloud_provider", "regions") if not params.get(o)]
        if missing:
            raise InvalidInput("to create cluster %s, also give: %s"
                               % (params.get("name") or params.get("id"), ", ".join(missing)))
        if plan == "DEDICATED":
            dedicated = params.get("dedicated") or {}
            if dedicated.get("storage_gib") is None or not (dedicated.get("num_virtual_cpus") or dedicated.get("machine_type")):
                raise InvalidInput("to create a dedicated cluster, give dedicated.storage_gib and "
                                   "dedicated.num_virtual_cpus or dedicated.machine_type")
        self._check_regions_exist(params["cloud_provider"], plan == "SERVERLESS")

    def _check_regions_exist(self, provider, serverless):
        """One read of the available regions, so that a typo fails before anything changes."""
        if self._regions_checked or not self.params.get("regions"):
            return
        params = {"provider": provider}
        if serverless:
            params["serverless"] = "true"
        listing = self.client.paginate("/api/v1/clusters/available-regions", "regions", params=params)
        available = set(r["name"] for r in listing)
        unknown = [r["name"] for r in self.params["regions"] if r["name"] not in available]
        if unknown:
            raise InvalidInput("unknown region(s) for %s%s: %s; available: %s"
                               % (provider, " serverless clusters" if serverless else "", ", ".join(unknown),
                                  ", ".join(sorted(available))))
        self._regions_checked = True

    def _validate_immutable(self, current, plan):
        params = self.params
        if params.get("name") and params.get("id") and params["name"] != current["name"]:
            raise InvalidInput("cluster %s is named %r; a cluster cannot be renamed to %r"
                               % (current["id"], current["name"], params["name"]))
        if params.get("cloud_provider") and params["cloud_provider"] != current["cloud_provider"]:
            raise InvalidInput("cluster %s runs on %s; its cloud provider cannot change to %s"
                               % (current["name"], current["cloud_provider"], params["cloud_provider"]))
        if plan != current["plan"]:
            raise InvalidInput("cluster %s is %s; its plan cannot change to %s"
                               % (current["name"], current["plan"], plan))
        visibility = (params.get("dedicated") or {}).get("network_visibility")
        if visibility and visibility != (current.get("network_visibility") or "PUBLIC"):
            raise InvalidInput("cluster %s has network visibility %s; it is set when a cluster is created and "
                               "cannot change to %s (the API has no update for it)"
                               % (current["name"], current.get("network_visibility") or "PUBLIC", visibility))

    def validate_delete(self, current):
        if current.get("delete_protection") == "ENABLED" and self.params.get("delete_protection") is not False:
            raise InvalidInput("cluster %s has delete protection enabled; set delete_protection: false in this "
                               "task to turn it off and delete the cluster" % current["name"])

    # -- reading ---------------------------------------------------------------------------------
    def find(self):
        if self.params.get("id"):
            # An id names an existing cluster: unknown, it fails (present) or is absent already.
            try:
                return _clusters.require_cluster(self.client, self.params["id"])
            except _clusters.ClusterNotFound:
                if self.params.get("state") == "absent":
                    return None
                raise
        return _clusters.find_cluster(self.client, self.params["name"])

    def view(self, resource):
        cluster = resource
        config = cluster.get("config") or {}
        view = {
            "name": cluster.get("name"),
            "cloud_provider": cluster.get("cloud_provider"),
            "plan": cluster.get("plan"),
            "regions": [_clean({"name": r.get("name"),
                                "node_count": r.get("node_count") if cluster.get("plan") == "DEDICATED" else None,
                                "primary": r.get("primary") if cluster.get("plan") == "SERVERLESS" else None})
                        for r in cluster.get("regions") or []],
            "labels": cluster.get("labels") or {},
            "delete_protection": cluster.get("delete_protection") == "ENABLED",
            "folder": cluster.get("parent_id") or "root",
        }
        if cluster.get("plan") == "DEDICATED":
            hardware = config.get("dedicated") or {}
            view["dedicated"] = _clean(dict((k, hardware.get(k)) for k in
                                            ("num_virtual_cpus", "machine_type", "storage_gib", "disk_iops")))
            view["dedicated"]["network_visibility"] = cluster.get("network_visibility") or "PUBLIC"
            view["cockroach_version"] = cluster.get("cockroach_version")
        else:
            serverless = config.get("serverless") or {}
            view["serverless"] = _clean({"spend_limit": serverless.get("spend_limit"),
                                         "usage_limits": serverless.get("usage_limits") or {}})
        return view

    def ready(self, resource):
        # A cluster whose creation failed is not what "present" asks for: waiting reports it.
        return _clusters.is_ready(resource) and resource.get("state") not in _clusters.FAILED_STATES

    # -- comparing -------------------------------------------------------------------------------
    def changes(self, current):
        """{"body": PATCH body without the version, "version": major or absent}."""
        params = self.params
        body = {}
        if current["plan"] == "SERVERLESS":
            serverless = self._serverless_changes(current)
            if serverless:
                body["serverless"] = serverless
        else:
            dedicated = self._dedicated_changes(current)
            if dedicated:
                body["dedicated"] = dedicated
        if params.get("labels") is not None:
            labels = dict(params["labels"]) if params["purge_labels"] else dict(current.get("labels") or {}, **params["labels"])
            if labels != (current.get("labels") or {}):
                body["labels"] = labels
        wanted = _on_off(params.get("delete_protection"))
        if wanted and wanted != current.get("delete_protection"):
            body["delete_protection"] = wanted
        folder = self.folder_id()
        if folder is not None and folder != (current.get("parent_id") or "root"):
            body["parent_id"] = folder
        changes = {}
        if body:
            changes["body"] = body
        version = normalize_version(params.get("cockroach_version"))
        if version and version != normalize_version(current.get("cockroach_version")):
            changes["version"] = version
        return changes

    def _serverless_changes(self, current):
        params = self.params
        wanted = {}
        if params.get("regions") is not None:
            names = [r["name"] for r in params["regions"]]
            current_names = [r["name"] for r in current.get("regions") or []]
            primary = next((r["name"] for r in params["regions"] if r.get("primary")), None)
            current_primary = next((r["name"] for r in current.get("regions") or [] if r.get("primary")), None)
            if sorted(names) != sorted(current_names) or (primary and primary != current_primary):
                self._check_regions_exist(current["cloud_provider"], True)
                wanted["regions"] = names
                if primary:
                    wanted["primary_region"] = primary
        serverless = params.get("serverless") or {}
        config = (current.get("config") or {}).get("serverless") or {}
        if serverless.get("spend_limit") is not None and serverless["spend_limit"] != config.get("spend_limit"):
            wanted["spend_limit"] = serverless["spend_limit"]
        limits = _clean(serverless.get("usage_limits") or {})
        # The service keeps a spend limit or usage limits: asking for usage limits on a cluster
        # with a spend limit switches it over once (the service then drops the spend limit).
        if limits and (subset_differs(config.get("usage_limits") or {}, limits) or config.get("spend_limit")):
            wanted["usage_limits"] = dict(config.get("usage_limits") or {}, **limits)
        return wanted

    def _dedicated_changes(self, current):
        params = self.params
        wanted = {}
        if params.get("regions") is not None:
            nodes = dict((r["name"], r["node_count"]) for r in params["regions"])
            current_nodes = dict((r["name"], r.get("node_count")) for r in current.get("regions") or [])
            if nodes != current_nodes:
                if set(nodes) != set(current_nodes):
                    self._check_regions_exist(current["cloud_provider"], False)
                wanted["region_nodes"] = nodes
        dedicated = _clean(params.get("dedicated") or {})
        config = (current.get("config") or {}).get("dedicated") or {}
        hardware = {}
        if dedicated.get("num_virtual_cpus") is not None and dedicated["num_virtual_cpus"] != config.get("num_virtual_cpus"):
            hardware["machine_spec"] = {"num_virtual_cpus": dedicated["num_virtual_cpus"]}
        if dedicated.get("machine_type") is not None and dedicated["machine_type"] != config.get("machine_type"):
            hardware["machine_spec"] = {"machine_type": dedicated["machine_type"]}
        if dedicated.get("storage_gib") is not None and dedicated["storage_gib"] != config.get("storage_gib"):
            if dedicated["storage_gib"] < (config.get("storage_gib") or 0):
                raise InvalidInput("storage_gib of cluster %s cannot shrink from %d to %d"
                                   % (current["name"], config["storage_gib"], dedicated["storage_gib"]))
            hardware["storage_gib"] = dedicated["storage_gib"]
        if dedicated.get("disk_iops") is not None and dedicated["disk_iops"] != config.get("disk_iops"):
            hardware["disk_iops"] = dedicated["disk_iops"]
        if hardware:
            wanted["hardware"] = hardware
        return wanted

    # -- predicting (check mode) --------------------------------------------------------------------
    def predict_create(self):
        params = self.params
        plan = self.wanted_plan()
        cluster = {
            "name": params["name"], "cloud_provider": params["cloud_provider"], "plan": plan,
            "state": "CREATED", "operation_status": "UNSPECIFIED",
            "labels": dict(params.get("labels") or {}),
            "delete_protection": _on_off(params.get("delete_protection")) or "DISABLED",
            "parent_id": self.folder_id() or "root",
            "regions": [],
        }
        if plan == "SERVERLESS":
            serverless = _clean(params.get("serverless") or {})
            cluster["config"] = {"serverless": {"usage_limits": serverless.get("usage_limits") or {}}}
            if "spend_limit" in serverless:
                cluster["config"]["serverless"]["spend_limit"] = serverless["spend_limit"]
            regions = params["regions"]
            primary = next((r["name"] for r in regions if r.get("primary")), regions[0]["name"])
            cluster["regions"] = [{"name": r["name"], "node_count": 0, "primary": r["name"] == primary} for r in regions]
        else:
            dedicated = _clean(params.get("dedicated") or {})
            cluster["network_visibility"] = dedicated.pop("network_visibility", None) or "PUBLIC"
            cluster["config"] = {"dedicated": dedicated}
            cluster["regions"] = [{"name": r["name"], "node_count": r["node_count"]} for r in params["regions"]]
            if params.get("cockroach_version"):
                cluster["cockroach_version"] = normalize_version(params["cockroach_version"])
        return cluster

    def predict_update(self, current, changes):
        body = changes.get("body", {})
        for key in ("labels",):
            if key in body:
                current[key] = body[key]
        if "delete_protection" in body:
            current["delete_protection"] = body["delete_protection"]
        if "parent_id" in body:
            current["parent_id"] = body["parent_id"]
        config = current.setdefault("config", {})
        if "serverless" in body:
            serverless = config.setdefault("serverless", {})
            # As the service does: setting one of the two limits clears the other.
            if "spend_limit" in body["serverless"]:
                serverless["spend_limit"] = body["serverless"]["spend_limit"]
                serverless["usage_limits"] = {}
            if "usage_limits" in body["serverless"]:
                serverless["usage_limits"] = body["serverless"]["usage_limits"]
                serverless.pop("spend_limit", None)
            if "regions" in body["serverless"]:
                primary = body["serverless"].get("primary_region") or body["serverless"]["regions"][0]
                current["regions"] = [{"name": n, "node_count": 0, "primary": n == primary}
                                      for n in body["serverless"]["regions"]]
        if "dedicated" in body:
            dedicated = config.setdefault("dedicated", {})
            hardware = body["dedicated"].get("hardware", {})
            dedicated.update(hardware.get("machine_spec", {}))
            for key in ("storage_gib", "disk_iops"):
                if key in hardware:
                    dedicated[key] = hardware[key]
            if "region_nodes" in body["dedicated"]:
                current["regions"] = [{"name": n, "node_count": c} for n, c in body["dedicated"]["region_nodes"].items()]
        if "version" in changes:
            current["cockroach_version"] = changes["version"]
        return current

    # -- changing ---------------------------------------------------------------------------------
    def _create_body(self):
        params = self.params
        plan = self.wanted_plan()
        regions = [r["name"] for r in params["regions"]]
        if plan == "SERVERLESS":
            serverless = _clean(params.get("serverless") or {})
            spec = {"serverless": dict(serverless, regions=regions)}
            primary = next((r["name"] for r in params["regions"] if r.get("primary")), None)
            if primary:
                spec["serverless"]["primary_region"] = primary
        else:
            dedicated = _clean(params.get("dedicated") or {})
            machine = {"machine_type": dedicated["machine_type"]} if dedicated.get("machine_type") else \
                {"num_virtual_cpus": dedicated["num_virtual_cpus"]}
            hardware = {"machine_spec": machine, "storage_gib": dedicated["storage_gib"]}
            if dedicated.get("disk_iops") is not None:
                hardware["disk_iops"] = dedicated["disk_iops"]
            spec = {"dedicated": {"region_nodes": dict((r["name"], r["node_count"]) for r in params["regions"]),
                                  "hardware": hardware}}
            if dedicated.get("network_visibility"):
                spec["dedicated"]["network_visibility"] = dedicated["network_visibility"]
            if params.get("cockroach_version"):
                spec["dedicated"]["cockroach_version"] = normalize_version(params["cockroach_version"])
        if params.get("labels"):
            spec["labels"] = dict(params["labels"])
        if params.get("delete_protection") is not None:
            spec["delete_protection"] = _on_off(params["delete_protection"])
        body = {"name": params["name"], "provider": params["cloud_provider"], "spec": spec, "regions": regions}
        if self.folder_id() is not None:
            body["parent_id"] = self.folder_id()
        return body

    def create(self):
        body = self._create_body()
        return self.create_safely(lambda: self.client.post(_clusters.CLUSTERS_PATH, body),
                                  lambda: _clusters.find_cluster(self.client, body["name"]))

    def update(self, current, changes):
        timeout = self.params["wait_timeout"]
        cluster = current
        if not _clusters.is_ready(cluster):
            cluster = _clusters.wait_until_ready(self.client, cluster, timeout)
        path = _clusters.cluster_path(current["id"])
        if changes.get("body"):
            cluster = self.client.patch(path, changes["body"])
        if changes.get("version"):
            # The API takes a version change alone, on a cluster that is not busy.
            cluster = _clusters.wait_until_ready(self.client, cluster, timeout)
            cluster = self.client.patch(path, {"cockroach_version": changes["version"]})
        return cluster

    def delete(self, current):
        timeout = self.params["wait_timeout"]
        cluster = current
        if not _clusters.is_ready(cluster):
            cluster = _clusters.wait_until_ready(self.client, cluster, timeout)
        path = _clusters.cluster_path(current["id"])
        if cluster.get("delete_protection") == "ENABLED":
            self.client.patch(path, {"delete_protection": "DISABLED"})
        self.client.delete(path, idempotent=True)

    def wait_ready(self, resource):
        return _clusters.wait_until_ready(self.client, resource, self.params["wait_timeout"])

    def wait_gone(self, resource):
        _clusters.wait_until_deleted(self.client, resource, self.params["wait_timeout"])

    def public(self, resource):
        return copy.deepcopy(resource) if resource is not None else {}
