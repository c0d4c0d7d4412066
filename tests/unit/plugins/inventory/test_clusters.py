# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The cockroachdb.cloud.clusters inventory plugin, through Ansible's own loader and
inventory objects, against the API emulator in-process (tests/unit/emulator.py). The
requests are read from the emulator's request log."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
import sys

import pytest

from ansible.errors import AnsibleError, AnsibleParserError
from ansible.inventory.data import InventoryData
from ansible.parsing.dataloader import DataLoader
from ansible.plugins.loader import inventory_loader

from ansible_collections.cockroachdb.cloud.plugins.inventory import clusters as inventory_plugin
from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import CockroachClient
from ansible_collections.cockroachdb.cloud.tests.unit.emulator import URL

PLUGIN = "cockroachdb.cloud.clusters"
UNKNOWN_KEY = "CCDB1_wrongwrongwrongwrongwr_" + "x" * 40  # well formed, but the emulator never issued it
HARDWARE = {"machine_spec": {"num_virtual_cpus": 4}, "storage_gib": 15}


def run(tmp_path, emulator=None, parse_cache=True, filename="test.cockroach.yml", client=None, **options):
    """Parse an inventory file holding ``options``; returns (plugin, inventory).

    With ``emulator``, the file names its URL and admin key and the plugin gets a client on
    it (``client`` when given). Without, the plugin builds its client from the options.
    ``parse_cache=False`` is what ``ansible-inventory --flush-cache`` passes to parse().
    """
    config = {"plugin": PLUGIN}
    if emulator is not None:
        config.update(api_url=URL, api_key=emulator.admin_key)
        client = client or emulator.client()
    config.update(options)
    path = tmp_path / filename
    path.write_text(json.dumps(config))  # JSON is YAML
    plugin = inventory_loader.get(PLUGIN)
    if client is not None:
        plugin.client = client
    inventory = InventoryData()
    plugin.parse(inventory, DataLoader(), str(path), cache=parse_cache)
    try:
        plugin.update_cache_if_changed()  # what the inventory manager does after parse()
    except AttributeError:
        pass  # cache off
    return plugin, inventory


def hosts_of(inventory, group):
    return sorted(host.name for host in inventory.groups[group].get_hosts())


def hostvars(inventory, host):
    """The variables the plugin set (without inventory_file and inventory_dir)."""
    return dict((k, v) for k, v in inventory.get_host(host).vars.items() if not k.startswith("inventory_"))


# -- building the organization through the API (and the emulator's test controls) --------------
def control(emulator, method, path, body=None):
    """A test control of the emulator (docs/emulator.md, section 5); returns its answer."""
    answer = emulator.adapter.client.open("/_emulator/" + path, method=method, json=body)
    assert answer.status_code == 200, answer.get_data(as_text=True)
    return answer.get_json()


def cluster_path(cluster):
    return "/api/v1/clusters/%s" % (cluster if isinstance(cluster, str) else cluster["id"])


def make_folder(emulator, name, parent=None):
    return emulator.admin.post("/api/v1/folders", {"name": name, "parent_id": parent["resource_id"] if parent else "root"})


def make_cluster(emulator, name, folder=None, **spec):
    """A settled cluster (see Emulator.cluster), moved into ``folder`` when given."""
    cluster = emulator.cluster(name, **spec)
    if folder is not None:
        cluster = emulator.admin.patch(cluster_path(cluster), {"parent_id": folder["resource_id"]})
    return cluster


def make_key(emulator, roles):
    """The secret of a new API key whose service account holds ``roles``."""
    account = emulator.admin.post("/api/v1/service-accounts", {"name": "inventory-reader", "roles": roles})
    return emulator.admin.post("/api/v1/api-keys", {"name": "inventory", "service_account_id": account["id"]})["secret"]


def key_id(secret):
    return secret.rsplit("_", 1)[0]


def requests_since(emulator, mark):
    return emulator.log()[mark:]


class Estate(object):
    """Three folders (/prod, /prod/eu west, /lab) and four clusters: orders-prod in /prod,
    billing-eu in /prod/eu west (LOCKED), web-dev at the top, and a deleted web-dev that
    held the name before (the first cluster of the listing)."""

    def __init__(self, emulator):
        self.emulator = emulator
        self.prod = make_folder(emulator, "prod")
        self.eu = make_folder(emulator, "eu west", parent=self.prod)
        self.lab = make_folder(emulator, "lab")
        gone = make_cluster(emulator, "web-dev", labels={"env": "dev"})
        emulator.admin.delete(cluster_path(gone))
        self.gone = emulator.admin.get(cluster_path(gone))
        self.orders = make_cluster(
            emulator, "orders-prod", folder=self.prod, plan="DEDICATED", provider="AWS",
            dedicated={"region_nodes": {"us-east-1": 3, "us-west-2": 4}, "hardware": HARDWARE},
            labels={"env": "prod", "team": "orders"})
        billing = make_cluster(
            emulator, "billing-eu", folder=self.eu, plan="DEDICATED", provider="GCP",
            dedicated={"region_nodes": {"europe-west1": 3}, "hardware": HARDWARE}, labels={"env": "prod", "tier": "1"})
        self.billing = control(emulator, "POST", "clusters/%s/state" % billing["id"],
                               {"state": "LOCKED", "operation_status": "CRDB_SCALE_RUNNING"})
        self.web = make_cluster(emulator, "web-dev", labels={"env": "dev"})
        self.live = [self.orders, self.billing, self.web]
        self.mark = emulator.mark()

    def operations(self):
        """The operations of the requests sent since the last ``restart`` (or the setup)."""
        return self.emulator.operations(self.mark)

    def requests(self):
        return requests_since(self.emulator, self.mark)

    def restart(self):
        self.mark = self.emulator.mark()


@pytest.fixture
def estate(emulator):
    return Estate(emulator)


def cache_options(tmp_path):
    return dict(cache=True, cache_plugin="ansible.builtin.jsonfile", cache_connection=str(tmp_path / "cache"),
                cache_timeout=300)


# -- hosts, host variables, default groups ------------------------------------------------------
def test_hosts_hostvars_and_default_groups(tmp_path, estate):
    plugin, inventory = run(tmp_path, estate.emulator)

    assert sorted(inventory.hosts) == ["billing-eu", "orders-prod", "web-dev"]
    orders = estate.orders
    assert hostvars(inventory, "orders-prod") == {
        "id": orders["id"], "cluster_name": "orders-prod", "plan": "DEDICATED", "provider": "AWS",
        "state": "CREATED", "operation_status": "UNSPECIFIED", "cockroach_version": orders["cockroach_version"],
        "regions": ["us-east-1", "us-west-2"], "node_count": 7, "region_nodes": {"us-east-1": 3, "us-west-2": 4},
        "sql_dns": orders["sql_dns"], "labels": {"env": "prod", "team": "orders"}, "folder": "/prod",
        "parent_id": estate.prod["resource_id"], "created_at": orders["created_at"],
        "ansible_host": orders["sql_dns"], "ansible_connection": "local",
    }
    billing = hostvars(inventory, "billing-eu")
    assert (billing["state"], billing["operation_status"], billing["folder"]) == ("LOCKED", "CRDB_SCALE_RUNNING", "/prod/eu west")
    web = hostvars(inventory, "web-dev")
    assert web["id"] == estate.web["id"]  # the live one, not the deleted one listed before it
    assert (web["folder"], web["parent_id"], web["node_count"], web["region_nodes"]) == ("/", "root", 0, {"us-central1": 0})
    assert "name" not in web  # reserved by ansible-core: it would warn on every playbook run

    assert hosts_of(inventory, "plan_dedicated") == ["billing-eu", "orders-prod"]
    assert hosts_of(inventory, "plan_serverless") == ["web-dev"]
    assert hosts_of(inventory, "provider_aws") == ["orders-prod"]
    assert hosts_of(inventory, "provider_gcp") == ["billing-eu", "web-dev"]
    assert hosts_of(inventory, "region_us_east_1") == hosts_of(inventory, "region_us_west_2") == ["orders-prod"]
    assert hosts_of(inventory, "region_europe_west1") == ["billing-eu"]
    assert hosts_of(inventory, "region_us_central1") == ["web-dev"]
    assert hosts_of(inventory, "state_created") == ["orders-prod", "web-dev"]
    assert hosts_of(inventory, "state_locked") == ["billing-eu"]
    # Folder groups nest like the folders: folder_prod holds folder_prod_eu_west.
    assert hosts_of(inventory, "folder_prod") == ["billing-eu", "orders-prod"]
    assert [g.name for g in inventory.groups["folder_prod"].child_groups] == ["folder_prod_eu_west"]
    assert hosts_of(inventory, "folder_prod_eu_west") == ["billing-eu"]
    assert "folder_lab" not in inventory.groups  # no cluster there
    assert "state_deleted" not in inventory.groups

    # One listing of the clusters (without the deleted ones), one of the folders.
    assert estate.operations() == ["ListClusters", "ListFolders"]
    assert [e["query"] for e in estate.requests()] == [{"pagination.limit": ["500"]}] * 2
    assert plugin.requests_sent == 2


def test_reads_every_page_at_500_and_folders_once(tmp_path, emulator):
    seeded = control(emulator, "POST", "seed", {"clusters": 1234, "name_prefix": "bulk"})["created"]
    folder = make_folder(emulator, "bulk")
    emulator.admin.patch(cluster_path(seeded[-1]), {"parent_id": folder["resource_id"]})
    mark = emulator.mark()

    plugin, inventory = run(tmp_path, emulator)

    assert len(inventory.hosts) == 1234
    assert emulator.since(mark) == [("GET", "/api/v1/clusters", 200)] * 3 + [("GET", "/api/v1/folders", 200)]
    queries = [e["query"] for e in requests_since(emulator, mark)]
    assert [q.get("pagination.limit") for q in queries] == [["500"]] * 4
    # The first page has no token; the next ones carry the emulator's (opaque) tokens.
    tokens = [q.get("pagination.page") for q in queries[:3]]
    assert tokens[0] is None and tokens[1] and tokens[2] and tokens[1] != tokens[2]
    assert "pagination.page" not in queries[3]  # the few folders fit in one page
    assert plugin.requests_sent == 4
    assert hosts_of(inventory, "folder_bulk") == ["bulk-01233"]
    assert hostvars(inventory, "bulk-00000")["folder"] == "/"


def test_no_folder_listing_when_every_cluster_is_at_the_top(tmp_path, emulator):
    make_cluster(emulator, "top-level")
    make_folder(emulator, "unused")
    mark = emulator.mark()
    plugin, inventory = run(tmp_path, emulator)
    assert emulator.operations(mark) == ["ListClusters"]
    assert plugin.requests_sent == 1
    assert hostvars(inventory, "top-level")["folder"] == "/"


def test_an_empty_organization(tmp_path, emulator):
    mark = emulator.mark()
    _plugin, inventory = run(tmp_path, emulator)
    assert list(inventory.hosts) == []
    assert "cockroach_clusters" not in inventory.groups
    assert emulator.operations(mark) == ["ListClusters"]


# -- filters -----------------------------------------------------------------------------------
@pytest.mark.parametrize("options, expected", [
    (dict(plans=["dedicated"]), ["billing-eu", "orders-prod"]),
    (dict(plans=["SERVERLESS", "Dedicated"]), ["billing-eu", "orders-prod", "web-dev"]),
    (dict(providers=["aws"]), ["orders-prod"]),
    (dict(states=["locked"]), ["billing-eu"]),
    (dict(regions=["US-WEST-2", "europe-west1"]), ["billing-eu", "orders-prod"]),
    (dict(labels={"env": "prod"}), ["billing-eu", "orders-prod"]),
    (dict(labels={"tier": 1}), ["billing-eu"]),            # compared as strings
    (dict(labels={"team": None}), ["orders-prod"]),        # any value
    (dict(labels={"env": "prod", "team": "x"}), []),
    (dict(folder="/prod"), ["billing-eu", "orders-prod"]),  # recursive
    (dict(folder="prod/eu west/"), ["billing-eu"]),
    (dict(folder="/lab"), []),
    (dict(folder="/"), ["billing-eu", "orders-prod", "web-dev"]),
    (dict(plans=["DEDICATED"], providers=["GCP"]), ["billing-eu"]),
])
def test_filters(tmp_path, estate, options, expected):
    _plugin, inventory = run(tmp_path, estate.emulator, **options)
    assert sorted(inventory.hosts) == expected
    # Filters apply to one whole listing: nothing is asked of the API but the clusters and folders.
    assert estate.operations() == ["ListClusters", "ListFolders"]
    assert all("show_inactive" not in e["query"] for e in estate.requests())


def test_show_inactive_and_deleted_state(tmp_path, estate):
    _plugin, inventory = run(tmp_path, estate.emulator, show_inactive=True)
    deleted_id = estate.gone["id"]
    # The live web-dev keeps its name, although the deleted one that had it before comes
    # first in the listing; the deleted one gets its id.
    assert sorted(inventory.hosts) == sorted(["billing-eu", "orders-prod", "web-dev", deleted_id])
    assert hostvars(inventory, "web-dev")["id"] == estate.web["id"]
    assert hostvars(inventory, "web-dev")["state"] == "CREATED"
    assert hostvars(inventory, deleted_id)["state"] == "DELETED"
    assert hosts_of(inventory, "state_deleted") == [deleted_id]
    assert estate.requests()[0]["query"]["show_inactive"] == ["true"]

    estate.restart()
    _plugin, inventory = run(tmp_path, estate.emulator, states=["DELETED"])  # implies show_inactive
    assert list(inventory.hosts) == ["web-dev"]  # the name is free: the live web-dev is filtered out
    assert hostvars(inventory, "web-dev")["id"] == deleted_id
    assert estate.requests()[0]["query"]["show_inactive"] == ["true"]


@pytest.mark.parametrize("options, words", [
    (dict(plans=["FOO"]), ["'FOO'", "plans", "BASIC, STANDARD, ADVANCED, SERVERLESS, DEDICATED"]),
    (dict(providers=["aws", "IBM"]), ["'IBM'", "providers", "AWS, GCP, AZURE"]),
    (dict(states=["RUNNING"]), ["'RUNNING'", "states", "CREATING, CREATED, CREATION_FAILED, LOCKED, DELETED"]),
    (dict(hostvars_prefix="9x"), ["hostvars_prefix"]),
    (dict(hostnames=[""]), ["hostnames"]),
])
def test_bad_options_fail_before_any_request(tmp_path, estate, options, words):
    with pytest.raises(AnsibleParserError) as failure:
        run(tmp_path, estate.emulator, **options)
    for word in words:
        assert word in str(failure.value)
    assert estate.requests() == []


def test_unknown_folder_names_the_existing_ones(tmp_path, estate):
    with pytest.raises(AnsibleParserError, match=r"^folder /nope does not exist; folders: /lab, /prod, /prod/eu west$"):
        run(tmp_path, estate.emulator, folder="/nope")
    assert estate.operations() == ["ListClusters", "ListFolders"]


def test_unknown_folder_in_an_organization_without_folders(tmp_path, emulator):
    make_cluster(emulator, "top-level")
    with pytest.raises(AnsibleParserError, match=r"^folder /nope does not exist \(the organization has no folders\)$"):
        run(tmp_path, emulator, folder="nope")


def test_folder_filter_reads_folders_even_when_all_clusters_are_at_the_top(tmp_path, emulator):
    make_cluster(emulator, "top-level")
    make_folder(emulator, "empty")
    mark = emulator.mark()
    _plugin, inventory = run(tmp_path, emulator, folder="/empty")
    assert list(inventory.hosts) == []
    assert emulator.since(mark) == [("GET", "/api/v1/clusters", 200), ("GET", "/api/v1/folders", 200)]


# -- host names ----------------------------------------------------------------------------------
def test_hostnames_first_non_empty_wins(tmp_path, estate):
    _plugin, inventory = run(tmp_path, estate.emulator, hostnames=[
        "labels.team",                                  # an expression; undefined for most: skipped
        "{{ name }}.{{ provider | lower }}",            # a template; `name` stands for cluster_name
    ])
    assert sorted(inventory.hosts) == ["billing-eu.gcp", "orders", "web-dev.gcp"]


def test_hostnames_field_names(tmp_path, estate):
    _plugin, inventory = run(tmp_path, estate.emulator, hostnames=["sql_dns"])
    assert sorted(inventory.hosts) == sorted(c["sql_dns"] for c in estate.live)
    _plugin, inventory = run(tmp_path, estate.emulator, hostnames=["id"])
    assert sorted(inventory.hosts) == sorted(c["id"] for c in estate.live)


def test_hostnames_that_collide_fall_back_to_the_cluster_name(tmp_path, estate):
    _plugin, inventory = run(tmp_path, estate.emulator, hostnames=["plan"])
    # DEDICATED goes to the first dedicated cluster listed; the second keeps its own name.
    assert sorted(inventory.hosts) == ["DEDICATED", "SERVERLESS", "billing-eu"]
    assert hostvars(inventory, "DEDICATED")["id"] == estate.orders["id"]


def test_strict_hostnames_fail_on_an_undefined_variable(tmp_path, estate):
    with pytest.raises(AnsibleParserError, match="hostnames entry 'labels.team'"):
        run(tmp_path, estate.emulator, hostnames=["labels.team", "cluster_name"], strict=True)


# -- constructed features --------------------------------------------------------------------------
def test_prefix_compose_groups_and_keyed_groups(tmp_path, estate):
    _plugin, inventory = run(
        tmp_path, estate.emulator, hostvars_prefix="crdb_",
        compose={"deployment": "crdb_labels.env", "nodes_plus_one": "crdb_node_count + 1"},
        groups={"big": "crdb_node_count >= 5", "busy": "crdb_state == 'LOCKED'"},
        keyed_groups=[{"key": "crdb_labels.env", "prefix": "env"}, {"key": "crdb_plan | lower", "prefix": "tier"}])
    orders = hostvars(inventory, "orders-prod")
    assert orders["crdb_cluster_name"] == "orders-prod" and "cluster_name" not in orders
    # ansible-core before 2.19 renders compose results as text: compare as text.
    assert orders["deployment"] == "prod" and str(orders["nodes_plus_one"]) == "8"
    assert orders["ansible_host"] == orders["crdb_sql_dns"]
    assert hosts_of(inventory, "big") == ["orders-prod"]
    assert hosts_of(inventory, "busy") == ["billing-eu"]
    assert hosts_of(inventory, "env_prod") == ["billing-eu", "orders-prod"]
    assert hosts_of(inventory, "env_dev") == ["web-dev"]
    assert hosts_of(inventory, "tier_dedicated") == ["billing-eu", "orders-prod"]
    assert hosts_of(inventory, "plan_dedicated") == ["billing-eu", "orders-prod"]  # defaults stay


def test_broken_compose_skips_the_variable_unless_strict(tmp_path, estate):
    _plugin, inventory = run(tmp_path, estate.emulator, compose={"broken": "nope.x", "fine": "cluster_name | upper"})
    assert sorted(inventory.hosts) == ["billing-eu", "orders-prod", "web-dev"]
    assert "broken" not in hostvars(inventory, "web-dev")
    assert hostvars(inventory, "web-dev")["fine"] == "WEB-DEV"
    with pytest.raises(AnsibleError, match="Could not set broken"):
        run(tmp_path, estate.emulator, compose={"broken": "nope.x"}, strict=True)


def test_connection_option(tmp_path, estate):
    _plugin, inventory = run(tmp_path, estate.emulator, connection="")
    assert "ansible_connection" not in hostvars(inventory, "web-dev")
    _plugin, inventory = run(tmp_path, estate.emulator, connection="ansible.builtin.local")
    assert hostvars(inventory, "web-dev")["ansible_connection"] == "ansible.builtin.local"


def test_hosts_run_modules_with_the_controllers_python_by_default(tmp_path, estate):
    _plugin, inventory = run(tmp_path, estate.emulator)
    group = inventory.groups["cockroach_clusters"]
    # A group variable (overridable by group_vars/host_vars files and compose), not a host variable.
    assert group.get_vars()["ansible_python_interpreter"] == sys.executable
    assert sorted(h.name for h in group.get_hosts()) == sorted(inventory.hosts)
    assert "ansible_python_interpreter" not in hostvars(inventory, "web-dev")


@pytest.mark.parametrize("options, expected", [
    (dict(python_interpreter="/opt/venv/bin/python"), "/opt/venv/bin/python"),
    (dict(python_interpreter=""), None),
    (dict(connection="ssh"), None),
])
def test_python_interpreter_option(tmp_path, estate, options, expected):
    _plugin, inventory = run(tmp_path, estate.emulator, **options)
    assert len(inventory.hosts) == 3
    group = inventory.groups.get("cockroach_clusters")
    assert (group.get_vars().get("ansible_python_interpreter") if group else None) == expected


def test_api_data_is_never_templated(tmp_path, emulator):
    make_cluster(emulator, "tricky-one", labels={"note": "{{ 6 * 7 }}"})
    _plugin, inventory = run(tmp_path, emulator, compose={"note": "labels.note"})
    assert hostvars(inventory, "tricky-one")["note"] == "{{ 6 * 7 }}"
    assert hostvars(inventory, "tricky-one")["labels"] == {"note": "{{ 6 * 7 }}"}


# -- cache ---------------------------------------------------------------------------------------
def test_cache_second_run_sends_no_request(tmp_path, estate):
    first_plugin, first = run(tmp_path, estate.emulator, **cache_options(tmp_path))
    assert estate.operations() == ["ListClusters", "ListFolders"]
    assert first_plugin.requests_sent == 2
    # A change the cached listing cannot know of.
    estate.emulator.admin.delete(cluster_path(estate.orders))
    estate.restart()

    plugin, second = run(tmp_path, estate.emulator, plans=["DEDICATED"], **cache_options(tmp_path))
    assert estate.requests() == [] and plugin.requests_sent == 0
    assert sorted(second.hosts) == ["billing-eu", "orders-prod"]  # filters apply to the cached listing
    assert hostvars(second, "orders-prod") == hostvars(first, "orders-prod")
    cached = "".join(p.read_text() for p in (tmp_path / "cache").iterdir())
    assert estate.orders["id"] in cached
    assert estate.emulator.admin_key not in cached  # the key is never stored

    plugin, third = run(tmp_path, estate.emulator, parse_cache=False, plans=["DEDICATED"],
                        **cache_options(tmp_path))  # --flush-cache
    assert estate.operations() == ["ListClusters", "ListFolders"] and plugin.requests_sent == 2
    assert list(third.hosts) == ["billing-eu"]


def test_cache_is_refreshed_when_it_lacks_what_the_run_needs(tmp_path, estate):
    run(tmp_path, estate.emulator, **cache_options(tmp_path))
    estate.restart()
    # Deleted clusters were not in the cached listing: read again, with them.
    _plugin, inventory = run(tmp_path, estate.emulator, show_inactive=True, **cache_options(tmp_path))
    assert estate.operations() == ["ListClusters", "ListFolders"] and len(inventory.hosts) == 4
    assert estate.requests()[0]["query"]["show_inactive"] == ["true"]
    estate.restart()
    # A listing with the deleted ones also serves a run without them.
    _plugin, inventory = run(tmp_path, estate.emulator, **cache_options(tmp_path))
    assert estate.requests() == [] and sorted(inventory.hosts) == ["billing-eu", "orders-prod", "web-dev"]
    assert hostvars(inventory, "web-dev")["id"] == estate.web["id"]
    # The same URL spelled with a trailing slash is the same API.
    run(tmp_path, estate.emulator, api_url=URL + "/", **cache_options(tmp_path))
    assert estate.requests() == []


def test_cache_is_kept_apart_by_api_url_and_key(tmp_path, estate):
    run(tmp_path, estate.emulator, **cache_options(tmp_path))
    # Another key never gets this listing: it may see fewer clusters (this one reads /prod only).
    secret = make_key(estate.emulator, [{"name": "CLUSTER_DEVELOPER",
                                         "resource": {"type": "FOLDER", "id": estate.prod["resource_id"]}}])
    estate.restart()
    plugin, inventory = run(tmp_path, estate.emulator, api_key=secret, client=estate.emulator.client(secret),
                            **cache_options(tmp_path))
    assert estate.operations() == ["ListClusters", "ListFolders"] and plugin.requests_sent == 2
    assert set(e["key"] for e in estate.requests()) == set([key_id(secret)])
    assert sorted(inventory.hosts) == ["billing-eu", "orders-prod"]
    cached = "".join(p.read_text() for p in (tmp_path / "cache").iterdir())
    assert secret not in cached and estate.emulator.admin_key not in cached
    # Nor the admin key that listing.
    estate.restart()
    _plugin, inventory = run(tmp_path, estate.emulator, **cache_options(tmp_path))
    assert estate.operations() == ["ListClusters", "ListFolders"] and len(inventory.hosts) == 3
    # Another API (URL) never gets the listing of this one.
    estate.restart()
    plugin, inventory = run(tmp_path, estate.emulator, api_url="http://other.emulator.test", **cache_options(tmp_path))
    assert estate.operations() == ["ListClusters", "ListFolders"] and plugin.requests_sent == 2


def test_cache_is_refreshed_for_a_folder_filter(tmp_path, emulator):
    make_cluster(emulator, "top-level")
    make_folder(emulator, "empty")
    mark = emulator.mark()
    run(tmp_path, emulator, **cache_options(tmp_path))
    assert emulator.operations(mark) == ["ListClusters"]  # no cluster in a folder: no folders cached
    mark = emulator.mark()
    _plugin, inventory = run(tmp_path, emulator, folder="/empty", **cache_options(tmp_path))
    assert emulator.operations(mark) == ["ListClusters", "ListFolders"] and list(inventory.hosts) == []
    mark = emulator.mark()
    _plugin, inventory = run(tmp_path, emulator, folder="/empty", **cache_options(tmp_path))
    assert emulator.operations(mark) == [] and list(inventory.hosts) == []


def test_cache_off_reads_every_time(tmp_path, estate):
    run(tmp_path, estate.emulator)
    run(tmp_path, estate.emulator)
    assert estate.operations() == ["ListClusters", "ListFolders"] * 2


# -- connection options and errors ---------------------------------------------------------------
def test_options_from_the_environment(tmp_path, estate, monkeypatch, built_clients):
    clients = built_clients(inventory_plugin)
    monkeypatch.setenv("COCKROACH_API_KEY", estate.emulator.admin_key)
    monkeypatch.setenv("COCKROACH_SERVER", URL)
    _plugin, inventory = run(tmp_path)
    assert len(inventory.hosts) == 3
    assert [c.base_url for c in clients] == [URL]
    assert set(e["key"] for e in estate.requests()) == set([key_id(estate.emulator.admin_key)])


def test_templated_options(tmp_path, estate, monkeypatch, built_clients):
    clients = built_clients(inventory_plugin)
    monkeypatch.setenv("TEST_CRDB_KEY", estate.emulator.admin_key)
    monkeypatch.setenv("TEST_CRDB_PLAN", "dedicated")
    _plugin, inventory = run(tmp_path, api_url="{{ '%s' }}" % URL,
                             api_key="{{ lookup('ansible.builtin.env', 'TEST_CRDB_KEY') }}",
                             plans=["{{ lookup('ansible.builtin.env', 'TEST_CRDB_PLAN') }}"])
    assert sorted(inventory.hosts) == ["billing-eu", "orders-prod"]
    assert len(clients) == 1
    assert set(e["key"] for e in estate.requests()) == set([key_id(estate.emulator.admin_key)])


def test_unknown_key(tmp_path, estate, built_clients):
    built_clients(inventory_plugin)
    with pytest.raises(AnsibleError) as failure:
        run(tmp_path, api_url=URL, api_key=UNKNOWN_KEY)
    message = str(failure.value)
    assert "GET /api/v1/clusters failed with HTTP 401: invalid or revoked API key" in message
    assert "COCKROACH_API_KEY" in message and "wrongwrong" not in message
    assert estate.emulator.since(estate.mark) == [("GET", "/api/v1/clusters", 401)]  # a 401 is not retried


def test_missing_key_fails_before_any_request(tmp_path, estate, built_clients):
    clients = built_clients(inventory_plugin)
    with pytest.raises(AnsibleParserError, match="no API key: set the api_key option or the COCKROACH_API_KEY"):
        run(tmp_path, api_url=URL)
    assert clients == [] and estate.requests() == []


def test_unreachable_api(tmp_path, refused_url):
    pauses = []
    client = CockroachClient(UNKNOWN_KEY, api_url=refused_url, sleep=pauses.append)
    # A refusal is not a busy server: one quick retry, not six attempts with backoff.
    with pytest.raises(AnsibleError, match=r"cannot reach %s: connection refused \(gave up after 2 attempts" % refused_url):
        run(tmp_path, api_url=refused_url, api_key=UNKNOWN_KEY, client=client)
    assert pauses == [0.5]


def test_server_error_is_reported(tmp_path, estate):
    control(estate.emulator, "PUT", "faults", {"rate": 1.0, "kinds": ["403"]})
    with pytest.raises(AnsibleError) as failure:
        run(tmp_path, estate.emulator)
    assert "GET /api/v1/clusters failed with HTTP 403: injected fault" in str(failure.value)
    assert "lacks a role" in str(failure.value)  # the hint for a 403
    assert estate.emulator.since(estate.mark) == [("GET", "/api/v1/clusters", 403)]  # a 403 is not retried


def test_busy_server_is_retried(tmp_path, estate):
    control(estate.emulator, "PUT", "faults", {"rate": 1.0, "kinds": ["503"]})
    client = estate.emulator.client()
    with pytest.raises(AnsibleError, match="HTTP 503: injected fault"):
        run(tmp_path, estate.emulator, client=client)
    assert estate.emulator.since(estate.mark) == [("GET", "/api/v1/clusters", 503)] * client.max_attempts


@pytest.mark.parametrize("filename, wanted", [
    ("prod.cockroach.yml", True), ("cockroach.yaml", True), ("my-cockroach.yaml", True),
    ("inventory.yml", False), ("cockroach.json", False),
])
def test_verify_file(tmp_path, filename, wanted):
    path = tmp_path / filename
    path.write_text("plugin: %s\n" % PLUGIN)
    assert inventory_loader.get(PLUGIN).verify_file(str(path)) is wanted


# -- the live service's plans ----------------------------------------------------------------------
def test_live_plans_group_by_tier_and_by_kind(tmp_path, live):
    live.cluster("web-basic", plan="BASIC")
    live.cluster("web-standard", plan="STANDARD")
    live.cluster("orders-prod", plan="ADVANCED", provider="AWS")
    _plugin, inventory = run(tmp_path, live)
    assert hostvars(inventory, "web-standard")["plan"] == "STANDARD"
    assert hosts_of(inventory, "plan_serverless") == ["web-basic", "web-standard"]
    assert hosts_of(inventory, "plan_standard") == ["web-standard"]
    assert hosts_of(inventory, "plan_basic") == ["web-basic"]
    assert hosts_of(inventory, "plan_dedicated") == hosts_of(inventory, "plan_advanced") == ["orders-prod"]


@pytest.mark.parametrize("plans, expected", [
    (["serverless"], ["web-basic", "web-standard"]), (["Standard"], ["web-standard"]),
    (["DEDICATED"], ["orders-prod"]), (["advanced", "basic"], ["orders-prod", "web-basic"]),
])
def test_live_plans_filter_in_either_vocabulary(tmp_path, live, plans, expected):
    live.cluster("web-basic", plan="BASIC")
    live.cluster("web-standard", plan="STANDARD")
    live.cluster("orders-prod", plan="ADVANCED", provider="AWS")
    _plugin, inventory = run(tmp_path, live, plans=plans)
    assert sorted(inventory.hosts) == expected


def test_a_tier_filter_matches_its_kind_on_a_contract_server(tmp_path, estate):
    _plugin, inventory = run(tmp_path, estate.emulator, plans=["advanced"])
    assert sorted(inventory.hosts) == ["billing-eu", "orders-prod"]


# -- the live service's folders --------------------------------------------------------------------
def test_live_folder_groups_read_the_lineage_of_folders(tmp_path, live):
    """The live service's folder path is the list of the folders above it: the folder host
    variable and the folder groups are the same as with the contract's string paths."""
    prod = make_folder(live, "prod")
    assert prod["path"] == []  # (the live shape)
    eu = make_folder(live, "eu west", parent=prod)
    assert eu["path"] == [{"id": prod["resource_id"], "name": "prod"}]
    orders = live.cluster("orders-prod", parent_id=prod["resource_id"])
    live.cluster("billing-eu", parent_id=eu["resource_id"])
    _plugin, inventory = run(tmp_path, live)
    assert hostvars(inventory, "orders-prod")["folder"] == "/prod"
    assert hostvars(inventory, "orders-prod")["parent_id"] == orders["parent_id"] == prod["resource_id"]
    assert hostvars(inventory, "billing-eu")["folder"] == "/prod/eu west"
    assert hosts_of(inventory, "folder_prod") == ["billing-eu", "orders-prod"]
    assert hosts_of(inventory, "folder_prod_eu_west") == ["billing-eu"]
    _plugin, inventory = run(tmp_path, live, folder="/prod/eu west")
    assert sorted(inventory.hosts) == ["billing-eu"]
