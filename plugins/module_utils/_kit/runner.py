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
)
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import InvalidInput
from ansible_collections.cockroachdb.cloud.plugins.module_utils._limiter import RateLimiter


def missing_api_key(params):
    """The message for a task without an API key, or None."""
    return None if (params.get("api_key") or "").strip() else MISSING_API_KEY


def client_for(params, **options):
    """A CockroachClient for the task's validated connection options, with the rate limiter
    that the processes of this machine share for its API key (``COCKROACH_RATE_LIMIT``)."""
    options.setdefault("limiter", RateLimiter.from_environment(params["api_key"]))
    return CockroachClient(api_key=params["api_key"], api_url=params["api_url"], api_version=params["api_version"],
                           validate_certs=params["validate_certs"], timeout=params["request_timeout"], **options)


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
        return {"failed": True, "msg": str(problem)}
