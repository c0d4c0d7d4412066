# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
name: clusters
short_description: CockroachDB Cloud clusters as inventory hosts
version_added: 0.1.0
author:
  - CockroachDB Cloud collection maintainers (@cockroachdb)
description:
  - Makes one host for each CockroachDB Cloud cluster that the API key can read, with the
    cluster's plan, cloud provider, state, version, regions, node counts, SQL host name,
    labels and folder as host variables.
  - Puts the hosts in groups by plan, cloud provider, region, state and folder, and in the
    groups that O(compose), O(groups) and O(keyed_groups) describe.
  - The hosts are API objects, not machines. They get C(ansible_connection=local) (see
    O(connection)), so a play that targets them runs its tasks on the controller, where the
    collection's modules manage the cluster named by the host's variables.
  - Uses a YAML configuration file whose name ends with C(cockroach.yml) or C(cockroach.yaml).
  - Costs one listing of the clusters (pages of 500). When a cluster is in a folder or
    O(folder) is set, one listing of the folders is added. With O(cache=true), a run within
    O(cache_timeout) of the last one sends no request at all.
extends_documentation_fragment:
  - ansible.builtin.constructed
  - ansible.builtin.inventory_cache
  - cockroachdb.cloud.cockroach_plugin
options:
  plugin:
    description:
      - The name of this plugin; it marks the file as one for this plugin.
    type: str
    required: true
    choices: [cockroachdb.cloud.clusters]
  plans:
    description:
      - Only make hosts of clusters of these plans, in either vocabulary, V(BASIC), V(STANDARD)
        and V(ADVANCED) (the live service's tiers), V(SERVERLESS) (BASIC and STANDARD clusters)
        and V(DEDICATED) (ADVANCED clusters). A tier also matches a cluster of its kind on a
        server that speaks the contract, which names only the kind.
      - Compared without regard to case. Any other value fails before any request is sent,
        with the list of valid values.
      - An empty list does not filter.
    type: list
    elements: str
    default: []
  providers:
    description:
      - Only make hosts of clusters hosted by these cloud providers, V(AWS), V(GCP) or V(AZURE).
      - Compared without regard to case; any other value fails before any request is sent.
    type: list
    elements: str
    default: []
  states:
    description:
      - Only make hosts of clusters in these states, V(CREATING), V(CREATED), V(CREATION_FAILED),
        V(LOCKED) or V(DELETED).
      - Compared without regard to case; any other value fails before any request is sent.
      - Listing V(DELETED) implies O(show_inactive=true).
    type: list
    elements: str
    default: []
  regions:
    description:
      - Only make hosts of clusters that have at least one of these regions, for example
        V(us-east-1) or V(us-central1). Compared without regard to case.
    type: list
    elements: str
    default: []
  folder:
    description:
      - Only make hosts of clusters in this folder or in a folder below it, given by its path,
        for example V(/prod) or V(/prod/eu). V(/) means every cluster.
      - The folder is found with the same folder listing that gives the paths of the hosts'
        folders. A path that does not exist is an error.
    type: str
  labels:
    description:
      - Only make hosts of clusters that carry every one of these labels with the given value.
      - A label given without a value (V(null)) matches any value of that label.
      - Values are compared as strings (V(true) as C(true), V(3) as C(3)).
    type: dict
    default: {}
  show_inactive:
    description:
      - Whether to also make hosts of clusters in state C(DELETED). The API keeps deleted
        clusters, and a name can be used again after a deletion.
    type: bool
    default: false
  hostnames:
    description:
      - How to name each host. The first entry that gives a value that is not empty wins.
      - An entry is the name of a host variable (without O(hostvars_prefix)), for example
        V(cluster_name), V(id) or V(sql_dns); a Jinja2 expression, for example
        V(labels.env ~ '-' ~ cluster_name); or a template, for example
        V({{ cluster_name }}.{{ provider | lower }}). V(name) can stand for V(cluster_name) here.
      - When no entry gives a value, or the value already names another cluster's host, the
        cluster name is used, and failing that the cluster id. Live clusters are named before
        deleted ones, so a live cluster keeps its name.
      - An entry that cannot be evaluated (for example an undefined variable) is skipped,
        unless O(strict=true), which makes it an error.
    type: list
    elements: str
    default: [cluster_name]
  hostvars_prefix:
    description:
      - Prefix for the names of the host variables that the plugin sets from the cluster, for
        example V(cockroach_) gives C(cockroach_plan). Not added to C(ansible_host) and
        C(ansible_connection).
      - O(compose), O(groups) and O(keyed_groups) see the variables with the prefix.
    type: str
    default: ''
  connection:
    description:
      - Value of C(ansible_connection) for every host.
      - The default V(local) runs every task that targets a cluster on the controller. Set it to
        an empty string to leave C(ansible_connection) unset.
    type: str
    default: local
  python_interpreter:
    description:
      - Python that runs the modules of tasks on these hosts (C(ansible_python_interpreter)),
        when O(connection=local).
      - By default the Python that runs Ansible on the controller, as for the implicit
        C(localhost), which has the collection's requirements (C(requests)).
        Interpreter discovery would pick the first C(python3) it finds, which may lack
        C(requests) or be a pyenv shim that fails (C(pyenv - python3.13 - command not found)).
      - Set as a variable of the group C(cockroach_clusters), which holds every host of this
        source, so that C(group_vars/all), C(group_vars/cockroach_clusters), host variables and
        O(compose) override it. An empty string leaves it unset.
    type: str
notes:
  - "Host variables (each with O(hostvars_prefix) in front): C(id), C(cluster_name) (not C(name),
    which ansible-core reserves), C(plan), C(provider)
    (the API's C(cloud_provider)), C(state), C(operation_status), C(cockroach_version), C(regions)
    (list of region names), C(node_count) (all regions), C(region_nodes) (dict of region name to
    node count; 0 for serverless clusters), C(sql_dns), C(labels), C(folder) (path, C(/) at the
    top), C(parent_id) (folder id or C(root)) and C(created_at). C(ansible_host) is the cluster's
    C(sql_dns)."
  - "Default groups, in lower case, with characters that are not valid in a group name replaced
    by C(_): C(cockroach_clusters) (every host of the source), C(plan_<plan>) (the plan as the server names it,
    and its kind: a STANDARD or BASIC cluster is in C(plan_standard) or C(plan_basic) and in C(plan_serverless),
    an ADVANCED one in C(plan_advanced) and C(plan_dedicated); so C(plan_serverless) and C(plan_dedicated) work
    against both the live service and a server that speaks the contract), C(provider_<provider>), C(region_<region>) (one per region of the
    cluster), C(state_<state>) and C(folder_<path>) (C(/prod/eu) gives C(folder_prod_eu), a child
    group of C(folder_prod)). Clusters at the top of the folder tree are in no folder group."
  - The cache stores the clusters and folders as read from the API (only the fields used here),
    never the API key. A cached listing is used only for the same O(api_url) and API key id;
    changes to the filters, O(hostnames) or groups do not need a new listing. Use
    C(ansible-inventory --flush-cache) to read the API again before O(cache_timeout).
  - O(api_key), O(api_url), O(api_version), the filters, O(hostvars_prefix) and O(connection)
    can be templates (the second example reads O(api_key) from another environment variable
    with the C(ansible.builtin.env) lookup), evaluated
    once per run with the extra variables.
seealso:
  - module: cockroachdb.cloud.cockroach_cluster_info
  - module: cockroachdb.cloud.cockroach_cluster
  - plugin: cockroachdb.cloud.connection_string
    plugin_type: lookup
"""

EXAMPLES = r"""
# prod.cockroach.yml: every cluster; the API key comes from COCKROACH_API_KEY.
plugin: cockroachdb.cloud.clusters

# Then, for example:
#   ansible-inventory -i prod.cockroach.yml --graph
#   ansible-playbook -i prod.cockroach.yml upgrade.yml --limit plan_dedicated

---
# Only dedicated AWS and GCP clusters under the folder /prod, named after their SQL host,
# with their host variables prefixed and a group per value of the label "team".
plugin: cockroachdb.cloud.clusters
api_key: "{{ lookup('ansible.builtin.env', 'CRDB_PROD_KEY') }}"
plans: [DEDICATED]
providers: [AWS, GCP]
folder: /prod
hostnames:
  - sql_dns
  - cluster_name
hostvars_prefix: cockroach_
keyed_groups:
  - key: cockroach_labels.team | default('none')
    prefix: team
groups:
  big: cockroach_node_count >= 9
  outdated: not cockroach_cockroach_version.startswith('v24.3')
compose:
  deployment: cockroach_labels.env | default('unknown')

---
# Cached for 10 minutes in JSON files: a second run in that time sends no request.
plugin: cockroachdb.cloud.clusters
labels:
  env: prod
cache: true
cache_plugin: ansible.builtin.jsonfile
cache_connection: ~/.cache/cockroach-inventory
cache_timeout: 600

---
# The emulator that comes with the collection, deleted clusters included.
plugin: cockroachdb.cloud.clusters
api_url: http://127.0.0.1:8080
show_inactive: true
validate_certs: false

# A play that targets the clusters of a group. Each task runs on the controller
# (ansible_connection=local) and uses the host variables to name its cluster:
#
#   - name: Report the dedicated clusters
#     hosts: plan_dedicated
#     gather_facts: false
#     tasks:
#       - name: Read the cluster
#         cockroachdb.cloud.cockroach_cluster_info:
#           id: "{{ id }}"
#           include_nodes: true
#         register: info
#
# AWX / Automation Controller: a custom credential type (Administration > Credential Types)
# whose injectors set the environment variables this plugin reads. Make a credential of that
# type and add it to the inventory source (Sourced from a Project, this file):
#
#   Input configuration:
#     fields:
#       - id: api_key
#         type: string
#         label: CockroachDB Cloud API key
#         secret: true
#       - id: api_url
#         type: string
#         label: CockroachDB Cloud API URL
#         default: https://cockroachlabs.cloud
#     required:
#       - api_key
#   Injector configuration:
#     env:
#       COCKROACH_API_KEY: "{{ api_key }}"
#       COCKROACH_SERVER: "{{ api_url }}"
"""

import re
import sys

from ansible.errors import AnsibleError, AnsibleParserError
from ansible.module_utils.common.text.converters import to_native, to_text
from ansible.plugins.inventory import BaseInventoryPlugin, Cacheable, Constructable
from ansible.release import __version__ as ANSIBLE_CORE_VERSION
from ansible.utils.unsafe_proxy import wrap_var

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import ApiError, explain
from ansible_collections.cockroachdb.cloud.plugins.module_utils._plugin_client import (
    MissingApiKey,
    client_from_options,
)
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources import _plans
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources._cluster_lookup import (
    CLUSTERS_PATH,
    label_value,
    labels_match,
)
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources._folder_paths import (
    ROOT,
    Folders,
    normalize_path,
)

ALL_CLUSTERS_GROUP = "cockroach_clusters"
CACHE_FORMAT = 1
CHOICES = {
    "plans": _plans.PLANS,
    "providers": ("AWS", "GCP", "AZURE"),
    "states": ("CREATING", "CREATED", "CREATION_FAILED", "LOCKED", "DELETED"),
}
# The cluster fields the host variables come from: all that the cache keeps.
CLUSTER_FIELDS = ("id", "name", "plan", "cloud_provider", "state", "operation_status", "cockroach_version",
                  "sql_dns", "labels", "parent_id", "created_at")
# API data must never be evaluated as a template (a label value "{{ ... }}" stays text).
# ansible-core 2.19 and later only template what comes from a trusted source, so data read
# from the API is safe as it is; older releases need the "unsafe" marker on it.
MARK_UNSAFE = tuple(int(part) for part in re.findall(r"\d+", ANSIBLE_CORE_VERSION)[:2]) < (2, 19)
IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
KEY_ID = re.compile(r"^(CCDB1_[A-Za-z0-9]+)_[A-Za-z0-9]+$")


def slim_cluster(cluster):
    """The part of an API cluster that the inventory uses (and the cache keeps)."""
    item = dict((key, cluster.get(key)) for key in CLUSTER_FIELDS)
    item["regions"] = [{"name": r.get("name"), "node_count": r.get("node_count") or 0}
                       for r in cluster.get("regions") or [] if isinstance(r, dict)]
    return item


def in_folder(cluster):
    return cluster.get("parent_id") not in (None, "", ROOT)


def host_fields(cluster, folder_paths):
    """The host variables of a cluster (without the prefix)."""
    regions = cluster.get("regions") or []
    region_nodes = dict((r["name"], int(r.get("node_count") or 0)) for r in regions if r.get("name"))
    parent_id = cluster.get("parent_id") or ROOT
    folder = "/" if parent_id == ROOT else folder_paths.get(parent_id)
    return {
        "id": cluster.get("id"),
        # Not "name": ansible-core reserves it (a play keyword) and warns on every run.
        "cluster_name": cluster.get("name"),
        "plan": cluster.get("plan"),
        "provider": cluster.get("cloud_provider"),
        "state": cluster.get("state"),
        "operation_status": cluster.get("operation_status"),
        "cockroach_version": cluster.get("cockroach_version"),
        "regions": [r["name"] for r in regions if r.get("name")],
        "node_count": sum(region_nodes.values()),
        "region_nodes": region_nodes,
        "sql_dns": cluster.get("sql_dns"),
        "labels": dict(cluster.get("labels") or {}),
        "folder": folder,
        "parent_id": parent_id,
        "created_at": cluster.get("created_at"),
    }


class Settings(object):
    """The validated options of one run."""

    def __init__(self, **values):
        self.__dict__.update(values)


class InventoryModule(BaseInventoryPlugin, Constructable, Cacheable):

    NAME = "cockroachdb.cloud.clusters"

    def __init__(self):
        super(InventoryModule, self).__init__()
        self.client = None  # built when the API is first needed; tests may set one
        self._groups = {}  # raw default group name -> group, during one parse
        self.requests_sent = 0  # API requests of the last parse (0 when served from the cache)

    def verify_file(self, path):
        if not super(InventoryModule, self).verify_file(path):
            return False
        if to_text(path).endswith(("cockroach.yml", "cockroach.yaml")):
            return True
        self.display.vvv("Skipping %s: the file name of a cockroachdb.cloud.clusters source ends with "
                         "cockroach.yml or cockroach.yaml" % to_native(path))
        return False

    # -- parse ------------------------------------------------------------------------------
    def parse(self, inventory, loader, path, cache=True):
        super(InventoryModule, self).parse(inventory, loader, path, cache)
        self._read_config_data(path)
        settings = self._settings()
        data = self._data(path, settings, cache)
        self._populate(data, settings)

    # -- options ----------------------------------------------------------------------------
    def _template(self, name, value):
        if isinstance(value, str):
            if "{{" not in value and "{%" not in value:
                return value
            self.templar.available_variables = self._vars or {}
            try:
                return self.templar.template(value)
            except Exception as error:  # any template error: say which option
                raise AnsibleParserError("cannot evaluate the template of option %s: %s" % (name, to_native(error)))
        if isinstance(value, list):
            return [self._template(name, item) for item in value]
        if isinstance(value, dict):
            return dict((key, self._template(name, item)) for key, item in value.items())
        return value

    def _option(self, name):
        return self._template(name, self.get_option(name))

    def _choice_set(self, name):
        choices = CHOICES[name]
        chosen = set()
        for item in self._option(name) or []:
            text = to_text(item).strip().upper()
            if text not in choices:
                raise AnsibleParserError("unknown value %r in option %s; valid values are: %s"
                                         % (to_text(item), name, ", ".join(choices)))
            chosen.add(text)
        return frozenset(chosen)

    def _settings(self):
        labels = self._option("labels") or {}
        if not isinstance(labels, dict):
            raise AnsibleParserError("option labels must be a dictionary of label names and values")
        # Kept as given: ansible-core 2.19 trusts the templates of the file, not copies of them.
        hostnames = list(self.get_option("hostnames") or [])
        if any(not isinstance(entry, str) or not entry.strip() for entry in hostnames):
            raise AnsibleParserError("option hostnames must be a list of field names, expressions or templates")
        prefix = to_text(self._option("hostvars_prefix") or "")
        if prefix and not IDENTIFIER.match(prefix + "id"):
            raise AnsibleParserError("option hostvars_prefix %r does not make valid variable names "
                                     "(use letters, digits and underscores, not starting with a digit)" % prefix)
        states = self._choice_set("states")
        return Settings(
            api=dict((name, self._option(name)) for name in ("api_key", "api_url", "api_version")),
            plans=self._choice_set("plans"),
            providers=self._choice_set("providers"),
            states=states,
            regions=frozenset(to_text(r).strip().lower() for r in self._option("regions") or []),
            folder=normalize_path(to_text(self._option("folder")) if self._option("folder") is not None else None),
            labels=dict((to_text(k), label_value(to_text(v) if isinstance(v, str) else v)) for k, v in labels.items()),
            show_inactive=bool(self.get_option("show_inactive")) or "DELETED" in states,
            hostnames=hostnames or ["cluster_name"],
            prefix=prefix,
            connection=to_text(self._option("connection") or "").strip() or None,
            python=self._python_interpreter(),
            strict=bool(self.get_option("strict")),
        )

    def _python_interpreter(self):
        value = self._option("python_interpreter")
        return sys.executable if value is None else (to_text(value).strip() or None)

    # -- reading the API (or the cache) -----------------------------------------------------
    def _api_options(self, settings):
        options = dict(settings.api)
        options["validate_certs"] = self.get_option("validate_certs")
        options["request_timeout"] = self.get_option("request_timeout")
        options["allow_plain_http"] = self.get_option("allow_plain_http")
        options["api_format"] = self.get_option("api_format")
        return options

    def _key_id(self, settings):
        """The public part of the API key (``CCDB1_<22>``), to tell cache entries apart."""
        match = KEY_ID.match(to_text(settings.api.get("api_key") or "").strip())
        return match.group(1) if match else None

    def _data(self, path, settings, cache):
        wanted = {"api_url": (settings.api.get("api_url") or "").rstrip("/"), "key_id": self._key_id(settings)}
        use_cache = bool(self.get_option("cache"))
        cache_key = self.get_cache_key(path) if use_cache else None
        if use_cache and cache:
            try:
                cached = self._cache[cache_key]
            except KeyError:
                cached = None
            data = self._usable(cached, wanted, settings)
            if data is not None:
                self.requests_sent = 0
                self.display.vvv("cockroachdb.cloud.clusters: using the cached listing of %d clusters"
                                 % len(data["clusters"]))
                return data
        data = self._fetch(settings)
        data.update(wanted)
        if use_cache:
            self._cache[cache_key] = data
        return data

    @staticmethod
    def _usable(cached, wanted, settings):
        """The cached data when it answers this run's needs, else None."""
        if not isinstance(cached, dict) or cached.get("format") != CACHE_FORMAT:
            return None
        if any(cached.get(key) != value for key, value in wanted.items()):
            return None
        if settings.show_inactive and not cached.get("show_inactive"):
            return None
        if settings.folder and settings.folder != "/" and cached.get("folders") is None:
            return None
        data = dict(cached)
        if cached.get("show_inactive") and not settings.show_inactive:
            data["clusters"] = [c for c in cached["clusters"] if c.get("state") != "DELETED"]
        return data

    def _fetch(self, settings):
        if self.client is None:
            try:
                self.client = client_from_options(self._api_options(settings))
            except MissingApiKey as error:
                raise AnsibleParserError(to_native(error))
            except ApiError as error:  # requests is missing, or a plain http URL
                raise AnsibleError(to_native(error))
        client = self.client
        before = len(getattr(client, "calls", []))
        params = {"show_inactive": "true"} if settings.show_inactive else None
        try:
            clusters = [slim_cluster(c) for c in client.paginate(CLUSTERS_PATH, "clusters", params=params)]
            folders = None
            if (settings.folder and settings.folder != "/") or any(in_folder(c) for c in clusters):
                folders = Folders(client).all
        except ApiError as error:
            raise AnsibleError("cockroachdb.cloud.clusters: %s" % explain(error))
        self.requests_sent = len(getattr(client, "calls", [])) - before
        return {"format": CACHE_FORMAT, "show_inactive": settings.show_inactive, "clusters": clusters,
                "folders": folders}

    # -- filtering --------------------------------------------------------------------------
    def _folder_ids(self, settings, folders):
        """Ids of the folder O(folder) names and of every folder below it; None = no filter."""
        if not settings.folder or settings.folder == "/":
            return None
        index = Folders(folders=folders or [])
        if index.find(settings.folder) is None:
            known = index.known()
            raise AnsibleParserError("folder %s does not exist%s" % (
                settings.folder, "; folders: " + known if known else " (the organization has no folders)"))
        return index.below(settings.folder)

    @staticmethod
    def _matches(cluster, settings, folder_ids):
        if settings.plans and not any(_plans.matches(cluster.get("plan"), plan) for plan in settings.plans):
            return False
        if settings.providers and (cluster.get("cloud_provider") or "").upper() not in settings.providers:
            return False
        if settings.states and (cluster.get("state") or "").upper() not in settings.states:
            return False
        if settings.regions and not any((r.get("name") or "").lower() in settings.regions
                                        for r in cluster.get("regions") or []):
            return False
        if folder_ids is not None and cluster.get("parent_id") not in folder_ids:
            return False
        return labels_match(cluster.get("labels"), settings.labels)

    # -- building the inventory -------------------------------------------------------------
    def _populate(self, data, settings):
        folders = data.get("folders") or []
        folder_paths = Folders(folders=folders).paths()
        folder_ids = self._folder_ids(settings, data.get("folders"))
        selected = [c for c in data["clusters"] if self._matches(c, settings, folder_ids)]
        # Live clusters first (stable sort): a deleted cluster never takes a live one's name.
        selected.sort(key=lambda c: c.get("state") == "DELETED")
        self._groups = {}
        compose = self.get_option("compose")
        groups = self.get_option("groups")
        keyed_groups = self.get_option("keyed_groups")
        owners = {}
        everything = None
        if selected and settings.connection == "local" and settings.python:
            # A group variable, not a host variable: group_vars and host_vars files override it.
            everything = self.inventory.add_group(ALL_CLUSTERS_GROUP)
            self.inventory.set_variable(everything, "ansible_python_interpreter", settings.python)
        for cluster in selected:
            fields = host_fields(cluster, folder_paths)
            hostvars = dict((settings.prefix + key, wrap_var(value) if MARK_UNSAFE else value)
                            for key, value in fields.items())
            if fields["sql_dns"]:
                hostvars["ansible_host"] = hostvars[settings.prefix + "sql_dns"]
            if settings.connection:
                hostvars["ansible_connection"] = settings.connection
            host = self._hostname(fields, hostvars, settings, owners)
            owners[host] = fields["id"]
            self.inventory.add_host(host, group=everything)
            for key, value in hostvars.items():
                self.inventory.set_variable(host, key, value)
            self._add_default_groups(host, fields)
            if compose:
                self._set_composite_vars(compose, hostvars, host, strict=settings.strict)
            if groups:
                self._add_host_to_composed_groups(groups, hostvars, host, strict=settings.strict)
            if keyed_groups:
                self._add_host_to_keyed_groups(keyed_groups, hostvars, host, strict=settings.strict)

    def _hostname(self, fields, hostvars, settings, owners):
        variables = dict(hostvars)
        variables.update(fields)
        variables["name"] = fields["cluster_name"]  # only here: "name" is reserved as a host variable
        for entry in settings.hostnames:
            value = self._hostname_value(entry, variables, fields, settings)
            if value is None or isinstance(value, (dict, list)):
                continue
            name = to_text(value).strip()
            if name and owners.get(name, fields["id"]) == fields["id"]:
                return name
        for name in (fields["cluster_name"], fields["id"]):
            if name and owners.get(name, fields["id"]) == fields["id"]:
                return name
        return fields["id"]

    def _hostname_value(self, entry, variables, fields, settings):
        if entry.strip() in variables:  # a field name: no template needed
            return variables[entry.strip()]
        try:
            if "{{" in entry or "{%" in entry:
                self.templar.available_variables = variables
                return self.templar.template(entry)
            return self._compose(entry, variables)
        except Exception as error:  # undefined variables, syntax errors, filters that fail
            if settings.strict:
                raise AnsibleParserError("cannot evaluate hostnames entry %r for cluster %s: %s"
                                         % (entry, fields["cluster_name"], to_native(error)))
            return None

    def _group(self, raw_name):
        """The group for ``raw_name`` (sanitized, created once per parse)."""
        group = self._groups.get(raw_name)
        if group is None:
            group = self._groups[raw_name] = self.inventory.add_group(self._sanitize_group_name(raw_name))
        return group

    def _add_to_group(self, host, raw_name):
        self.inventory.add_child(self._group(raw_name), host)

    def _add_default_groups(self, host, fields):
        for plan in _plans.groups(fields["plan"]):
            self._add_to_group(host, "plan_%s" % plan)
        for kind in ("provider", "state"):
            if fields[kind]:
                self._add_to_group(host, "%s_%s" % (kind, fields[kind].lower()))
        for region in fields["regions"]:
            self._add_to_group(host, "region_%s" % region.lower())
        if fields["folder"] and fields["folder"] != "/":
            parts = [part for part in fields["folder"].split("/") if part]
            parent = None
            for depth in range(1, len(parts) + 1):
                group = self._group("folder_%s" % "_".join(parts[:depth]).lower())
                if parent:
                    self.inventory.add_child(parent, group)
                parent = group
            self.inventory.add_child(parent, host)
