# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""CockroachModule: common options, the client, result assembly, structured failure.

The only place that knows AnsibleModule. Resource logic gets a small context instead
(see ``_resource.ModuleContext``) so that it can also run in-process later.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible.module_utils.basic import AnsibleModule, env_fallback, missing_required_lib

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import (
    DEFAULT_API_URL,
    DEFAULT_API_VERSION,
    HAS_REQUESTS,
    MISSING_API_KEY,
    REQUESTS_IMPORT_ERROR,
    ApiError,
    CockroachClient,
    WaitTimeout,
    explain,
)
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resource import InvalidInput, ModuleContext

COMMON_ARGUMENT_SPEC = dict(
    # Not required=True: AnsibleModule would then say only "missing required arguments:
    # api_key"; CockroachModule says where the key can come from instead.
    api_key=dict(type="str", no_log=True, fallback=(env_fallback, ["COCKROACH_API_KEY"])),
    api_url=dict(type="str", default=DEFAULT_API_URL, fallback=(env_fallback, ["COCKROACH_SERVER"])),
    api_version=dict(type="str", default=DEFAULT_API_VERSION, fallback=(env_fallback, ["COCKROACH_API_VERSION"])),
    validate_certs=dict(type="bool", default=True),
    request_timeout=dict(type="float", default=30.0),
)


def wait_argument_spec(default_timeout):
    return dict(
        wait=dict(type="bool", default=True),
        wait_timeout=dict(type="int", default=default_timeout),
    )


class CockroachModule(object):
    """An AnsibleModule with the collection's common options and failure conventions."""

    def __init__(self, argument_spec, supports_check_mode=True, **kwargs):
        spec = dict(COMMON_ARGUMENT_SPEC)
        spec.update(argument_spec)
        self.module = AnsibleModule(argument_spec=spec, supports_check_mode=supports_check_mode, **kwargs)
        if not HAS_REQUESTS:
            self.module.fail_json(msg=missing_required_lib("requests"), exception=REQUESTS_IMPORT_ERROR)
        self.params = self.module.params
        self._client = None
        if not (self.params.get("api_key") or "").strip():
            self.fail(MISSING_API_KEY)

    @property
    def client(self):
        if self._client is None:
            params = self.params
            self._client = CockroachClient(
                api_key=params["api_key"], api_url=params["api_url"], api_version=params["api_version"],
                validate_certs=params["validate_certs"], timeout=params["request_timeout"])
        return self._client

    @property
    def check_mode(self):
        return self.module.check_mode

    @property
    def diff_mode(self):
        return self.module._diff  # pylint: disable=protected-access

    def context(self):
        """The executor-agnostic context that resource logic works on."""
        return ModuleContext(self.client, self.params, check_mode=self.check_mode,
                             diff=self.diff_mode, warn=self.warn)

    def warn(self, message):
        self.module.warn(message)

    def fail(self, msg, **kwargs):
        self.module.fail_json(msg=msg, **kwargs)

    def exit(self, **result):
        self.module.exit_json(**result)

    def run(self, action):
        """Run ``action()`` -> result dict, turning API errors and timeouts into failures."""
        try:
            result = action()
        except ApiError as error:
            # ``error.result``: what a change that went through before the failure returns.
            self.fail(explain(error), error=error.to_dict(), **getattr(error, "result", {}))
        except WaitTimeout as timeout:
            self.fail(str(timeout), waited=round(timeout.waited, 1), last_seen=timeout.last,
                      **getattr(timeout, "result", {}))
        except InvalidInput as problem:
            self.fail(str(problem))
        self.exit(**result)
