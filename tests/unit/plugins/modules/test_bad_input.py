# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Bad input, module by module (issue 15): every module of plugins/modules fails with a
``msg`` that says what is wrong, never with a traceback, and sends no request where the
input can be judged without the API. An input that needs the API (a cluster that does not
exist, a region the cluster lacks) costs the reads it needs, and never a changing request.

Each case runs as the action plugin (plugins/plugin_utils/_in_process.py) runs a task
in-process, with the same function (``run_in_process`` of module_utils/_kit/runner.py: the
module's argument spec and options, the connection options, then ``run_task``), on the
in-process emulator, whose request log counts what the task sent. A table per module, ``bad(id, msg, reads, **args)``: ``msg`` is
text the message must hold (a tuple: each part), ``reads`` the operations the task may
read, in order (none: it must fail before any request). ``COMMON`` applies the shared
connection options' cases to every module; ``test_every_module_has_cases`` makes a module
without a table of its own fail the suite.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import collections
import copy
import importlib
import traceback

import pytest

from ansible_collections.cockroachdb.cloud.plugins import modules as modules_package
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.runner import client_for, run_in_process
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources import _cluster_lookup
from ansible_collections.cockroachdb.cloud.tests.unit.emulator import URL, install
from ansible_collections.cockroachdb.cloud.tests.unit.layout import MODULES

UNKNOWN_ID = "11111111-2222-4333-8444-555555555555"
ROLE_ARN = "arn:aws:iam::123456789012:role/cockroach"
KMS_KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
GCP_KEY = "projects/my-project/locations/us-central1/keyRings/cockroach/cryptoKeys/cmek"
VPCE = "vpce-0123456789abcdef0"
ISSUER = "https://accounts.example.com"
WHEN = "2026-11-28T10:00:00Z"
EARLIER = "2026-11-27T10:00:00Z"

Bad = collections.namedtuple("Bad", "id msg reads args")


def bad(case_id, msg, reads=(), **args):
    """One bad input: its pytest id, the text its ``msg`` holds, the reads it may cost."""
    return Bad(case_id, msg, tuple(reads), args)


def unsupported(module, option="bogus"):
    return "Unsupported parameters for (cockroachdb.cloud.%s) module: %s" % (module, option)


def not_converted(option, to):
    """ansible-core's message for a value of the wrong type (its wording varies by version)."""
    return ("'%s'" % option, "unable to convert to %s" % to)


NEITHER_EMAIL_NOR_ID = ("user 'carol.example.com' is not an email address (name@example.com), nor a user id (a UUID "
                        "such as 8c4b6a31-0c5f-4f6e-9d8a-2b7e1f3c4d5a): give the person's email or their user id")


NO_CLUSTER = "no cluster named 'nope-db' among 3 clusters"
NO_CLUSTER_ID = "no cluster with id %s" % UNKNOWN_ID
EMPTY_CLUSTER = "cluster must not be empty: give the name or the id of the cluster"


# -- the organization's clusters -----------------------------------------------------------------------

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


CLUSTER = [
    bad("name-malformed", "invalid cluster name 'Web_App'", **serverless(name="Web_App")),
    bad("name-empty", "invalid cluster name ''", **serverless(name="")),
    bad("name-and-id-missing", "one of the following is required: name, id", cloud_provider="GCP"),
    bad("id-not-a-uuid", "id must be a cluster id (a UUID", id="web-app"),
    bad("serverless-and-dedicated", "parameters are mutually exclusive: serverless|dedicated",
        **serverless(serverless={"spend_limit": 0}, dedicated={"storage_gib": 15})),
    bad("cpus-and-machine-type", "parameters are mutually exclusive: num_virtual_cpus|machine_type",
        **dedicated({"machine_type": "m6i.xlarge"})),
    bad("plan-not-a-choice", "value of plan must be one of: serverless, dedicated, got: standard",
        **serverless(plan="standard")),
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

CLUSTER_INFO = [
    bad("id-not-a-uuid", "id must be a cluster id (a UUID", id="web-app"),
    bad("name-empty", "name must not be empty", name=" "),
    bad("name-and-id", "parameters are mutually exclusive: name|id", name="web-app", id=UNKNOWN_ID),
    bad("plan-lowercase", "value of plan must be one of: SERVERLESS, DEDICATED, got: serverless", plan="serverless"),
    bad("os-not-a-choice", "value of os must be one of: MAC, LINUX, WINDOWS, got: BSD", os="BSD"),
    bad("detail-unknown", "value of details must be one or more of: backup_config, maintenance_window, "
                          "version_deferral. Got no match for: backups", details=["backups"]),
    bad("database-without-connection-string", "database only applies with include_connection_string=true",
        database="defaultdb"),
    bad("connection-options-without-it", "database, sql_user and os only apply with include_connection_string=true",
        database="defaultdb", sql_user="app", os="LINUX"),
    bad("state-empty", "state must not be empty", state=" "),
    bad("database-empty", "database must not be empty", include_connection_string=True, database=""),
    bad("sql-user-empty", "sql_user must not be empty", include_connection_string=True, sql_user=" "),
    bad("labels-not-a-dict", not_converted("labels", "dict"), labels=["team"]),
    bad("show-inactive-not-a-bool", not_converted("show_inactive", "bool"), show_inactive="all"),
]

CLUSTER_VERSION_INFO = [
    bad("unknown-option", unsupported("cockroach_cluster_version_info", "cluster"), cluster="web-app"),
    bad("request-timeout-negative", "request_timeout must be more than 0 seconds", request_timeout=-5),
    bad("request-timeout-not-a-number", not_converted("request_timeout", "float"), request_timeout="soon"),
    bad("api-key-blank", "no API key: set the api_key option or the COCKROACH_API_KEY environment variable",
        api_key="  "),
    bad("plain-http-to-a-remote-host", "refusing to send the API key in clear text to api.example.com",
        api_url="http://api.example.com"),
    bad("api-version-unknown", "GET /api/v1/cluster-versions failed with HTTP 400", ["ListMajorClusterVersions"],
        api_version="1999-01-01"),
]

REGION_INFO = [
    bad("provider-lowercase", "value of cloud_provider must be one of: AWS, GCP, AZURE, got: aws",
        cloud_provider="aws"),
    bad("provider-unknown", "value of cloud_provider must be one of: AWS, GCP, AZURE, got: IBM", cloud_provider="IBM"),
    bad("serverless-not-a-bool", not_converted("serverless", "bool"), serverless="sure"),
    bad("unknown-option", unsupported("cockroach_region_info", "name"), name="us-east-1"),
    bad("provider-a-list", "value of cloud_provider must be one of", cloud_provider=["AWS", "GCP"]),
]

# -- the organization --------------------------------------------------------------------------------

ORGANIZATION_INFO = [
    bad("unknown-option", unsupported("cockroach_organization_info", "name"), name="emulated-org"),
    bad("request-timeout-zero", "request_timeout must be more than 0 seconds", request_timeout=0),
    bad("request-timeout-not-a-number", not_converted("request_timeout", "float"), request_timeout="soon"),
    bad("validate-certs-not-a-bool", not_converted("validate_certs", "bool"), validate_certs="sometimes"),
    bad("api-key-empty", "no API key", api_key=""),
    bad("plain-http-to-a-remote-host", "refusing to send the API key in clear text", api_url="http://10.1.2.3:8080"),
    bad("api-version-unknown", "GET /api/v1/organization failed with HTTP 400", ["GetOrganizationInfo"],
        api_version="1999-01-01"),
]

FOLDER = [
    bad("path-root", "path is / (the organization's root, which is not a folder)", path="/"),
    bad("path-empty", "path must not be empty", path=""),
    bad("path-part-malformed", "path /team/a*b: part 'a*b' is not a folder name", path="/team/a*b"),
    bad("path-part-too-long", "is not a folder name: use 1 to 32 letters", path="/" + "x" * 33),
    bad("path-and-id", "parameters are mutually exclusive: path|id", path="/team", id=UNKNOWN_ID),
    bad("path-and-id-missing", "one of the following is required: path, id", new_path="/other"),
    bad("new-path-and-name", "parameters are mutually exclusive: new_path|name", path="/team", new_path="/x", name="y"),
    bad("new-path-empty", "new_path must not be empty", path="/team", new_path=""),
    bad("move-inside-itself", "folder /team cannot move to /team/sub, which is inside it", path="/team",
        new_path="/team/sub"),
    bad("name-malformed", "name 'a/b' is not a folder name", path="/team", name="a/b"),
    bad("parent-empty", "parent must not be empty", path="/team", parent=" "),
    bad("parents-with-absent", "parents only applies with state=present", path="/team", parents=True, state="absent"),
    bad("move-with-absent", "name and parent only apply with state=present, not with state=absent: to delete the "
                            "folder, leave them out", path="/team", name="x", parent="/", state="absent"),
    bad("id-empty", "id must not be empty", id=" "),
    bad("parent-does-not-exist", "folder /team does not exist, so /team/prod cannot be created", ["ListFolders"],
        path="/team/prod"),
    bad("parent-id-unknown", "parent: no folder with id nope (the organization has no folders)", ["ListFolders"],
        path="/team", parent="nope"),
    bad("id-unknown", "no folder with id %s" % UNKNOWN_ID, ["GetFolder"], id=UNKNOWN_ID),
]

FOLDER_INFO = [
    bad("path-empty", "path must not be empty", path=" "),
    bad("path-part-malformed", "path /team/a*b: part 'a*b' is not a folder name", path="/team/a*b"),
    bad("id-empty", "id must not be empty", id=""),
    bad("path-and-id", "parameters are mutually exclusive: path|id", path="/team", id=UNKNOWN_ID),
    bad("contents-without-folder", "contents needs the folder: give its path", contents=True),
    bad("contents-not-a-bool", not_converted("contents", "bool"), path="/", contents="all"),
]

INVOICE_INFO = [
    bad("id-empty", "id must not be empty", id=" "),
    bad("status-not-a-choice", "value of status must be one of: Finalized, Draft, got: Paid", status="Paid"),
    bad("status-lowercase", "value of status must be one of: Finalized, Draft, got: draft", status="draft"),
    bad("id-and-status", "parameters are mutually exclusive: id|status", id="inv-1", status="Draft"),
    bad("unknown-option", unsupported("cockroach_invoice_info", "since"), since=WHEN),
]

AUDIT_LOG_INFO = [
    bad("since-not-a-time", "since must be an RFC 3339 time such as 2026-11-28T10:00:00Z, got 'yesterday'",
        since="yesterday"),
    bad("since-a-date", "since must be an RFC 3339 time", since="2026-11-28"),
    bad("since-empty", "since must be an RFC 3339 time such as 2026-11-28T10:00:00Z, got ''", since=""),
    bad("until-month-13", "until must be an RFC 3339 time", until="2026-13-01T00:00:00Z"),
    bad("since-after-until", "since (2026-11-28T10:00:00Z) must be before until (2026-11-27T10:00:00Z)",
        since=WHEN, until=EARLIER),
    bad("limit-zero", "limit must be at least 1", limit=0),
    bad("limit-not-a-number", not_converted("limit", "int"), limit="many"),
    bad("page-size-too-large", "page_size must be between 1 and 1000, got 5000", page_size=5000),
    bad("page-size-zero", "page_size must be between 1 and 1000, got 0", page_size=0),
    bad("sort-order-not-a-choice", "value of sort_order must be one of: ASC, DESC, got: up", sort_order="up"),
]

SERVICE_ACCOUNT = [
    bad("name-empty", "name must not be empty", name=""),
    bad("name-too-long", "name must be at most 255 characters, got 256", name="x" * 256),
    bad("description-too-long", "description must be at most 1024 characters, got 1025", name="robot",
        description="d" * 1025),
    bad("new-name-empty", "new_name must not be empty", name="robot", new_name=" "),
    bad("new-name-with-absent", "new_name only applies with state=present", name="robot", new_name="bot",
        state="absent"),
    bad("new-name-and-id", "parameters are mutually exclusive: new_name|id", id=UNKNOWN_ID, new_name="bot"),
    bad("name-and-id-missing", "one of the following is required: name, id", description="CI"),
    bad("id-empty", "id must not be empty", id=" "),
    bad("rename-of-nothing", "service account 'ghost' does not exist, so it cannot be renamed to 'bot'",
        ["ListServiceAccounts"], name="ghost", new_name="bot"),
    bad("id-unknown", "no service account with id %s" % UNKNOWN_ID, ["GetServiceAccount"], id=UNKNOWN_ID,
        description="CI"),
]

SERVICE_ACCOUNT_INFO = [
    bad("name-empty", "name must not be empty: leave it out to list every service account", name=""),
    bad("id-empty", "id must not be empty: leave it out to list every service account", id=" "),
    bad("unknown-option", unsupported("cockroach_service_account_info", "description"), description="CI"),
    bad("api-key-blank", "no API key", api_key=" "),
    bad("request-timeout-negative", "request_timeout must be more than 0 seconds", request_timeout=-1),
]

API_KEY = [
    bad("name-without-service-account", "service_account is needed to find API key 'ci' by name", name="ci"),
    bad("name-empty", "name must not be empty", name="", service_account="robot"),
    bad("name-too-long", "name must be at most 100 characters, got 101", name="k" * 101, service_account="robot"),
    bad("service-account-empty", "service_account must not be empty", name="ci", service_account=" "),
    bad("new-name-and-id", "parameters are mutually exclusive: new_name|id", id="CCDB1_abc", new_name="ci2"),
    bad("name-and-id-missing", "one of the following is required: name, id", service_account="robot"),
    bad("id-empty", "id must not be empty", id=" "),
    bad("secret-file-with-absent", "secret_file only applies with state=present", name="ci", service_account="robot",
        secret_file="/tmp/ci.key", state="absent"),
    bad("fail-on-lost-secret-with-absent", "fail_on_lost_secret only applies with state=present: to delete the key, "
        "leave it out", name="ci", service_account="robot", fail_on_lost_secret=True, state="absent"),
    bad("fail-on-lost-secret-not-a-bool", not_converted("fail_on_lost_secret", "bool"), name="ci",
        service_account="robot", fail_on_lost_secret="maybe"),
    bad("secret-file-empty", "secret_file must not be empty", name="ci", service_account="robot", secret_file=" "),
    bad("secret-file-a-directory", "secret_file / is a directory", name="ci", service_account="robot",
        secret_file="/"),
    bad("secret-file-directory-missing", "the directory of secret_file /nonexistent/dir/ci.key does not exist",
        name="ci", service_account="robot", secret_file="/nonexistent/dir/ci.key"),
    bad("service-account-unknown", "no service account named 'ghost' among 1 service account",
        ["ListServiceAccounts"], name="ci", service_account="ghost"),
    bad("id-unknown", "no API key with id CCDB1_nope", ["GetApiKey"], id="CCDB1_nope"),
]

API_KEY_INFO = [
    bad("name-empty", "name must not be empty: leave it out to list every API key", name=""),
    bad("id-empty", "id must not be empty: leave it out to list every API key", id=" "),
    bad("service-account-empty", "service_account must not be empty", service_account=""),
    bad("unknown-option", unsupported("cockroach_api_key_info", "state"), state="present"),
    bad("request-timeout-negative", "request_timeout must be more than 0 seconds, got -1", request_timeout=-1),
]

JWT_ISSUER = [
    bad("issuer-url-http", "issuer_url must be an https URL such as https://accounts.example.com, got "
                           "'http://accounts.example.com'", issuer_url="http://accounts.example.com", jwks_id="k"),
    bad("issuer-url-no-scheme", "issuer_url must be an https URL", issuer_url="accounts.example.com"),
    bad("issuer-url-and-id-missing", "one of the following is required: issuer_url, id", jwks_id="k"),
    bad("id-empty", "id must not be empty", id=" "),
    bad("jwks-id-empty", "jwks_id must not be empty", issuer_url=ISSUER, jwks_id=""),
    bad("claim-blank", "claim must not be empty", issuer_url=ISSUER, claim=" "),
    bad("identity-empty", "identity_map[0] needs a non-empty token_identity", issuer_url=ISSUER,
        identity_map=[{"token_identity": "", "cc_identity": "ci@example.com"}]),
    bad("identity-mapped-twice", "identity_map[1] repeats the mapping of 'sub' to 'ci@example.com'", issuer_url=ISSUER,
        identity_map=[{"token_identity": "sub", "cc_identity": "ci@example.com"} for _i in range(2)]),
    bad("identity-incomplete", ("missing required arguments: cc_identity", "identity_map"), issuer_url=ISSUER,
        identity_map=[{"token_identity": "sub"}]),
    bad("create-without-jwks-id", "to create JWT issuer https://accounts.example.com, also give: jwks_id",
        ["ListJWTIssuers"], issuer_url=ISSUER),
    bad("id-unknown", "no JWT issuer with id %s" % UNKNOWN_ID, ["GetJWTIssuer"], id=UNKNOWN_ID, audience="x"),
]

JWT_ISSUER_INFO = [
    bad("issuer-url-empty", "issuer_url must not be empty: leave it out to list every JWT issuer", issuer_url=""),
    bad("id-empty", "id must not be empty: leave it out to list every JWT issuer", id=" "),
    bad("unknown-option", unsupported("cockroach_jwt_issuer_info", "jwks_id"), jwks_id="k"),
    bad("request-timeout-not-a-number", not_converted("request_timeout", "float"), request_timeout="1 minute"),
    bad("validate-certs-not-a-bool", not_converted("validate_certs", "bool"), validate_certs="maybe"),
]

ROLE_GRANT = [
    bad("role-unknown", "value of role must be one of: ORG_ADMIN", user="alice@example.com", role="GOD"),
    bad("role-lowercase", "got: org_admin", user="alice@example.com", role="org_admin"),
    bad("user-not-an-email", "user 'alice@' is not an email address (name@example.com), nor a user id",
        user="alice@", role="ORG_ADMIN"),
    bad("user-empty", "user must not be empty", user="", role="ORG_ADMIN"),
    bad("user-neither-email-nor-id", NEITHER_EMAIL_NOR_ID, user="carol.example.com", role="ORG_ADMIN"),
    bad("user-id-not-a-uuid", "user '12345' is not an email address (name@example.com), nor a user id (a UUID",
        user="12345", role="ORG_ADMIN"),
    bad("user-email-with-space", "user 'carol @example.com' is not an email address", user="carol @example.com",
        role="ORG_ADMIN"),
    bad("service-account-blank", "service_account must not be empty", service_account=" ", role="ORG_ADMIN"),
    bad("user-and-service-account", "parameters are mutually exclusive: user|service_account",
        user="alice@example.com", service_account="robot", role="ORG_ADMIN"),
    bad("nobody", "one of the following is required: user, service_account", role="ORG_ADMIN"),
    bad("org-role-on-a-cluster", "role ORG_ADMIN can only be granted on organization, not on cluster web-app",
        user="alice@example.com", role="ORG_ADMIN", resource="web-app"),
    bad("folder-path-as-cluster", "/team is a folder path, not a cluster", user="alice@example.com",
        role="CLUSTER_ADMIN", resource="/team", resource_type="CLUSTER"),
    bad("folder-without-resource", "resource_type FOLDER needs resource", user="alice@example.com",
        role="FOLDER_ADMIN", resource_type="FOLDER"),
    bad("folder-path-malformed", "resource /a*b: part 'a*b' is not a folder name", user="alice@example.com",
        role="FOLDER_ADMIN", resource="/a*b"),
    bad("resource-type-unknown", "value of resource_type must be one of: ORGANIZATION, FOLDER, CLUSTER, got: PROJECT",
        user="alice@example.com", role="ORG_ADMIN", resource_type="PROJECT"),
    bad("person-unknown", "no person with email nobody@example.com in the organization", ["GetPersonUsersByEmail"],
        user="nobody@example.com", role="ORG_ADMIN"),
    bad("service-account-unknown", "no service account named 'ghost' among 1 service account",
        ["ListServiceAccounts"], service_account="ghost", role="ORG_ADMIN"),
    bad("cluster-unknown", NO_CLUSTER, ["GetPersonUsersByEmail", "GetAllRolesForUser", "ListClusters"],
        user="alice@example.com", role="CLUSTER_ADMIN", resource="nope-db"),
    bad("folder-unknown", "folder /team does not exist", ["GetPersonUsersByEmail", "GetAllRolesForUser", "ListFolders"],
        user="alice@example.com", role="FOLDER_ADMIN", resource="/team"),
]

ROLE_GRANT_INFO = [
    bad("user-empty", "user must not be empty", user=""),
    bad("user-not-an-email", "user 'a@' is not an email address", user="a@"),
    bad("user-neither-email-nor-id", NEITHER_EMAIL_NOR_ID, user="carol.example.com"),
    bad("service-account-blank", "service_account must not be empty", service_account=" "),
    bad("user-and-service-account", "parameters are mutually exclusive: user|service_account",
        user="alice@example.com", service_account="robot"),
    bad("unknown-option", unsupported("cockroach_role_grant_info", "role"), role="ORG_ADMIN"),
]

USER_ROLES = [
    bad("grant-twice", "roles[0] and roles[1] both grant ORG_ADMIN on the organization; list each grant once",
        user="alice@example.com", roles=[{"role": "ORG_ADMIN"}, {"role": "ORG_ADMIN"}]),
    bad("same-cluster-spelled-twice", "roles[0] and roles[1] both grant CLUSTER_ADMIN on web-app",
        user="alice@example.com", roles=[{"role": "CLUSTER_ADMIN", "resource": "web-app"},
                                         {"role": "CLUSTER_ADMIN", "resource": "web-app", "resource_type": "CLUSTER"}]),
    bad("role-unknown", ("value of role must be one of", "got: GOD found in roles"), user="alice@example.com",
        roles=[{"role": "GOD"}]),
    bad("role-missing", ("missing required arguments: role", "roles"), user="alice@example.com",
        roles=[{"resource": "organization"}]),
    bad("org-role-on-a-cluster", "roles[0]: role ORG_ADMIN can only be granted on organization",
        user="alice@example.com", roles=[{"role": "ORG_ADMIN", "resource": "web-app"}]),
    bad("purge-with-absent", "purge applies to state=present only", user="alice@example.com",
        roles=[{"role": "ORG_ADMIN"}], purge=True, state="absent"),
    bad("roles-missing", "missing required arguments: roles", user="alice@example.com"),
    bad("user-neither-email-nor-id", NEITHER_EMAIL_NOR_ID, user="carol.example.com", roles=[{"role": "ORG_MEMBER"}]),
    bad("user-id-not-a-uuid", "user 'carol' is not an email address (name@example.com), nor a user id (a UUID",
        user="carol", roles=[{"role": "ORG_MEMBER"}]),
    bad("nobody", "one of the following is required: user, service_account", roles=[{"role": "ORG_MEMBER"}]),
    bad("roles-not-dicts", "dictionary requested", user="alice@example.com", roles=["ORG_ADMIN"]),
    bad("cluster-unknown", NO_CLUSTER, ["GetPersonUsersByEmail", "GetAllRolesForUser", "ListClusters"],
        user="alice@example.com", roles=[{"role": "CLUSTER_ADMIN", "resource": "nope-db"}]),
]

USER_INFO = [
    bad("email-missing", "missing required arguments: email"),
    bad("email-empty", "email '' is not an email address (name@example.com)", email=""),
    bad("email-without-domain", "email 'alice' is not an email address", email="alice"),
    bad("email-without-tld", "email 'alice@example' is not an email address", email="alice@example"),
    bad("email-with-space", "email 'a b@example.com' is not an email address", email="a b@example.com"),
    bad("include-roles-not-a-bool", not_converted("include_roles", "bool"), email="alice@example.com",
        include_roles="sure"),
    bad("unknown-option", unsupported("cockroach_user_info", "id"), email="alice@example.com", id=UNKNOWN_ID),
]

# -- inside a cluster ------------------------------------------------------------------------------------

ALLOWLIST = [
    bad("mask-out-of-range", "entries[0]: mask 33 is out of range", cluster="web-app",
        entries=[{"cidr": "10.0.0.0/33"}]),
    bad("cidr-and-cidr-ip", "entries[0]: give either cidr or cidr_ip with cidr_mask, not both", cluster="web-app",
        entries=[{"cidr": "10.0.0.0/8", "cidr_ip": "10.0.0.0"}]),
    bad("cidr-ip-without-mask", "entries[0]: cidr_ip needs cidr_mask", cluster="web-app",
        entries=[{"cidr_ip": "10.0.0.1"}]),
    bad("cidr-mask-without-ip", "entries[0]: cidr_mask needs cidr_ip", cluster="web-app", entries=[{"cidr_mask": 8}]),
    bad("ipv6", "entries[0]: '::1' is an IPv6 address", cluster="web-app", entries=[{"cidr": "::1/128"}]),
    bad("part-over-255", "entries[0]: '300.0.0.1' is not an IPv4 address", cluster="web-app",
        entries=[{"cidr": "300.0.0.1/32"}]),
    bad("leading-zeros", "entries[0]: '010.0.0.1' has a part with leading zeros", cluster="web-app",
        entries=[{"cidr": "010.0.0.1"}]),
    bad("cidr-empty", "entries[0]: cidr is empty", cluster="web-app", entries=[{"cidr": " "}]),
    bad("network-twice", "entries[0] and entries[1] both name the network 10.0.0.0/8", cluster="web-app",
        entries=[{"cidr": "10.0.0.0/8"}, {"cidr": "10.1.0.0/8"}]),
    bad("mask-a-word", not_converted("cidr_mask", "int"), cluster="web-app",
        entries=[{"cidr_ip": "10.0.0.0", "cidr_mask": "eight"}]),
    bad("state-not-a-choice", "value of state must be one of: present, absent, got: purged", cluster="web-app",
        entries=[{"cidr": "10.0.0.0/8"}], state="purged"),
    bad("purge-with-absent", "purge applies to state=present only", cluster="web-app", entries=[{"cidr": "10.0.0.0/8"}],
        purge=True, state="absent"),
    bad("entry-not-a-dict", "dictionary requested", cluster="web-app", entries=["10.0.0.0/8"]),
    bad("sql-not-a-bool", not_converted("sql", "bool"), cluster="web-app",
        entries=[{"cidr": "10.0.0.0/8", "sql": "yes please"}]),
    bad("entries-missing", "missing required arguments: entries", cluster="web-app"),
    bad("cluster-empty", EMPTY_CLUSTER, cluster="", entries=[{"cidr": "10.0.0.0/8"}]),
    bad("cluster-unknown", NO_CLUSTER, ["ListClusters"], cluster="nope-db", entries=[{"cidr": "10.0.0.0/8"}]),
]

ALLOWLIST_INFO = [
    bad("cluster-missing", "missing required arguments: cluster"),
    bad("cluster-empty", EMPTY_CLUSTER, cluster=""),
    bad("cluster-blank", EMPTY_CLUSTER, cluster="   "),
    bad("unknown-option", unsupported("cockroach_allowlist_info", "entries"), cluster="web-app", entries=[]),
    bad("cluster-unknown", NO_CLUSTER, ["ListClusters"], cluster="nope-db"),
    bad("cluster-id-unknown", NO_CLUSTER_ID, ["ListAllowlistEntries"], cluster=UNKNOWN_ID),
]

DATABASE = [
    bad("name-malformed", "invalid database name 'my.db'", cluster="web-app", name="my.db"),
    bad("name-too-long", "invalid database name", cluster="web-app", name="d" * 64),
    bad("name-empty", "name must not be empty", cluster="web-app", name=""),
    bad("new-name-malformed", "invalid database new_name 'bad/name'", cluster="web-app", name="orders",
        new_name="bad/name"),
    bad("new-name-with-absent", "new_name only applies with state=present", cluster="web-app", name="orders",
        new_name="sales", state="absent"),
    bad("name-and-databases", "parameters are mutually exclusive: name|databases", cluster="web-app", name="a",
        databases=["b"]),
    bad("name-and-purge", "parameters are mutually exclusive: name|purge", cluster="web-app", name="a", purge=True),
    bad("nothing-named", "one of the following is required: name, databases", cluster="web-app"),
    bad("database-twice", "databases[0] and databases[1] both name the database orders", cluster="web-app",
        databases=["orders", {"name": "orders"}]),
    bad("database-unknown-key", "databases[0]: unknown key owner", cluster="web-app",
        databases=[{"name": "orders", "owner": "app"}]),
    bad("database-a-number", "databases[0]: 5 is not a database name (a int); quote it in YAML", cluster="web-app",
        databases=[5]),
    bad("database-without-name", "databases[1]: name must not be empty", cluster="web-app", databases=["orders", {}]),
    bad("purge-with-absent", "purge applies to state=present only", cluster="web-app", databases=["orders"],
        purge=True, state="absent"),
    bad("cluster-empty", EMPTY_CLUSTER, cluster=" ", name="orders"),
    bad("rename-of-nothing", "database orders does not exist on cluster web-app, so it cannot be renamed to sales",
        ["ListClusters", "ListDatabases"], cluster="web-app", name="orders", new_name="sales"),
    bad("cluster-unknown", NO_CLUSTER, ["ListClusters"], cluster="nope-db", name="orders"),
]

DATABASE_INFO = [
    bad("name-empty", "name must not be empty: leave it out to list every one", cluster="web-app", name=""),
    bad("cluster-empty", EMPTY_CLUSTER, cluster=""),
    bad("unknown-option", unsupported("cockroach_database_info", "databases"), cluster="web-app", databases=["a"]),
    bad("cluster-missing", "missing required arguments: cluster", name="orders"),
    bad("cluster-unknown", NO_CLUSTER, ["ListClusters"], cluster="nope-db"),
    bad("cluster-id-unknown", NO_CLUSTER_ID, ["ListDatabases"], cluster=UNKNOWN_ID),
]

SQL_USER = [
    bad("name-uppercase", "invalid SQL user name 'Admin'", cluster="web-app", name="Admin", password="Long-enough-1"),
    bad("name-reserved", "SQL user name 'root' is reserved", cluster="web-app", name="root", password="Long-enough-1"),
    bad("name-empty", "name must not be empty", cluster="web-app", name="", password="Long-enough-1"),
    bad("password-too-short", "password is too short: a SQL user password needs at least 8 characters",
        cluster="web-app", name="app", password="x"),
    bad("always-without-password", "update_password=always needs a password", cluster="web-app", name="app",
        update_password="always"),
    bad("update-password-not-a-choice", "value of update_password must be one of: on_create, always, got: sometimes",
        cluster="web-app", name="app", password="Long-enough-1", update_password="sometimes"),
    bad("name-and-users", "parameters are mutually exclusive: name|users", cluster="web-app", name="app",
        users=[{"name": "b", "password": "Long-enough-1"}]),
    bad("password-and-users", "parameters are mutually exclusive: password|users", cluster="web-app",
        password="Long-enough-1", users=[{"name": "app"}]),
    bad("user-twice", "users[0] and users[1] both name the SQL user app", cluster="web-app",
        users=[{"name": "app", "password": "Long-enough-1"}, {"name": "app", "password": "Long-enough-2"}]),
    bad("user-name-starts-with-digit", "users[0]: invalid SQL user name '1app'", cluster="web-app",
        users=[{"name": "1app", "password": "Long-enough-1"}]),
    bad("user-password-too-short", "users[0] (SQL user app): password is too short", cluster="web-app",
        users=[{"name": "app", "password": "x"}]),
    bad("user-without-name", ("missing required arguments: name", "users"), cluster="web-app",
        users=[{"password": "Long-enough-1"}]),
    bad("purge-with-absent", "purge applies to state=present only", cluster="web-app", users=[{"name": "app"}],
        purge=True, state="absent"),
    bad("create-without-password", "SQL user app does not exist on cluster web-app: give a password to create it",
        ["ListClusters", "ListSQLUsers"], cluster="web-app", name="app"),
    bad("cluster-unknown", NO_CLUSTER, ["ListClusters"], cluster="nope-db", name="app", password="Long-enough-1"),
]

SQL_USER_INFO = [
    bad("name-empty", "name must not be empty: leave it out to list every one", cluster="web-app", name=" "),
    bad("cluster-empty", EMPTY_CLUSTER, cluster=""),
    bad("unknown-option", unsupported("cockroach_sql_user_info", "password"), cluster="web-app", password="x"),
    bad("cluster-missing", "missing required arguments: cluster"),
    bad("cluster-unknown", NO_CLUSTER, ["ListClusters"], cluster="nope-db"),
    bad("cluster-id-unknown", NO_CLUSTER_ID, ["ListSQLUsers"], cluster=UNKNOWN_ID),
]

BACKUP_CONFIG = [
    bad("nothing-to-set", "one of the following is required: enabled, frequency_minutes, retention_days",
        cluster="web-app"),
    bad("frequency-not-a-choice", "value of frequency_minutes must be one of: 5, 10, 15, 30, 60, 240, 1440, got: 7",
        cluster="web-app", frequency_minutes=7),
    bad("retention-not-a-choice", "value of retention_days must be one of: 2, 7, 30, 90, 365, got: 3",
        cluster="web-app", retention_days=3),
    bad("enabled-not-a-bool", not_converted("enabled", "bool"), cluster="web-app", enabled="kinda"),
    bad("state-not-an-option", unsupported("cockroach_backup_config", "state"), cluster="web-app", enabled=False,
        state="absent"),
    bad("cluster-empty", EMPTY_CLUSTER, cluster="", enabled=True),
    bad("wait-timeout-not-a-number", not_converted("wait_timeout", "int"), cluster="web-app", enabled=True,
        wait_timeout="ten"),
    bad("wait-timeout-negative", "wait_timeout must be 0 or more seconds, got -10", cluster="web-app", enabled=True,
        wait_timeout=-10),
    bad("cluster-unknown", NO_CLUSTER, ["ListClusters"], cluster="nope-db", enabled=True),
]

BACKUP_INFO = [
    bad("start-time-not-a-time", "start_time must be an RFC 3339 time such as 2026-11-28T10:00:00Z, got 'now'",
        cluster="web-app", start_time="now"),
    bad("start-time-february-30", "start_time must be an RFC 3339 time", cluster="web-app",
        start_time="2026-02-30T10:00:00Z"),
    bad("end-time-empty", "end_time must be an RFC 3339 time", cluster="web-app", end_time=""),
    bad("end-before-start", "end_time 2026-11-27T10:00:00Z is before start_time 2026-11-28T10:00:00Z",
        cluster="web-app", start_time=WHEN, end_time=EARLIER),
    bad("cluster-empty", EMPTY_CLUSTER, cluster=""),
    bad("unknown-option", unsupported("cockroach_backup_info", "id"), cluster="web-app", id="b"),
    bad("cluster-unknown", NO_CLUSTER, ["ListClusters"], cluster="nope-db"),
]

RESTORE = [
    bad("backup-id-empty", "backup_id must not be empty", cluster="web-app", backup_id=" "),
    bad("backup-id-missing", "missing required arguments: backup_id", cluster="web-app"),
    bad("ignore-restores-before-not-a-time", "ignore_restores_before must be an RFC 3339 time", cluster="web-app",
        backup_id="b", ignore_restores_before="yesterday"),
    bad("ignore-restores-before-in-the-future",
        ("ignore_restores_before 2099-01-01T00:00:00Z is in the future (now is ",
         "restores of the backup started before that time do not count as this task's"),
        cluster="web-app", backup_id="b", ignore_restores_before="2099-01-01T00:00:00Z"),
    bad("not-before-in-the-future", "ignore_restores_before (given as not_before) 2099-01-01T00:00:00Z is in the future",
        cluster="web-app", backup_id="b", not_before="2099-01-01T00:00:00Z"),
    bad("cluster-restore-with-objects", "a CLUSTER restore restores the whole cluster: leave target.objects out",
        cluster="web-app", backup_id="b", target={"type": "CLUSTER", "objects": [{"database": "orders"}]}),
    bad("database-restore-without-objects", "a DATABASE restore needs target.objects", cluster="web-app",
        backup_id="b", target={"type": "DATABASE"}),
    bad("table-restore-without-table", "target.objects[0] needs a table", cluster="web-app", backup_id="b",
        target={"type": "TABLE", "objects": [{"database": "orders"}]}),
    bad("database-restore-of-a-table", "target.objects[0] names a table, but a DATABASE restore", cluster="web-app",
        backup_id="b", target={"type": "DATABASE", "objects": [{"database": "orders", "table": "items"}]}),
    bad("object-twice", "target.objects must not name the same object twice", cluster="web-app", backup_id="b",
        target={"type": "DATABASE", "objects": [{"database": "orders"}, {"database": "orders"}]}),
    bad("object-database-empty", "target.objects[0] needs a database", cluster="web-app", backup_id="b",
        target={"type": "DATABASE", "objects": [{"database": " "}]}),
    bad("target-a-number", "target must be a dictionary of its options, got 1", cluster="web-app", backup_id="b",
        target=1),
    bad("target-type-not-a-choice", ("value of type must be one of: CLUSTER, DATABASE, TABLE, got: SCHEMA", "target"),
        cluster="web-app", backup_id="b", target={"type": "SCHEMA"}),
    bad("state-not-an-option", unsupported("cockroach_restore", "state"), cluster="web-app", backup_id="b",
        state="absent"),
    bad("backup-unknown", "backup nope is not among the 1 backups of cluster web-app",
        ["ListClusters", "ListRestores", "ListBackups"], cluster="web-app", backup_id="nope"),
]

RESTORE_INFO = [
    bad("id-empty", "id must not be empty: leave it out to list every restore", cluster="web-app", id=" "),
    bad("id-and-start-time", "parameters are mutually exclusive: id|start_time", cluster="web-app", id="r",
        start_time=WHEN),
    bad("start-time-not-a-time", "start_time must be an RFC 3339 time", cluster="web-app", start_time="bad"),
    bad("end-before-start", "end_time 2026-11-27T10:00:00Z is before start_time", cluster="web-app", start_time=WHEN,
        end_time=EARLIER),
    bad("cluster-empty", EMPTY_CLUSTER, cluster="", id="r"),
    bad("cluster-unknown", NO_CLUSTER, ["ListClusters"], cluster="nope-db"),
    bad("cluster-id-unknown", NO_CLUSTER_ID, ["GetRestore", "GetCluster"], cluster=UNKNOWN_ID, id="r"),
]

MAINTENANCE_WINDOW = [
    bad("day-7", "day_of_week must be from 0 to 6 (0 is Sunday, 6 is Saturday), got 7", cluster="web-app",
        day_of_week=7, start_hour=1),
    bad("day-negative", "day_of_week must be from 0 to 6", cluster="web-app", day_of_week=-1, start_hour=1),
    bad("hour-24", "start_hour must be from 0 to 23 (the hour of the day in UTC), got 24", cluster="web-app",
        day_of_week=1, start_hour=24),
    bad("duration-zero", "duration_hours must be from 1 to 168", cluster="web-app", day_of_week=1, start_hour=1,
        duration_hours=0),
    bad("duration-over-a-week", "duration_hours must be from 1 to 168 (how long the window lasts), got 169",
        cluster="web-app", day_of_week=1, start_hour=1, duration_hours=169),
    bad("day-a-name", not_converted("day_of_week", "int"), cluster="web-app", day_of_week="monday", start_hour=1),
    bad("cluster-empty", EMPTY_CLUSTER, cluster="", day_of_week=1, start_hour=1),
    bad("create-without-start-hour", "to set up maintenance window of cluster web-app, also give: start_hour",
        ["ListClusters", "GetMaintenanceWindow"], cluster="web-app", day_of_week=1),
    bad("cluster-unknown", NO_CLUSTER, ["ListClusters"], cluster="nope-db", day_of_week=1, start_hour=1),
]

VERSION_DEFERRAL = [
    bad("policy-not-a-choice", "value of deferral_policy must be one of: NOT_DEFERRED, FIXED_DEFERRAL, got: NEVER",
        cluster="web-app", deferral_policy="NEVER"),
    bad("policy-lowercase", "got: fixed_deferral", cluster="web-app", deferral_policy="fixed_deferral"),
    bad("policy-missing", "missing required arguments: deferral_policy", cluster="web-app"),
    bad("state-not-an-option", unsupported("cockroach_version_deferral", "state"), cluster="web-app",
        deferral_policy="FIXED_DEFERRAL", state="absent"),
    bad("cluster-empty", EMPTY_CLUSTER, cluster=" ", deferral_policy="FIXED_DEFERRAL"),
    bad("cluster-unknown", NO_CLUSTER, ["ListClusters"], cluster="nope-db", deferral_policy="FIXED_DEFERRAL"),
]

# -- dedicated clusters' features -------------------------------------------------------------------------


def cmek_specs(*regions):
    """Region specs with an AWS KMS key each (and no principal)."""
    return [{"region": region, "key": {"uri": KMS_KEY}} for region in regions]


CMEK = [
    bad("region-specs-empty", "region_specs must name at least one region and its key", cluster="orders-db",
        region_specs=[]),
    bad("uri-not-a-key", "region_specs[0].key.uri 'not-a-key' is not a key URI", cluster="orders-db",
        region_specs=[{"region": "us-east-1", "key": {"uri": "not-a-key"}}], auth_principal=ROLE_ARN),
    bad("uri-of-another-type", "region_specs[0].key.uri must be the resource name of a Cloud KMS key",
        cluster="orders-db", region_specs=[{"region": "us-east-1", "key": {"uri": KMS_KEY, "type": "GCP_CLOUD_KMS"}}],
        auth_principal=ROLE_ARN),
    bad("principal-missing", "region_specs[0].key needs an auth_principal", cluster="orders-db",
        region_specs=cmek_specs("us-east-1")),
    bad("principal-not-a-role", "region_specs[0].key.auth_principal must be the ARN of an AWS IAM role",
        cluster="orders-db", region_specs=cmek_specs("us-east-1"), auth_principal="bob"),
    bad("region-twice", "region_specs[0] and region_specs[1] both give a key for us-east-1", cluster="orders-db",
        region_specs=cmek_specs("us-east-1", "us-east-1"), auth_principal=ROLE_ARN),
    bad("region-empty", "region_specs[0] needs a region", cluster="orders-db",
        region_specs=[{"region": " ", "key": {"uri": KMS_KEY}}], auth_principal=ROLE_ARN),
    bad("key-a-number", "region_specs[0].key must be a dictionary of its options, got 0", cluster="orders-db",
        region_specs=[{"region": "us-east-1", "key": 0}]),
    bad("key-missing", ("missing required arguments: key", "region_specs"), cluster="orders-db",
        region_specs=[{"region": "us-east-1"}]),
    bad("action-with-region-specs", "action=rotate acts on the keys that CMEK has", cluster="orders-db",
        action="rotate", region_specs=cmek_specs("us-east-1"), auth_principal=ROLE_ARN),
    bad("principal-without-region-specs", "auth_principal only applies with region_specs: it is the default of "
                                          "region_specs[].key.auth_principal",
        cluster="orders-db", auth_principal=ROLE_ARN),
    bad("action-not-a-choice", "value of action must be one of: rotate, revoke, got: explode", cluster="orders-db",
        action="explode"),
    bad("principal-with-action", "auth_principal only applies with region_specs", cluster="orders-db", action="rotate",
        auth_principal=ROLE_ARN),
    bad("state-not-an-option", unsupported("cockroach_cmek", "state"), cluster="orders-db", state="absent"),
    bad("serverless-cluster", "CMEK is only available on dedicated clusters; cluster web-app is serverless",
        ["ListClusters"], cluster="web-app",
        region_specs=[{"region": "us-central1", "key": {"uri": GCP_KEY}}],
        auth_principal="cockroach-cmek@my-project.iam.gserviceaccount.com"),
    bad("region-not-the-clusters", "region_specs: eu-west-1 is not a region of cluster orders-db (us-east-1)",
        ["ListClusters", "GetCMEKClusterInfo"], cluster="orders-db",
        region_specs=[{"region": "eu-west-1", "key": {"uri": KMS_KEY}}], auth_principal=ROLE_ARN),
    bad("key-of-another-cloud", "the key of us-east-1 is of type GCP_CLOUD_KMS, which does not fit cluster orders-db",
        ["ListClusters", "GetCMEKClusterInfo"], cluster="orders-db",
        region_specs=[{"region": "us-east-1", "key": {"uri": GCP_KEY}}],
        auth_principal="cockroach-cmek@my-project.iam.gserviceaccount.com"),
    bad("rotate-before-setup", "CMEK of cluster orders-db is not set up: set it up with region_specs",
        ["ListClusters", "GetCMEKClusterInfo"], cluster="orders-db", action="rotate"),
]

CMEK_INFO = [
    bad("cluster-empty", EMPTY_CLUSTER, cluster=""),
    bad("unknown-option", unsupported("cockroach_cmek_info", "action"), cluster="orders-db", action="rotate"),
    bad("cluster-missing", "missing required arguments: cluster"),
    bad("serverless-cluster", "CMEK is only available on dedicated clusters; cluster web-app is serverless",
        ["ListClusters"], cluster="web-app"),
    bad("cluster-unknown", NO_CLUSTER, ["ListClusters"], cluster="nope-db"),
    bad("cluster-id-unknown", NO_CLUSTER_ID, ["GetCluster"], cluster=UNKNOWN_ID),
]

EGRESS_RULE = [
    bad("destination-a-url", "destination: 'https://api.example.com' holds a ':'", cluster="orders-db", name="api",
        destination="https://api.example.com"),
    bad("destination-with-port", "destination: 'api.example.com:443' holds a ':'", cluster="orders-db", name="api",
        destination="api.example.com:443"),
    bad("destination-not-a-host-name", "destination: 'localhost' is not a host name", cluster="orders-db", name="api",
        destination="localhost"),
    bad("destination-empty", "destination is empty", cluster="orders-db", name="api", destination=""),
    bad("network-as-fqdn", "destination: type FQDN needs a host name", cluster="orders-db", name="net",
        destination="10.0.0.0/8", type="FQDN"),
    bad("type-not-a-choice", "value of type must be one of: FQDN, CIDR, got: DNS", cluster="orders-db", name="api",
        destination="api.example.com", type="DNS"),
    bad("port-zero", "ports: port 0 is out of range; ports are 1 to 65535", cluster="orders-db", name="api",
        destination="api.example.com", ports=[0]),
    bad("port-twice", "ports: port 443 is listed twice", cluster="orders-db", name="api",
        destination="api.example.com", ports=[443, 443]),
    bad("port-a-name", not_converted("ports", "int"), cluster="orders-db", name="api", destination="api.example.com",
        ports=["https"]),
    bad("name-too-long", "is too long: an egress rule's name has at most 63 characters", cluster="orders-db",
        name="r" * 64, destination="api.example.com"),
    bad("name-empty", "name must not be empty", cluster="orders-db", name="", destination="api.example.com"),
    bad("description-too-long", "description is too long (256 characters): at most 255", cluster="orders-db",
        name="api", destination="api.example.com", description="d" * 256),
    bad("name-and-rules", "parameters are mutually exclusive: name|rules", cluster="orders-db", name="api",
        rules=[{"name": "api"}]),
    bad("rules-and-destination", "parameters are mutually exclusive: rules|destination", cluster="orders-db",
        rules=[{"name": "api"}], destination="api.example.com"),
    bad("rule-twice", "rules[0] and rules[1] both name the egress rule api", cluster="orders-db",
        rules=[{"name": "api", "destination": "api.example.com"}, {"name": "api", "destination": "b.example.com"}]),
    bad("rule-port-out-of-range", "rules[0].ports: port 70000 is out of range", cluster="orders-db",
        rules=[{"name": "api", "destination": "api.example.com", "ports": [70000]}]),
    bad("purge-with-absent", "purge applies to state=present only", cluster="orders-db", rules=[{"name": "api"}],
        purge=True, state="absent"),
    bad("serverless-cluster", "egress perimeter control is only available on dedicated clusters", ["ListClusters"],
        cluster="web-app", name="api", destination="api.example.com"),
    bad("create-without-destination", "to create egress rule api, also give: destination",
        ["ListClusters", "ListEgressRules"], cluster="orders-db", name="api"),
    bad("rules-create-without-destination", "egress rule api does not exist on cluster orders-db: give its destination",
        ["ListClusters", "ListEgressRules"], cluster="orders-db", rules=[{"name": "api"}]),
    bad("cluster-unknown", NO_CLUSTER, ["ListClusters"], cluster="nope-db", name="api", destination="api.example.com"),
]

EGRESS_RULE_INFO = [
    bad("name-empty", "name must not be empty: leave it out to list every one", cluster="orders-db", name=""),
    bad("cluster-empty", EMPTY_CLUSTER, cluster=""),
    bad("unknown-option", unsupported("cockroach_egress_rule_info", "rules"), cluster="orders-db", rules=[]),
    bad("cluster-missing", "missing required arguments: cluster", name="api"),
    bad("cluster-unknown", NO_CLUSTER, ["ListClusters"], cluster="nope-db"),
    bad("cluster-id-unknown", NO_CLUSTER_ID, ["ListEgressRules"], cluster=UNKNOWN_ID),
]

LOG_EXPORT = [
    bad("principal-not-a-role", "auth_principal must be the ARN of an AWS IAM role", cluster="orders-db",
        type="AWS_CLOUDWATCH", auth_principal="bob"),
    bad("principal-not-a-project", "auth_principal must be a GCP project id", cluster="analytics",
        type="GCP_CLOUD_LOGGING", auth_principal="My Project"),
    bad("principal-empty", "auth_principal must not be empty", cluster="orders-db", auth_principal=" "),
    bad("log-name-empty", "log_name must not be empty", cluster="orders-db", auth_principal=ROLE_ARN, log_name=""),
    bad("region-empty", "region must not be empty", cluster="orders-db", auth_principal=ROLE_ARN, region=""),
    bad("region-not-aws", "region must be an AWS region such as us-east-1, got 'mars'", cluster="orders-db",
        type="AWS_CLOUDWATCH", auth_principal=ROLE_ARN, region="mars"),
    bad("channel-unknown", "omitted_channels: unknown log channel(s) NOPE", cluster="orders-db",
        auth_principal=ROLE_ARN, omitted_channels=["NOPE"]),
    bad("channel-twice", "omitted_channels must not repeat a channel", cluster="orders-db", auth_principal=ROLE_ARN,
        omitted_channels=["DEV", "DEV"]),
    bad("group-without-channels", "groups[0].channels must name at least one log channel", cluster="orders-db",
        auth_principal=ROLE_ARN, groups=[{"log_name": "sql", "channels": []}]),
    bad("group-log-name-twice", "groups[1]: log_name 'sql' is used by another group", cluster="orders-db",
        auth_principal=ROLE_ARN,
        groups=[{"log_name": "sql", "channels": ["DEV"]}, {"log_name": "sql", "channels": ["OPS"]}]),
    bad("group-log-name-empty", "groups[0] needs a log_name", cluster="orders-db", auth_principal=ROLE_ARN,
        groups=[{"log_name": "", "channels": ["DEV"]}]),
    bad("group-level-not-a-choice", ("value of min_level must be one of: INFO, WARNING, ERROR, FATAL, got: DEBUG",
                                     "groups"), cluster="orders-db", auth_principal=ROLE_ARN,
        groups=[{"log_name": "sql", "channels": ["DEV"], "min_level": "DEBUG"}]),
    bad("type-not-a-choice", "value of type must be one of: AWS_CLOUDWATCH, GCP_CLOUD_LOGGING, got: DATADOG",
        cluster="orders-db", type="DATADOG"),
    bad("serverless-cluster", "log export is only available on dedicated clusters; cluster web-app is serverless",
        ["ListClusters"], cluster="web-app", auth_principal="my-project-1"),
    bad("type-of-another-cloud", "type GCP_CLOUD_LOGGING does not fit cluster orders-db on AWS: use AWS_CLOUDWATCH",
        ["ListClusters", "GetLogExportInfo"], cluster="orders-db", type="GCP_CLOUD_LOGGING",
        auth_principal="my-project-1"),
    bad("create-without-principal", "to set up log export of cluster orders-db, also give: auth_principal",
        ["ListClusters", "GetLogExportInfo"], cluster="orders-db"),
]

LOG_EXPORT_INFO = [
    bad("cluster-empty", EMPTY_CLUSTER, cluster=""),
    bad("unknown-option", unsupported("cockroach_log_export_info", "type"), cluster="orders-db", type="AWS_CLOUDWATCH"),
    bad("cluster-missing", "missing required arguments: cluster"),
    bad("serverless-cluster", "log export is only available on dedicated clusters", ["ListClusters"],
        cluster="web-app"),
    bad("cluster-unknown", NO_CLUSTER, ["ListClusters"], cluster="nope-db"),
    bad("cluster-id-unknown", NO_CLUSTER_ID, ["GetCluster"], cluster=UNKNOWN_ID),
]

METRIC_EXPORT = [
    bad("role-arn-malformed", "role_arn must be the ARN of an AWS IAM role", cluster="orders-db", type="cloudwatch",
        role_arn="arn:aws:iam::role/x"),
    bad("target-region-not-aws", "target_region must be an AWS region such as us-east-1, got 'mars'",
        cluster="orders-db", type="cloudwatch", role_arn=ROLE_ARN, target_region="mars"),
    bad("log-group-blank", "log_group_name must not be empty", cluster="orders-db", type="cloudwatch",
        role_arn=ROLE_ARN, log_group_name=" "),
    bad("datadog-option-on-cloudwatch", "site only applies with type=datadog, not with type=cloudwatch: leave it out",
        cluster="orders-db", type="cloudwatch", role_arn=ROLE_ARN, site="US1"),
    bad("cloudwatch-option-on-datadog", "role_arn only applies with type=cloudwatch, not with type=datadog",
        cluster="orders-db", type="datadog", datadog_api_key="dd-key", role_arn=ROLE_ARN),
    bad("option-on-prometheus", "site only applies with type=datadog, not with type=prometheus", cluster="orders-db",
        type="prometheus", site="US1"),
    # Issue 20: update_datadog_api_key belongs to datadog too (its default, on_create, is no choice of the task's).
    bad("update-datadog-key-on-cloudwatch", "update_datadog_api_key only applies with type=datadog, not with "
                                            "type=cloudwatch: leave it out", cluster="orders-db", type="cloudwatch",
        role_arn=ROLE_ARN, update_datadog_api_key="always"),
    bad("update-datadog-key-on-prometheus", "update_datadog_api_key only applies with type=datadog, not with "
                                            "type=prometheus", cluster="orders-db", type="prometheus",
        update_datadog_api_key="always"),
    bad("options-of-two-other-types", ("role_arn and target_region only apply with type=cloudwatch, not with "
                                       "type=prometheus", "site only applies with type=datadog"),
        cluster="orders-db", type="prometheus", role_arn=ROLE_ARN, target_region="us-east-1", site="US1"),
    # ... whatever the state: disabling an export takes no option of another type either.
    bad("datadog-option-on-cloudwatch-absent", "site only applies with type=datadog, not with type=cloudwatch",
        cluster="orders-db", type="cloudwatch", state="absent", site="EU1"),
    bad("update-datadog-key-on-cloudwatch-absent", "update_datadog_api_key only applies with type=datadog",
        cluster="orders-db", type="cloudwatch", state="absent", update_datadog_api_key="always"),
    bad("datadog-key-blank", "datadog_api_key must not be empty", cluster="orders-db", type="datadog",
        datadog_api_key=" "),
    bad("always-without-datadog-key", "update_datadog_api_key=always needs a datadog_api_key", cluster="orders-db",
        type="datadog", update_datadog_api_key="always"),
    bad("site-not-a-choice", "value of site must be one of: US1, US3, US5, US1_GOV, EU1, AP1, got: MARS",
        cluster="orders-db", type="datadog", datadog_api_key="dd-key", site="MARS"),
    bad("type-missing", "missing required arguments: type", cluster="orders-db"),
    bad("type-not-a-choice", "value of type must be one of: cloudwatch, datadog, prometheus, got: newrelic",
        cluster="orders-db", type="newrelic"),
    bad("cloudwatch-not-on-aws", "CloudWatch metric export is only available for clusters on AWS; cluster analytics",
        ["ListClusters"], cluster="analytics", type="cloudwatch", role_arn=ROLE_ARN),
    bad("serverless-cluster", "Prometheus metric export is only available on dedicated clusters", ["ListClusters"],
        cluster="web-app", type="prometheus"),
    bad("create-without-role-arn", "to set up CloudWatch metric export of cluster orders-db, also give: role_arn",
        ["ListClusters", "GetCloudWatchMetricExportInfo"], cluster="orders-db", type="cloudwatch"),
]

METRIC_EXPORT_INFO = [
    bad("type-not-a-choice", "value of type must be one of: cloudwatch, datadog, prometheus, got: newrelic",
        cluster="orders-db", type="newrelic"),
    bad("cluster-empty", EMPTY_CLUSTER, cluster=""),
    bad("unknown-option", unsupported("cockroach_metric_export_info", "role_arn"), cluster="orders-db", role_arn="x"),
    bad("serverless-cluster", "metric export is only available on dedicated clusters; cluster web-app is serverless",
        ["ListClusters"], cluster="web-app"),
    bad("cluster-unknown", NO_CLUSTER, ["ListClusters"], cluster="nope-db"),
    bad("cluster-id-unknown", NO_CLUSTER_ID, ["GetCluster"], cluster=UNKNOWN_ID),
]

PRIVATE_ENDPOINT_CONNECTION = [
    bad("endpoint-id-empty", "endpoint_id must not be empty", cluster="orders-db", endpoint_id=""),
    bad("endpoint-id-malformed", "endpoint_id '-vpce' is not an endpoint id", cluster="orders-db", endpoint_id="-vpce"),
    bad("region-blank", "region must not be empty", cluster="orders-db", endpoint_id=VPCE, region=" "),
    bad("endpoint-id-and-connections", "parameters are mutually exclusive: endpoint_id|connections",
        cluster="orders-db", endpoint_id=VPCE, connections=[]),
    bad("connections-and-region", "parameters are mutually exclusive: connections|region", cluster="orders-db",
        connections=[{"endpoint_id": VPCE}], region="us-east-1"),
    bad("endpoint-id-and-purge", "parameters are mutually exclusive: endpoint_id|purge", cluster="orders-db",
        endpoint_id=VPCE, purge=True),
    bad("endpoint-twice", "connections[0] and connections[1] both name the endpoint %s" % VPCE, cluster="orders-db",
        connections=[{"endpoint_id": VPCE}, {"endpoint_id": VPCE}]),
    bad("connection-region-empty", "connections[0].region must not be empty", cluster="orders-db",
        connections=[{"endpoint_id": VPCE, "region": ""}]),
    bad("connection-without-endpoint", ("missing required arguments: endpoint_id", "connections"),
        cluster="orders-db", connections=[{"region": "us-east-1"}]),
    bad("purge-with-absent", "purge applies to state=present only", cluster="orders-db",
        connections=[{"endpoint_id": VPCE}], purge=True, state="absent"),
    bad("serverless-cluster", "private connectivity is only available on dedicated clusters", ["ListClusters"],
        cluster="web-app", endpoint_id=VPCE),
    bad("not-an-aws-endpoint", "endpoint_id 'pe-1' is not an AWS VPC endpoint id",
        ["ListClusters", "ListPrivateEndpointConnections"], cluster="orders-db", endpoint_id="pe-1"),
    bad("region-not-the-clusters", "region eu-west-1 is not a region of cluster orders-db (us-east-1)",
        ["ListClusters", "ListPrivateEndpointConnections"], cluster="orders-db", endpoint_id=VPCE, region="eu-west-1"),
    bad("no-service-yet", "cluster orders-db has no private endpoint service in us-east-1",
        ["ListClusters", "ListPrivateEndpointConnections", "ListPrivateEndpointServices"], cluster="orders-db",
        endpoint_id=VPCE),
]

PRIVATE_ENDPOINT_CONNECTION_INFO = [
    bad("endpoint-id-empty", "endpoint_id must not be empty: leave it out to list every one", cluster="orders-db",
        endpoint_id=""),
    bad("cluster-empty", EMPTY_CLUSTER, cluster=""),
    bad("unknown-option", unsupported("cockroach_private_endpoint_connection_info", "region"), cluster="orders-db",
        region="us-east-1"),
    bad("cluster-missing", "missing required arguments: cluster"),
    bad("cluster-unknown", NO_CLUSTER, ["ListClusters"], cluster="nope-db"),
    bad("cluster-id-unknown", NO_CLUSTER_ID, ["ListPrivateEndpointConnections"], cluster=UNKNOWN_ID),
]

PRIVATE_ENDPOINT_SERVICES = [
    bad("cluster-empty", EMPTY_CLUSTER, cluster=""),
    bad("cluster-missing", "missing required arguments: cluster"),
    bad("state-not-an-option", unsupported("cockroach_private_endpoint_services", "state"), cluster="orders-db",
        state="absent"),
    bad("wait-not-a-bool", not_converted("wait", "bool"), cluster="orders-db", wait="perhaps"),
    bad("wait-timeout-negative", "wait_timeout must be 0 or more seconds, got -1", cluster="orders-db",
        wait_timeout=-1),
    bad("serverless-cluster", "private connectivity is only available on dedicated clusters; cluster web-app",
        ["ListClusters"], cluster="web-app"),
    bad("cluster-unknown", NO_CLUSTER, ["ListClusters"], cluster="nope-db"),
    bad("cluster-id-unknown", NO_CLUSTER_ID, ["GetCluster"], cluster=UNKNOWN_ID),
]

PRIVATE_ENDPOINT_SERVICES_INFO = [
    bad("cluster-empty", EMPTY_CLUSTER, cluster=""),
    bad("cluster-missing", "missing required arguments: cluster"),
    bad("unknown-option", unsupported("cockroach_private_endpoint_services_info", "wait"), cluster="orders-db",
        wait=True),
    bad("cluster-unknown", NO_CLUSTER, ["ListClusters"], cluster="nope-db"),
    bad("cluster-id-unknown", NO_CLUSTER_ID, ["ListPrivateEndpointServices"], cluster=UNKNOWN_ID),
]

CASES = {
    "cockroach_allowlist": ALLOWLIST,
    "cockroach_allowlist_info": ALLOWLIST_INFO,
    "cockroach_api_key": API_KEY,
    "cockroach_api_key_info": API_KEY_INFO,
    "cockroach_audit_log_info": AUDIT_LOG_INFO,
    "cockroach_backup_config": BACKUP_CONFIG,
    "cockroach_backup_info": BACKUP_INFO,
    "cockroach_cluster": CLUSTER,
    "cockroach_cluster_info": CLUSTER_INFO,
    "cockroach_cluster_version_info": CLUSTER_VERSION_INFO,
    "cockroach_cmek": CMEK,
    "cockroach_cmek_info": CMEK_INFO,
    "cockroach_database": DATABASE,
    "cockroach_database_info": DATABASE_INFO,
    "cockroach_egress_rule": EGRESS_RULE,
    "cockroach_egress_rule_info": EGRESS_RULE_INFO,
    "cockroach_folder": FOLDER,
    "cockroach_folder_info": FOLDER_INFO,
    "cockroach_invoice_info": INVOICE_INFO,
    "cockroach_jwt_issuer": JWT_ISSUER,
    "cockroach_jwt_issuer_info": JWT_ISSUER_INFO,
    "cockroach_log_export": LOG_EXPORT,
    "cockroach_log_export_info": LOG_EXPORT_INFO,
    "cockroach_maintenance_window": MAINTENANCE_WINDOW,
    "cockroach_metric_export": METRIC_EXPORT,
    "cockroach_metric_export_info": METRIC_EXPORT_INFO,
    "cockroach_organization_info": ORGANIZATION_INFO,
    "cockroach_private_endpoint_connection": PRIVATE_ENDPOINT_CONNECTION,
    "cockroach_private_endpoint_connection_info": PRIVATE_ENDPOINT_CONNECTION_INFO,
    "cockroach_private_endpoint_services": PRIVATE_ENDPOINT_SERVICES,
    "cockroach_private_endpoint_services_info": PRIVATE_ENDPOINT_SERVICES_INFO,
    "cockroach_region_info": REGION_INFO,
    "cockroach_restore": RESTORE,
    "cockroach_restore_info": RESTORE_INFO,
    "cockroach_role_grant": ROLE_GRANT,
    "cockroach_role_grant_info": ROLE_GRANT_INFO,
    "cockroach_service_account": SERVICE_ACCOUNT,
    "cockroach_service_account_info": SERVICE_ACCOUNT_INFO,
    "cockroach_sql_user": SQL_USER,
    "cockroach_sql_user_info": SQL_USER_INFO,
    "cockroach_user_info": USER_INFO,
    "cockroach_user_roles": USER_ROLES,
    "cockroach_version_deferral": VERSION_DEFERRAL,
}

# -- the connection options, in every module ------------------------------------------------------------

#: Input each module accepts, for the cases of the options every module shares.
VALID = {
    "cockroach_allowlist": dict(cluster="web-app", entries=[{"cidr": "10.0.0.0/8"}]),
    "cockroach_allowlist_info": dict(cluster="web-app"),
    "cockroach_api_key": dict(name="ci", service_account="robot"),
    "cockroach_backup_config": dict(cluster="web-app", enabled=True),
    "cockroach_backup_info": dict(cluster="web-app"),
    "cockroach_cluster": dict(name="web-app"),
    "cockroach_cmek": dict(cluster="orders-db"),
    "cockroach_cmek_info": dict(cluster="orders-db"),
    "cockroach_database": dict(cluster="web-app", name="orders"),
    "cockroach_database_info": dict(cluster="web-app"),
    "cockroach_egress_rule": dict(cluster="orders-db", name="api"),
    "cockroach_egress_rule_info": dict(cluster="orders-db"),
    "cockroach_folder": dict(path="/team"),
    "cockroach_jwt_issuer": dict(issuer_url=ISSUER),
    "cockroach_log_export": dict(cluster="orders-db"),
    "cockroach_log_export_info": dict(cluster="orders-db"),
    "cockroach_maintenance_window": dict(cluster="web-app"),
    "cockroach_metric_export": dict(cluster="orders-db", type="prometheus"),
    "cockroach_metric_export_info": dict(cluster="orders-db"),
    "cockroach_private_endpoint_connection": dict(cluster="orders-db", endpoint_id=VPCE),
    "cockroach_private_endpoint_connection_info": dict(cluster="orders-db"),
    "cockroach_private_endpoint_services": dict(cluster="orders-db"),
    "cockroach_private_endpoint_services_info": dict(cluster="orders-db"),
    "cockroach_restore": dict(cluster="web-app", backup_id="b"),
    "cockroach_restore_info": dict(cluster="web-app"),
    "cockroach_role_grant": dict(user="alice@example.com", role="ORG_MEMBER"),
    "cockroach_service_account": dict(name="robot"),
    "cockroach_sql_user": dict(cluster="web-app", name="app"),
    "cockroach_sql_user_info": dict(cluster="web-app"),
    "cockroach_user_info": dict(email="alice@example.com"),
    "cockroach_user_roles": dict(user="alice@example.com", roles=[{"role": "ORG_MEMBER"}]),
    "cockroach_version_deferral": dict(cluster="web-app", deferral_policy="NOT_DEFERRED"),
}  # (the others need no option)

COMMON = [
    bad("api-key-blank", "no API key: set the api_key option or the COCKROACH_API_KEY environment variable",
        api_key=" "),
    bad("request-timeout-zero", "request_timeout must be more than 0 seconds, got 0", request_timeout=0),
    bad("plain-http-to-a-remote-host", "refusing to send the API key in clear text to api.example.com",
        api_url="http://api.example.com"),
    bad("validate-certs-not-a-bool", not_converted("validate_certs", "bool"), validate_certs="maybe"),
    bad("unknown-option", "module: bogus. Supported parameters include:", bogus=True),
]


# -- running them ---------------------------------------------------------------------------------------


def seed(emulator):
    """The organization the cases that need the API read: a serverless cluster on GCP, a
    dedicated one on AWS (us-east-1) and a dedicated one on GCP; no folders; one service
    account (the emulator's own), three people."""
    emulator.cluster("web-app")
    emulator.cluster("orders-db", plan="DEDICATED", provider="AWS", delete_protection="ENABLED")
    emulator.cluster("analytics", plan="DEDICATED", provider="GCP")


def module_spec(module):
    return importlib.import_module("%s.%s" % (modules_package.__name__, module)).TASK.argument_spec


def run(emulator, module, args):
    """The task's result as the action plugin gives it in-process, on the emulator."""
    task = importlib.import_module("%s.%s" % (modules_package.__name__, module)).TASK
    # (copied: the validation writes the defaults of sub-options into the given dictionaries)
    given = dict({"api_key": emulator.admin_key, "api_url": URL}, **copy.deepcopy(args))
    given = dict((k, v) for k, v in given.items() if v is not None)

    def make_client(params):
        assert params["api_url"] == URL, "the task would call %s, not the emulator" % params["api_url"]
        client = client_for(params, sleep=emulator.clock.sleep, monotonic=emulator.clock.monotonic,
                            now=emulator.clock.now)
        client.session.mount(URL, emulator.adapter)
        return client

    _cluster_lookup._KNOWN_IDS.clear()  # pylint: disable=protected-access
    try:
        return run_in_process(task, given, "cockroachdb.cloud.%s" % module, make_client)
    except Exception:  # pylint: disable=broad-except
        pytest.fail("%s raised instead of failing with a message:\n%s" % (module, traceback.format_exc()))


@pytest.fixture(scope="module")
def quiet_emulator():
    """One emulator for the cases that must fail before any request: each asserts that it
    sent none, so they can share it (a case that needs the API gets a fresh one, seeded)."""
    patch = pytest.MonkeyPatch()
    yield install(patch)
    patch.undo()


def check_failure(request, module, case):
    if case.reads:
        emulator = request.getfixturevalue("emulator")
        seed(emulator)
    else:
        emulator = request.getfixturevalue("quiet_emulator")
    mark = emulator.mark()
    result = run(emulator, module, case.args)
    assert result.get("failed") is True, result
    message = result.get("msg") or ""
    for text in (case.msg if isinstance(case.msg, tuple) else (case.msg,)):
        assert text in message, "expected %r in %r" % (text, message)
    assert "Traceback" not in message and "Traceback" not in str(result.get("exception", ""))
    # A message names only options the task can set (issue 20: "show_inactive: false" from
    # modules without that option).
    if "show_inactive" in message:
        assert "show_inactive" in module_spec(module), "%s has no show_inactive option: %r" % (module, message)
    assert emulator.operations(mark) == list(case.reads), "requests sent for %s" % (case.args,)
    assert emulator.mutations(mark) == []


@pytest.mark.parametrize("module, case", [pytest.param(module, case, id="%s-%s" % (module[10:], case.id))
                                          for module, cases in sorted(CASES.items()) for case in cases])
def test_bad_input_fails_with_a_clear_message(request, module, case):
    check_failure(request, module, case)


@pytest.mark.parametrize("module, case", [
    pytest.param(module, case._replace(args=dict(VALID.get(module, {}), **case.args)),
                 id="%s-%s" % (module[10:], case.id))
    for module in MODULES for case in COMMON])
def test_bad_connection_options_fail_before_any_request(request, module, case):
    check_failure(request, module, case)


def test_every_module_has_cases():
    """A module without a table of its own (at least 5 cases) fails here."""
    counts = dict((module, len(CASES.get(module, []))) for module in MODULES)
    assert [m for m, n in counts.items() if n < 5] == [], counts
    assert sorted(CASES) == MODULES  # no table for a module that is gone
    for module, cases in CASES.items():
        ids = [case.id for case in cases]
        assert len(ids) == len(set(ids)), "%s: ids repeat" % module
