# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""The API client for controller-side plugins (inventory, lookups), from their options.

The options are those of the ``cockroachdb.cloud.cockroach_plugin`` doc fragment. No
Ansible imports: the plugins turn ``MissingApiKey`` and ``ApiError`` (also the refusal
to send the key over plain http) into their own errors.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import (
    DEFAULT_API_URL,
    DEFAULT_API_VERSION,
    MISSING_API_KEY,
    CockroachClient,
)
from ansible_collections.cockroachdb.cloud.plugins.module_utils._limiter import RateLimiter

API_OPTIONS = ("api_key", "api_url", "api_version", "validate_certs", "request_timeout", "allow_plain_http",
               "api_format")


class MissingApiKey(Exception):
    pass


def client_from_options(options, client_class=CockroachClient):
    """A CockroachClient for ``options`` (a dict holding the API_OPTIONS).

    Empty strings count as unset (an AWX credential without an ``api_url`` injects one).
    The client shares the machine's rate limiter for the key (``COCKROACH_RATE_LIMIT``).
    """
    api_key = options.get("api_key")
    if not api_key or not str(api_key).strip():
        raise MissingApiKey(MISSING_API_KEY)
    timeout = options.get("request_timeout")
    api_key = str(api_key).strip()
    return client_class(
        api_key=api_key,
        api_url=options.get("api_url") or DEFAULT_API_URL,
        api_version=options.get("api_version") or DEFAULT_API_VERSION,
        validate_certs=True if options.get("validate_certs") is None else bool(options["validate_certs"]),
        timeout=float(timeout) if timeout else 30.0,
        limiter=RateLimiter.from_environment(api_key),
        allow_plain_http=bool(options.get("allow_plain_http")),
        api_format=options.get("api_format") or "auto",
    )
