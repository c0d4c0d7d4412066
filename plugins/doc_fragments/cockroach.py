# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class ModuleDocFragment(object):
    # Options every module of the collection takes: how to reach and authenticate to the API.
    DOCUMENTATION = r"""
options:
  api_key:
    description:
      - Secret of a CockroachDB Cloud API key (a service account's key), sent as a bearer token.
      - If not set, the value of the E(COCKROACH_API_KEY) environment variable is used. One of
        the two is required; without either, the module fails before sending any request.
    type: str
  api_url:
    description:
      - Base URL of the CockroachDB Cloud API.
      - If not set, the value of the E(COCKROACH_SERVER) environment variable is used, else
        V(https://cockroachlabs.cloud).
      - Point it at the collection's emulator to test offline (the C(cockroach-cloud-emulator)
        command; see the guide on testing offline).
    type: str
    default: https://cockroachlabs.cloud
  api_version:
    description:
      - API version sent in the C(Cc-Version) header.
      - If not set, the value of the E(COCKROACH_API_VERSION) environment variable is used.
    type: str
    default: '2024-09-16'
  api_format:
    description:
      - The wire format the server at O(api_url) speaks.
      - V(auto) (the default) needs no setting, against the real service or the collection's
        emulator in either mode. The emulator names its format in a header of every answer; a
        server that names none (such as U(https://cockroachlabs.cloud)) is taken to speak the live
        format. Before its first answer, a task that must know the format first reads the
        organization (one GET).
      - V(live) is the format of the real service (the public document its SDK is generated from);
        V(contract) is the format of the collection's API contract, which the emulator serves by
        default. The modules' options mean the same in both.
      - Set it only for a server that answers for another one (a proxy of the real service that
        adds the header, a recording).
      - If not set, the value of the E(COCKROACH_API_FORMAT) environment variable is used.
    type: str
    choices: [auto, contract, live]
    default: auto
  validate_certs:
    description:
      - Whether to check the API's TLS certificate. Only turn this off for a test server.
    type: bool
    default: true
  request_timeout:
    description:
      - Seconds to wait for one HTTP response before the call is retried or fails.
    type: float
    default: 30
  allow_plain_http:
    description:
      - Whether to send the API key to an O(api_url) that starts with C(http://) and is not
        this machine (C(localhost), C(127.0.0.1), C(::1)).
      - By default such a URL is refused before any request, because the key would cross the
        network in clear text. Turn this on only for a test server you trust, such as the
        collection's emulator on another host of a private network.
      - If not set, the value of the E(COCKROACH_ALLOW_PLAIN_HTTP) environment variable is used.
    type: bool
    default: false
requirements:
  - requests >= 2.25
notes:
  - The environment variable names match the official CockroachDB Cloud Terraform provider.
  - Calls are retried on HTTP 429 (after C(Retry-After)), 502, 503 and 504, timeouts and
    connection resets, with exponential backoff, up to 6 attempts within two minutes. A change
    whose answer is lost (a 502-504, a timeout or a dropped connection after it was sent) is
    read back before it is sent again, so that it takes effect once (a retry never creates a
    second resource). A refused connection or a host name that does not resolve is retried once
    after half a second, then fails. A wait polls on through such failures until its time is up.
  - Set these options once for all modules of the collection with
    C(module_defaults) and the action group C(group/cockroachdb.cloud.all).
  - The API allows 10 requests per second per API key. The collection's modules and plugins
    on one machine (all forks of a play, the inventory, lookups) share a client-side limit per
    API key, so that they do not run into HTTP 429 together. It is read from the environment
    variable E(COCKROACH_RATE_LIMIT) in requests per second (default V(10), bursts of half a
    second's worth; V(0) turns it off). Its state is a small file named after a hash of the key
    (never the key) in the system's temporary directory, or in E(COCKROACH_RATE_LIMIT_DIR).
    Where that file cannot be used, requests are not limited.
"""

    WAIT = r"""
options:
  wait:
    description:
      - Whether to wait. It means the same in every module of the collection.
      - Before the first change, the module waits for a cluster that is C(CREATING) or
        C(LOCKED), because the API refuses changes to it then. A task that changes nothing
        never waits for that.
      - After a change, the module waits until the resource it manages has settled (a
        cluster leaving C(CREATING) or C(LOCKED), a log export leaving C(ENABLING)), and
        after a deletion until the resource is gone. A resource that ends in a failed state
        (C(CREATION_FAILED), C(ENABLE_FAILED)...) makes the task fail, naming the state.
      - With V(false), the module waits for neither and returns the resource as the API
        answered; a change to a busy cluster is then retried for up to two minutes only.
    type: bool
    default: true
  wait_timeout:
    description:
      - How many seconds each wait of O(wait) may last. When the time runs out, the module
        fails with the last state seen (C(last_seen)) and the time it waited (C(waited)). A
        task that made its change before the wait ran out still reports C(changed=true) and
        returns the resource as last seen; run it again to wait for the rest.
    type: int
"""

    CLUSTER = r"""
options:
  cluster:
    description:
      - Name or id (a UUID) of the cluster.
      - A name costs one listing of the clusters (pages of 500). An id costs no extra request
        on a task that changes nothing, and one read of the cluster before the first change.
      - A cluster that is being created or changed (C(CREATING), C(LOCKED)) refuses changes;
        the module waits for it before the first change (see O(wait)).
      - With C(state=absent) (in modules that have it), a cluster that does not exist holds
        nothing, so nothing is done.
      - In check mode, a cluster that does not exist yet counts as a new, empty one (an
        earlier task of the playbook would create it), so the task predicts its change and
        warns. A real run fails on a cluster that does not exist.
    type: str
    required: true
"""

    CLUSTER_INFO = r"""
options:
  cluster:
    description:
      - Name or id (a UUID) of the cluster. A name costs one listing of the clusters (pages
        of 500); an id costs no extra request.
      - A cluster that does not exist is an error that names it.
    type: str
    required: true
"""

    GRANTEE = r"""
options:
  user:
    description:
      - The person, by email (looked up with one request, without regard to case) or by user
        id, a UUID such as C(8c4b6a31-0c5f-4f6e-9d8a-2b7e1f3c4d5a) (the C(id) that
        M(cockroachdb.cloud.cockroach_user_info) returns). A service account may also be given
        by its id here.
      - A value that is neither an email address (C(name@example.com)) nor a UUID, such as
        C(carol.example.com), is refused before any request.
      - Exactly one of O(user) and O(service_account) is required.
    type: str
  service_account:
    description:
      - The service account, by name (one listing of the service accounts; the name must name
        one account only) or by id.
      - In check mode, a service account that does not exist yet counts as a new one without
        roles (an earlier task would create it), with a warning.
    type: str
"""

    ACTIONGROUP = r"""
attributes:
  action_group:
    description: Use C(group/cockroachdb.cloud.all) in C(module_defaults) to set the common options.
    support: full
    membership:
      - cockroachdb.cloud.all
"""

    CHECK_MODE_DIFF = r"""
attributes:
  check_mode:
    description: Predicts the change and the resulting resource without sending any change to the API.
    support: full
  diff_mode:
    description: Shows the managed fields before and after the change; secrets are masked.
    support: full
"""

    INFO = r"""
attributes:
  check_mode:
    description: The module only reads; it runs normally in check mode.
    support: full
  diff_mode:
    description: The module never changes anything, so there is no diff.
    support: N/A
"""
