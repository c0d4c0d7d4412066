# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class ModuleDocFragment(object):
    # The API connection options of the collection's controller-side plugins (inventory,
    # lookups). Same names, defaults and environment variables as the modules' fragment
    # (cockroachdb.cloud.cockroach), declared the way plugin options are (env, no fallback).
    DOCUMENTATION = r"""
options:
  api_key:
    description:
      - Secret of a CockroachDB Cloud API key (a service account's key), sent as a bearer token.
      - Required; if it is neither set here nor in the environment, the plugin fails before
        sending any request.
      - The plugin only reads, so a key whose service account can read clusters (for example
        with the C(CLUSTER_DEVELOPER) role) is enough. Clusters the key cannot read are invisible
        to the plugin.
    type: str
    env:
      - name: COCKROACH_API_KEY
  api_url:
    description:
      - Base URL of the CockroachDB Cloud API.
      - An empty value means the default.
      - Point it at the collection's emulator to test offline (the C(cockroach-cloud-emulator)
        command; see the guide on testing offline).
    type: str
    default: https://cockroachlabs.cloud
    env:
      - name: COCKROACH_SERVER
  api_version:
    description:
      - API version sent in the C(Cc-Version) header.
    type: str
    default: '2024-09-16'
    env:
      - name: COCKROACH_API_VERSION
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
    type: str
    choices: [auto, contract, live]
    default: auto
    env:
      - name: COCKROACH_API_FORMAT
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
    type: bool
    default: false
    env:
      - name: COCKROACH_ALLOW_PLAIN_HTTP
requirements:
  - requests >= 2.25
notes:
  - The environment variable names match the official CockroachDB Cloud Terraform provider
    and the collection's modules.
  - Reads are retried on HTTP 429 (after C(Retry-After)), 502, 503 and 504, timeouts and
    connection resets, with exponential backoff, for up to two minutes. A refused connection
    or a host name that does not resolve is retried once after half a second, then fails.
  - The API allows 10 requests per second per API key. The plugin shares a client-side limit
    per API key with the collection's modules and plugins on the same machine (all forks of a
    play), read from the environment variable E(COCKROACH_RATE_LIMIT) in requests per second
    (default V(10), bursts of half a second's worth; V(0) turns it off). Its state is a small
    file named after a hash of the key (never the key) in the system's temporary directory, or
    in E(COCKROACH_RATE_LIMIT_DIR). Where that file cannot be used, requests are not limited.
"""
