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
      - Point it at the collection's emulator (C(python -m tests.emulator)) to test offline.
    type: str
    default: https://cockroachlabs.cloud
  api_version:
    description:
      - API version sent in the C(Cc-Version) header.
      - If not set, the value of the E(COCKROACH_API_VERSION) environment variable is used.
    type: str
    default: '2024-09-16'
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
requirements:
  - requests >= 2.25
notes:
  - The environment variable names match the official CockroachDB Cloud Terraform provider.
  - Calls are retried on HTTP 429 (after C(Retry-After)), 502, 503 and 504, timeouts and
    connection resets, with exponential backoff, for up to two minutes; changes are only
    re-sent where they cannot have taken effect. A refused connection or a host name that does
    not resolve is retried once after half a second, then fails.
  - Set these options once for all modules of the collection with
    C(module_defaults) and the action group C(group/cockroachdb.cloud.all).
"""

    WAIT = r"""
options:
  wait:
    description:
      - Whether to wait until the resource has reached a stable state (for example a cluster
        leaving C(CREATING) or C(LOCKED)) before returning.
    type: bool
    default: true
  wait_timeout:
    description:
      - How many seconds to wait when O(wait=true). When the time runs out, the module fails
        with the last state seen (C(last_seen)) and the time it waited (C(waited)). A task
        that made its change before the wait ran out still reports C(changed=true) and
        returns the resource as last seen; run it again to wait for the rest.
    type: int
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
