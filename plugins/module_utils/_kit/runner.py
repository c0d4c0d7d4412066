# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""Running a task, whoever runs it (a module process, or the action plugin in-process):
the client for the task's connection options, and the result, failures included; for the
action plugin, the whole task as AnsibleModule would run it (``run_in_process``)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible.module_utils.common.arg_spec import ArgumentSpecValidator
from ansible.module_utils.common.parameters import remove_values
from ansible.module_utils.errors import UnsupportedError

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import (
    MISSING_API_KEY,
    ApiError,
    CockroachClient,
    WaitTimeout,
    explain,
    plain_http_problem,
)
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import Context, InvalidInput
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


def masked_values(no_log_values):
    """The ``no_log`` values to mask in a result: not the blank ones, which hide nothing and
    would mask every space of the message (a task given ``api_key: " "`` reads "no API key...")."""
    return set(value for value in no_log_values if str(value).strip())


def client_for(params, **options):
    """A CockroachClient for the task's validated connection options, with the rate limiter
    that the processes of this machine share for its API key (``COCKROACH_RATE_LIMIT``)."""
    options.setdefault("limiter", RateLimiter.from_environment(params["api_key"]))
    return CockroachClient(api_key=params["api_key"], api_url=params["api_url"], api_version=params["api_version"],
                           validate_certs=params["validate_certs"], timeout=params["request_timeout"],
                           allow_plain_http=bool(params.get("allow_plain_http")),
                           api_format=params.get("api_format") or "auto", **options)


def run_task(run, ctx):
    """``run(ctx)`` -> the task's result; a failure is a result with ``failed`` and ``msg``
    (and what a change that went through before it returns: ``changed``, the resource)."""
    try:
        return run(ctx)
    except ApiError as error:
        return dict(error.result or {}, failed=True, msg=explain(error), error=error.to_dict())
    except WaitTimeout as timeout:
        return dict(timeout.result or {}, failed=True, msg=str(timeout), waited=round(timeout.waited, 1),
                    last_seen=timeout.last)
    except InvalidInput as problem:
        # (a check after a change that went through, such as writing a file, keeps changed: true)
        return dict(problem.result or {}, failed=True, msg=str(problem))


def validate_arguments(task, args, action):
    """The task's ``args`` validated as AnsibleModule validates a module's (the module's argument
    spec and options, ``mutually_exclusive``...): (validated params, no_log values, None,
    notices), or the same with a failure result whose ``msg`` is the module's. ``action``: the
    module's name in the message for unknown options. ``notices``: what AnsibleModule reports
    besides, as a result's ``deprecations`` and ``warnings`` (see ``_notices``)."""
    try:
        validated = ArgumentSpecValidator(task.full_argument_spec, **dict(task.module_options)).validate(dict(args))
    except TypeError:
        # ansible-core raises (rather than reports) when an option with sub-options gets a number
        # or a boolean: say which one. (A module, AnsibleModule, fails with the traceback.)
        found = _scalar_for_options(task.full_argument_spec, args)
        if found is None:
            raise
        return None, set(), {"failed": True, "msg": "%s must be a dictionary of its options, got %r" % found}, {}
    errors = validated.errors.errors  # (an AnsibleValidationErrorMultiple is always true)
    failure = None
    if errors:
        message = validated.errors.msg
        if isinstance(errors[0], UnsupportedError):
            message = "Unsupported parameters for (%s) module: %s" % (action, message)
        failure = {"failed": True, "msg": message}
    # As AnsibleModule does: the invocation shows the parameters, known or not.
    return (validated.validated_parameters, validated._no_log_values, failure,  # pylint: disable=protected-access
            _notices(validated))


def _notices(validated):
    """What AnsibleModule reports of a validation besides errors (its ModuleArgumentSpecValidator
    does; ArgumentSpecValidator only collects them): the deprecated aliases a task used
    (``deprecated_aliases``) as ``deprecations``, an option given with its alias as ``warnings``."""
    notices = {}
    deprecations = [dict((k, v) for k, v in d.items() if v is not None)
                    for d in validated._deprecations]  # pylint: disable=protected-access
    if deprecations:
        notices["deprecations"] = deprecations
    warnings = ["Both option %s and its alias %s are set." % (w["option"], w["alias"])
                for w in validated._warnings]  # pylint: disable=protected-access
    if warnings:
        notices["warnings"] = warnings
    return notices


def _scalar_for_options(spec, values, where=""):
    """(where, value) of the first option with sub-options (``serverless.usage_limits``,
    ``region_specs[0].key``) whose value is a number or a boolean, or None."""
    for name, option in spec.items():
        value = values.get(name) if isinstance(values, dict) else None
        if value is None or not option.get("options"):
            continue
        place = "%s.%s" % (where, name) if where else name
        if option.get("type") == "dict":
            items = [(place, value)]
        else:  # a list of dictionaries
            items = [("%s[%d]" % (place, i), v) for i, v in enumerate(value)] if isinstance(value, list) else []
        for at, item in items:
            if isinstance(item, (bool, int, float)):
                return at, item
            found = _scalar_for_options(option["options"], item, at)
            if found is not None:
                return found
    return None


def run_in_process(task, args, action, make_client, check_mode=False, diff=False):
    """The result of the module's ``task`` (its ModuleTask) for the task's ``args``, as the
    module would give it: the arguments validated, the connection options checked (both
    before any request), then ``task.run`` on a client from ``make_client(params)``;
    ``changed``, warnings, deprecations (a deprecated alias), ``invocation``, and ``no_log``
    values masked. What the action plugin (plugin_utils/_in_process) runs, and the unit tests
    with a client on the emulator."""
    params, no_log_values, failure, notices = validate_arguments(task, args, action)
    if failure is None:
        problem = connection_problem(params)
        failure = {"failed": True, "msg": problem} if problem else None
    warnings = list(notices.get("warnings", []))
    if failure is not None:
        result = failure
    else:
        ctx = Context(make_client(params), params, check_mode=check_mode, diff=diff, warn=warnings.append)
        result = run_task(task.run, ctx)
    result.setdefault("changed", False)
    if warnings:
        result["warnings"] = warnings
    if notices.get("deprecations"):
        result["deprecations"] = notices["deprecations"]
    if params is not None:
        result["invocation"] = {"module_args": params}
    return remove_values(result, masked_values(no_log_values))
