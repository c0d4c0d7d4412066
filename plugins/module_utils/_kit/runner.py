# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""Running a task, whoever runs it (a module process, or the action plugin in-process):
the client for the task's connection options, and the result, failures included."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import (
    MISSING_API_KEY,
    ApiError,
    CockroachClient,
    WaitTimeout,
    explain,
    plain_http_problem,
)
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import InvalidInput
from ansible_collections.cockroachdb.cloud.plugins.module_utils._limiter import RateLimiter


def connection_problem(params):
    """Why the task cannot call the API (no API key, the key would cross the network in
    clear text, a request_timeout no request can keep), or None: checked before any request."""
    if not (params.get("api_key") or "").strip():
        return MISSING_API_KEY
    timeout = params.get("request_timeout")
    if timeout is not None and not timeout > 0:  # (requests raises ValueError for it)
        return "request_timeout must be more than 0 seconds, got %s" % timeout
    return plain_http_problem(params.get("api_url"), params.get("allow_plain_http"))


def client_for(params, **options):
    """A CockroachClient for the task's validated connection options, with the rate limiter
    that the processes of this machine share for its API key (``COCKROACH_RATE_LIMIT``)."""
    options.setdefault("limiter", RateLimiter.from_environment(params["api_key"]))
    return CockroachClient(api_key=params["api_key"], api_url=params["api_url"], api_version=params["api_version"],
                           validate_certs=params["validate_certs"], timeout=params["request_timeout"],
                           allow_plain_http=bool(params.get("allow_plain_http")), **options)


def run_task(run, ctx):
    """``run(ctx)`` -> the task's result; a failure is a result with ``failed`` and ``msg``
    (and what a change that went through before it returns: ``changed``, the resource)."""
    try:
        return run(ctx)
    except ApiError as error:
        return dict(getattr(error, "result", {}), failed=True, msg=explain(error), error=error.to_dict())
    except WaitTimeout as timeout:
        return dict(getattr(timeout, "result", {}), failed=True, msg=str(timeout), waited=round(timeout.waited, 1),
                    last_seen=timeout.last)
    except InvalidInput as problem:
        # (a check after a change that went through, such as writing a file, keeps changed: true)
        return dict(getattr(problem, "result", {}), failed=True, msg=str(problem))
