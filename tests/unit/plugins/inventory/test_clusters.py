# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The cockroachdb.cloud.clusters inventory plugin, through Ansible's own loader and
inventory objects, against the fake API over HTTP (tests/unit/plugins/fake_api.py)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
import sys

import pytest

from ansible.errors import AnsibleError, AnsibleParserError
from ansible.inventory.data import InventoryData
from ansible.parsing.dataloader import DataLoader
from ansible.plugins.loader import inventory_loader

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import CockroachClient
from ansible_collections.cockroachdb.cloud.tests.unit.plugins.fake_api import API_KEY, make_cluster, make_folder

PLUGIN = "cockroachdb.cloud.clusters"


def run(tmp_path, api=None, parse_cache=True, filename="test.cockroach.yml", client=None, **options):
    """Parse an inventory file holding ``options``; returns (plugin, inventory).

    ``parse_cache=False`` is what ``ansible-inventory --flush-cache`` passes to parse().
    """
    config = {"plugin": PLUGIN}
    if api is not None:
        config.update(api_url=api.url, api_key=API_KEY)
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


@pytest.fixture
def estate(fake_api):
    """Four clusters: two in folders (/prod, /prod/eu), one serverless at the top, one deleted."""
    prod = make_folder("prod")
    eu = make_folder("eu west", parent=prod)
    lab = make_folder("lab")
    clusters = [
        make_cluster("orders-prod", plan="DEDICATED", provider="AWS", regions={"us-east-1": 3, "us-west-2": 4},
                     labels={"env": "prod", "team": "orders"}, parent_id=prod["resource_id"]),
        make_cluster("billing-eu", plan="DEDICATED", provider="GCP", regions={"europe-west1": 3},
                     labels={"env": "prod", "tier": 1}, parent_id=eu["resource_id"], state="LOCKED"),
        make_cluster("web-dev", labels={"env": "dev"}),
        make_cluster("web-dev", state="DELETED"),
    ]
    return fake_api(clusters, [prod, eu, lab])


# -- hosts, host variables, default groups ------------------------------------------------------
def test_hosts_hostvars_and_default_groups(tmp_path, estate):
    _plugin, inventory = run(tmp_path, estate)

    assert sorted(inventory.hosts) == ["billing-eu", "orders-prod", "web-dev"]
    orders = estate.clusters[0]
    assert hostvars(inventory, "orders-prod") == {
        "id": orders["id"], "cluster_name": "orders-prod", "plan": "DEDICATED", "provider": "AWS",
        "state": "CREATED", "operation_status": "UNSPECIFIED", "cockroach_version": "v24.3.8",
        "regions": ["us-east-1", "us-west-2"], "node_count": 7, "region_nodes": {"us-east-1": 3, "us-west-2": 4},
        "sql_dns": orders["sql_dns"], "labels": {"env": "prod", "team": "orders"}, "folder": "/prod",
        "parent_id": orders["parent_id"], "created_at": orders["created_at"],
        "ansible_host": orders["sql_dns"], "ansible_connection": "local",
    }
    web = hostvars(inventory, "web-dev")
    assert (web["folder"], web["parent_id"], web["node_count"], web["region_nodes"]) == ("/", "root", 0, {"us-central1": 0})
    assert "name" not in web  # reserved by ansible-core: it would warn on every playbook run

    assert hosts_of(inventory, "plan_dedicated") == ["billing-eu", "orders-prod"]
    assert hosts_of(inventory, "plan_serverless") == ["web-dev"]
    assert hosts_of(inventory, "provider_aws") == ["orders-prod"]
    assert hosts_of(inventory, "provider_gcp") == ["billing-eu", "web-dev"]
    assert hosts_of(inventory, "region_us_east_1") == hosts_of(inventory, "region_us_west_2") == ["orders-prod"]
    assert hosts_of(inventory, "region_europe_west1") == ["billing-eu"]
    assert hosts_of(inventory, "state_created") == ["orders-prod", "web-dev"]
    assert hosts_of(inventory, "state_locked") == ["billing-eu"]
    # Folder groups nest like the folders: folder_prod holds folder_prod_eu_west.
    assert hosts_of(inventory, "folder_prod") == ["billing-eu", "orders-prod"]
    assert [g.name for g in inventory.groups["folder_prod"].child_groups] == ["folder_prod_eu_west"]
    assert hosts_of(inventory, "folder_prod_eu_west") == ["billing-eu"]
    assert "folder_lab" not in inventory.groups  # no cluster there
    assert "state_deleted" not in inventory.groups


def test_reads_every_page_at_500_and_folders_once(tmp_path, fake_api):
    folder = make_folder("bulk")
    clusters = [make_cluster("bulk-%05d" % i, parent_id=folder["resource_id"] if i == 1233 else "root")
                for i in range(1234)]
    api = fake_api(clusters, [folder])
    plugin, inventory = run(tmp_path, api)

    assert len(inventory.hosts) == 1234
    assert api.paths() == ["/api/v1/clusters"] * 3 + ["/api/v1/folders"]
    assert [q.get("pagination.limit") for _m, _p, q in api.requests] == ["500"] * 4
    assert [q.get("pagination.page") for _m, _p, q in api.requests[:3]] == [None, "500", "1000"]
    assert plugin.requests_sent == 4
    assert hosts_of(inventory, "folder_bulk") == ["bulk-01233"]


def test_no_folder_listing_when_every_cluster_is_at_the_top(tmp_path, fake_api):
    api = fake_api([make_cluster("top-level")], [make_folder("unused")])
    _plugin, inventory = run(tmp_path, api)
    assert api.paths() == ["/api/v1/clusters"]
    assert hostvars(inventory, "top-level")["folder"] == "/"


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
    _plugin, inventory = run(tmp_path, estate, **options)
    assert sorted(inventory.hosts) == expected
    assert all("show_inactive" not in q for _m, _p, q in estate.requests)


def test_show_inactive_and_deleted_state(tmp_path, estate):
    _plugin, inventory = run(tmp_path, estate, show_inactive=True)
    deleted_id = estate.clusters[3]["id"]
    # The live web-dev keeps its name; the deleted one that had it before gets its id.
    assert sorted(inventory.hosts) == sorted(["billing-eu", "orders-prod", "web-dev", deleted_id])
    assert hostvars(inventory, "web-dev")["state"] == "CREATED"
    assert hosts_of(inventory, "state_deleted") == [deleted_id]
    assert estate.requests[0][2]["show_inactive"] == "true"

    estate.clear()
    _plugin, inventory = run(tmp_path, estate, states=["DELETED"])  # implies show_inactive
    assert list(inventory.hosts) == ["web-dev"]  # the name is free: the live web-dev is filtered out
    assert hostvars(inventory, "web-dev")["id"] == deleted_id
    assert estate.requests[0][2]["show_inactive"] == "true"


@pytest.mark.parametrize("options, words", [
    (dict(plans=["FOO"]), ["'FOO'", "plans", "SERVERLESS, DEDICATED"]),
    (dict(providers=["aws", "IBM"]), ["'IBM'", "providers", "AWS, GCP, AZURE"]),
    (dict(states=["RUNNING"]), ["'RUNNING'", "states", "CREATING, CREATED, CREATION_FAILED, LOCKED, DELETED"]),
    (dict(hostvars_prefix="9x"), ["hostvars_prefix"]),
    (dict(hostnames=[""]), ["hostnames"]),
])
def test_bad_options_fail_before_any_request(tmp_path, estate, options, words):
    with pytest.raises(AnsibleParserError) as failure:
        run(tmp_path, estate, **options)
    for word in words:
        assert word in str(failure.value)
    assert estate.requests == []


def test_unknown_folder_names_the_existing_ones(tmp_path, estate):
    with pytest.raises(AnsibleParserError, match=r"folder /nope does not exist; folders: /lab, /prod, /prod/eu west"):
        run(tmp_path, estate, folder="/nope")


def test_folder_filter_reads_folders_even_when_all_clusters_are_at_the_top(tmp_path, fake_api):
    api = fake_api([make_cluster("top-level")], [make_folder("empty")])
    _plugin, inventory = run(tmp_path, api, folder="/empty")
    assert list(inventory.hosts) == []
    assert api.paths() == ["/api/v1/clusters", "/api/v1/folders"]


# -- host names ----------------------------------------------------------------------------------
def test_hostnames_first_non_empty_wins(tmp_path, estate):
    _plugin, inventory = run(tmp_path, estate, hostnames=[
        "labels.team",                                  # an expression; undefined for most: skipped
        "{{ name }}.{{ provider | lower }}",            # a template; `name` stands for cluster_name
    ])
    assert sorted(inventory.hosts) == ["billing-eu.gcp", "orders", "web-dev.gcp"]


def test_hostnames_field_names(tmp_path, estate):
    _plugin, inventory = run(tmp_path, estate, hostnames=["sql_dns"])
    assert sorted(inventory.hosts) == sorted(c["sql_dns"] for c in estate.clusters[:3])
    _plugin, inventory = run(tmp_path, estate, hostnames=["id"])
    assert sorted(inventory.hosts) == sorted(c["id"] for c in estate.clusters[:3])


def test_hostnames_that_collide_fall_back_to_the_cluster_name(tmp_path, estate):
    _plugin, inventory = run(tmp_path, estate, hostnames=["plan"])
    # DEDICATED goes to the first dedicated cluster; the second keeps its own name.
    assert sorted(inventory.hosts) == ["DEDICATED", "SERVERLESS", "billing-eu"]


def test_strict_hostnames_fail_on_an_undefined_variable(tmp_path, estate):
    with pytest.raises(AnsibleParserError, match="hostnames entry 'labels.team'"):
        run(tmp_path, estate, hostnames=["labels.team", "cluster_name"], strict=True)


# -- constructed features --------------------------------------------------------------------------
def test_prefix_compose_groups_and_keyed_groups(tmp_path, estate):
    _plugin, inventory = run(
        tmp_path, estate, hostvars_prefix="crdb_",
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
    _plugin, inventory = run(tmp_path, estate, compose={"broken": "nope.x", "fine": "cluster_name | upper"})
    assert sorted(inventory.hosts) == ["billing-eu", "orders-prod", "web-dev"]
    assert "broken" not in hostvars(inventory, "web-dev")
    assert hostvars(inventory, "web-dev")["fine"] == "WEB-DEV"
    with pytest.raises(AnsibleError, match="Could not set broken"):
        run(tmp_path, estate, compose={"broken": "nope.x"}, strict=True)


def test_connection_option(tmp_path, estate):
    _plugin, inventory = run(tmp_path, estate, connection="")
    assert "ansible_connection" not in hostvars(inventory, "web-dev")
    _plugin, inventory = run(tmp_path, estate, connection="ansible.builtin.local")
    assert hostvars(inventory, "web-dev")["ansible_connection"] == "ansible.builtin.local"


def test_hosts_run_modules_with_the_controllers_python_by_default(tmp_path, estate):
    _plugin, inventory = run(tmp_path, estate)
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
    _plugin, inventory = run(tmp_path, estate, **options)
    group = inventory.groups.get("cockroach_clusters")
    assert (group.get_vars().get("ansible_python_interpreter") if group else None) == expected


def test_api_data_is_never_templated(tmp_path, fake_api):
    api = fake_api([make_cluster("tricky-one", labels={"note": "{{ 6 * 7 }}"})])
    _plugin, inventory = run(tmp_path, api, compose={"note": "labels.note"})
    assert hostvars(inventory, "tricky-one")["note"] == "{{ 6 * 7 }}"


# -- cache ---------------------------------------------------------------------------------------
def cache_options(tmp_path):
    return dict(cache=True, cache_plugin="ansible.builtin.jsonfile", cache_connection=str(tmp_path / "cache"),
                cache_timeout=300)


def test_cache_second_run_sends_no_request(tmp_path, estate):
    first_plugin, first = run(tmp_path, estate, **cache_options(tmp_path))
    assert estate.paths() == ["/api/v1/clusters", "/api/v1/folders"]
    assert first_plugin.requests_sent == 2
    estate.clear()

    plugin, second = run(tmp_path, estate, plans=["DEDICATED"], **cache_options(tmp_path))
    assert estate.requests == [] and plugin.requests_sent == 0
    assert sorted(second.hosts) == ["billing-eu", "orders-prod"]  # filters apply to the cached listing
    assert hostvars(second, "orders-prod") == hostvars(first, "orders-prod")
    cached = (tmp_path / "cache").iterdir()
    assert API_KEY not in "".join(p.read_text() for p in cached)  # the key is never stored

    _plugin, _inventory = run(tmp_path, estate, parse_cache=False, **cache_options(tmp_path))  # --flush-cache
    assert estate.paths() == ["/api/v1/clusters", "/api/v1/folders"]


def test_cache_is_refreshed_when_it_lacks_what_the_run_needs(tmp_path, estate, fake_api):
    run(tmp_path, estate, **cache_options(tmp_path))
    estate.clear()
    # Deleted clusters were not in the cached listing: read again, with them.
    _plugin, inventory = run(tmp_path, estate, show_inactive=True, **cache_options(tmp_path))
    assert len(estate.requests) == 2 and len(inventory.hosts) == 4
    estate.clear()
    # A listing with the deleted ones also serves a run without them.
    _plugin, inventory = run(tmp_path, estate, **cache_options(tmp_path))
    assert estate.requests == [] and len(inventory.hosts) == 3
    # Another API (URL) never gets this listing.
    other = fake_api([make_cluster("elsewhere")])
    _plugin, inventory = run(tmp_path, other, **cache_options(tmp_path))
    assert list(inventory.hosts) == ["elsewhere"] and len(other.requests) == 1


def test_cache_off_reads_every_time(tmp_path, estate):
    run(tmp_path, estate)
    run(tmp_path, estate)
    assert estate.paths() == ["/api/v1/clusters", "/api/v1/folders"] * 2


# -- connection options and errors ---------------------------------------------------------------
def test_options_from_the_environment(tmp_path, estate, monkeypatch):
    monkeypatch.setenv("COCKROACH_API_KEY", API_KEY)
    monkeypatch.setenv("COCKROACH_SERVER", estate.url)
    _plugin, inventory = run(tmp_path)
    assert len(inventory.hosts) == 3


def test_templated_options(tmp_path, estate, monkeypatch):
    monkeypatch.setenv("TEST_CRDB_KEY", API_KEY)
    monkeypatch.setenv("TEST_CRDB_PLAN", "dedicated")
    _plugin, inventory = run(tmp_path, api_url="{{ '%s' }}" % estate.url,
                             api_key="{{ lookup('ansible.builtin.env', 'TEST_CRDB_KEY') }}",
                             plans=["{{ lookup('ansible.builtin.env', 'TEST_CRDB_PLAN') }}"])
    assert sorted(inventory.hosts) == ["billing-eu", "orders-prod"]


def test_wrong_key(tmp_path, estate):
    with pytest.raises(AnsibleError) as failure:
        run(tmp_path, api_url=estate.url, api_key="CCDB1_wrongwrongwrongwrongwr_" + "x" * 40)
    message = str(failure.value)
    assert "GET /api/v1/clusters failed with HTTP 401: invalid or revoked API key" in message
    assert "COCKROACH_API_KEY" in message and "wrongwrong" not in message


def test_missing_key_fails_before_any_request(tmp_path, estate):
    with pytest.raises(AnsibleParserError, match="no API key: set the api_key option or the COCKROACH_API_KEY"):
        run(tmp_path, api_url=estate.url)
    assert estate.requests == []


def test_unreachable_api(tmp_path, refused_url):
    client = CockroachClient(API_KEY, api_url=refused_url, sleep=lambda seconds: None)
    # A refusal is not a busy server: one quick retry, not six attempts with backoff.
    with pytest.raises(AnsibleError, match=r"cannot reach %s: connection refused \(gave up after 2 attempts" % refused_url):
        run(tmp_path, api_url=refused_url, api_key=API_KEY, client=client)


def test_server_error_is_reported(tmp_path, estate):
    estate.errors.append((403, "the caller lacks a required role"))
    with pytest.raises(AnsibleError, match="HTTP 403: the caller lacks a required role"):
        run(tmp_path, estate)


@pytest.mark.parametrize("filename, wanted", [
    ("prod.cockroach.yml", True), ("cockroach.yaml", True), ("my-cockroach.yaml", True),
    ("inventory.yml", False), ("cockroach.json", False),
])
def test_verify_file(tmp_path, filename, wanted):
    path = tmp_path / filename
    path.write_text("plugin: %s\n" % PLUGIN)
    assert inventory_loader.get(PLUGIN).verify_file(str(path)) is wanted
