# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""cockroach_cluster's cases for the unit tests that go over every module (see _load.py)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.tests.unit.plugins.modules.cases._shared import NO_CLUSTER_ID, UNKNOWN_ID, bad, not_converted


def serverless(**more):
    """The options of a new serverless cluster, and ``more``."""
    spec = dict(name="web-app2", cloud_provider="GCP", regions=[{"name": "us-central1"}])
    spec.update(more)
    return spec


def dedicated(hardware=None, **more):
    """The options of a new dedicated cluster, ``hardware`` changing its ``dedicated`` (None: left out)."""
    given = dict(dict(num_virtual_cpus=4, storage_gib=15), **(hardware or {}))
    spec = dict(name="orders-db2", cloud_provider="AWS", regions=[{"name": "us-east-1", "node_count": 3}],
                dedicated=dict((k, v) for k, v in given.items() if v is not None))
    spec.update(more)
    return spec


#: test_bad_input.py: input the module refuses, each with the text of its message.
BAD_INPUT = [
    bad("name-malformed", "invalid cluster name 'Web_App'", **serverless(name="Web_App")),
    bad("name-empty", "invalid cluster name ''", **serverless(name="")),
    bad("name-and-id-missing", "one of the following is required: name, id", cloud_provider="GCP"),
    bad("id-not-a-uuid", "id must be a cluster id (a UUID", id="web-app"),
    bad("serverless-and-dedicated", "parameters are mutually exclusive: serverless|dedicated",
        **serverless(serverless={"spend_limit": 0}, dedicated={"storage_gib": 15})),
    bad("cpus-and-machine-type", "parameters are mutually exclusive: num_virtual_cpus|machine_type",
        **dedicated({"machine_type": "m6i.xlarge"})),
    bad("plan-not-a-choice", "plan must be basic, standard or advanced (or serverless, dedicated), got 'premium'",
        **serverless(plan="premium")),
    bad("tier-of-another-kind", "plan is dedicated but serverless options are set; use dedicated options",
        **serverless(plan="advanced", serverless={"usage_limits": {"request_unit_limit": 5}})),
    bad("provider-not-a-choice", "value of cloud_provider must be one of: AWS, GCP, AZURE, got: gcp",
        **serverless(cloud_provider="gcp")),
    bad("serverless-plan-with-dedicated-options", "plan is serverless but dedicated options are set",
        **serverless(plan="serverless", dedicated={"storage_gib": 15})),
    bad("regions-empty", "regions must name at least one region", **serverless(regions=[])),
    bad("region-twice", "regions must not repeat a region: us-central1, us-central1",
        **serverless(regions=[{"name": "us-central1"}, {"name": "us-central1"}])),
    bad("region-name-empty", "regions[0].name must not be empty", **serverless(regions=[{"name": " "}])),
    bad("region-without-name", ("missing required arguments: name", "regions"), **serverless(regions=[{}])),
    bad("two-primary-regions", "only one region can be primary, got us-central1, us-east1",
        **serverless(regions=[{"name": "us-central1", "primary": True}, {"name": "us-east1", "primary": True}])),
    bad("multi-region-serverless-without-primary", "a multi-region serverless cluster needs one region with primary",
        **serverless(plan="serverless", regions=[{"name": "us-central1"}, {"name": "us-east1"}])),
    bad("node-count-below-3", "region us-east-1 has node_count 1; a dedicated cluster needs at least 3",
        **dedicated(regions=[{"name": "us-east-1", "node_count": 1}])),
    bad("node-count-on-serverless", "node_count applies to dedicated clusters only",
        **serverless(plan="serverless", regions=[{"name": "us-central1", "node_count": 3}])),
    bad("primary-on-dedicated", "primary applies to serverless regions only",
        **dedicated(regions=[{"name": "us-east-1", "node_count": 3, "primary": True}])),
    bad("version-on-serverless", "cockroach_version applies to dedicated clusters only",
        **serverless(plan="serverless", cockroach_version="v24.3")),
    bad("version-patch-release", "cockroach_version takes a major version such as v24.3, got 'v24.3.1'",
        **dedicated(cockroach_version="v24.3.1")),
    bad("version-malformed", "cockroach_version must be a major version such as v24.3, got 'latest'",
        **dedicated(cockroach_version="latest")),
    bad("serverless-a-number", "serverless must be a dictionary of its options, got 0", **serverless(serverless=0)),
    bad("usage-limits-a-boolean", "serverless.usage_limits must be a dictionary of its options, got True",
        **serverless(serverless={"usage_limits": True})),
    bad("spend-limit-and-usage-limits", "serverless.spend_limit and serverless.usage_limits cannot be used together",
        **serverless(serverless={"spend_limit": 10, "usage_limits": {"request_unit_limit": 5}})),
    bad("spend-limit-negative", "serverless.spend_limit must be 0 or more, got -5",
        **serverless(serverless={"spend_limit": -5})),
    bad("usage-limit-negative", "serverless.usage_limits.storage_mib_limit must be 0 or more, got -1",
        **serverless(serverless={"usage_limits": {"storage_mib_limit": -1}})),
    bad("storage-negative", "dedicated.storage_gib must be at least 1, got -1", **dedicated({"storage_gib": -1})),
    bad("cpus-zero", "dedicated.num_virtual_cpus must be at least 1, got 0", **dedicated({"num_virtual_cpus": 0})),
    bad("disk-iops-negative", "dedicated.disk_iops must be 0 or more, got -3", **dedicated({"disk_iops": -3})),
    bad("machine-type-empty", "dedicated.machine_type must not be empty",
        **dedicated({"num_virtual_cpus": None, "machine_type": ""})),
    bad("storage-not-a-number", not_converted("storage_gib", "int"), **dedicated({"storage_gib": "lots"})),
    bad("visibility-not-a-choice", "value of network_visibility must be one of: PUBLIC, PRIVATE, got: internal",
        **dedicated({"network_visibility": "internal"})),
    bad("label-not-a-string", "label 'team' must have a string value, got 5", **serverless(labels={"team": 5})),
    bad("label-key-empty", "label keys must not be empty", **serverless(labels={"": "payments"})),
    bad("labels-not-a-dict", not_converted("labels", "dict"), **serverless(labels=["team"])),
    bad("folder-empty", "folder must not be empty", **serverless(folder="")),
    bad("folder-path-malformed", "folder /team/a*b: part 'a*b' is not a folder name", **serverless(folder="/team/a*b")),
    bad("wait-timeout-negative", "wait_timeout must be 0 or more seconds, got -1", **serverless(wait_timeout=-1)),
    bad("wait-not-a-bool", not_converted("wait", "bool"), **serverless(wait="soon")),
    bad("state-not-a-choice", "value of state must be one of: present, absent, got: deleted", name="web-app",
        state="deleted"),
    # They need the API: the cluster, the regions, the folders.
    bad("create-without-provider-and-regions", "to create cluster web-app2, also give: cloud_provider, regions",
        ["ListClusters"], name="web-app2"),
    bad("dedicated-create-without-hardware", "to create a dedicated cluster, give dedicated.storage_gib",
        ["ListClusters"], **dedicated(dedicated=None)),
    bad("unknown-region", "unknown region(s) for GCP serverless clusters: mars-1",
        ["ListClusters", "ListAvailableRegions"], **serverless(regions=[{"name": "mars-1"}])),
    bad("folder-does-not-exist", "folder /team does not exist",
        ["ListClusters", "ListAvailableRegions", "ListFolders"], **serverless(folder="/team")),
    bad("plan-change", "cluster web-app is SERVERLESS; its plan cannot change to DEDICATED", ["ListClusters"],
        name="web-app", dedicated={"storage_gib": 20}),
    bad("provider-change", "cluster web-app runs on GCP; its cloud provider cannot change to AWS", ["ListClusters"],
        name="web-app", cloud_provider="AWS"),
    bad("storage-shrinks", "storage_gib of cluster orders-db cannot shrink from 15 to 10", ["ListClusters"],
        name="orders-db", dedicated={"storage_gib": 10}),
    bad("visibility-change", "cluster orders-db has network visibility PUBLIC; it is set when a cluster is created",
        ["ListClusters"], name="orders-db", dedicated={"network_visibility": "PRIVATE"}),
    bad("id-unknown", NO_CLUSTER_ID, ["GetCluster"], id=UNKNOWN_ID, labels={"team": "payments"}),
    bad("delete-protected", "cluster orders-db has delete protection enabled; set delete_protection: false",
        ["ListClusters"], name="orders-db", state="absent"),
    # Issue 20: delete_protection=true was dropped by the delete of an unprotected cluster.
    bad("delete-protection-on-with-absent", "delete_protection only applies with state=present, not with "
                                            "state=absent: a delete takes only delete_protection=false",
        name="web-app", state="absent", delete_protection=True),
]

#: test_bad_input.py: input the module accepts, which the connection options' cases complete.
VALID_INPUT = dict(name="web-app")

#: test_options_used.py: where the module's ``only_with`` rules are declared (by name: a
#: description class of module_utils, or a name of the module itself).
RULES_FROM = ("Clusters",)
