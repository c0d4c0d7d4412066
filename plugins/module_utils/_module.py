# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""CockroachModule: common options, the client, result assembly, structured failure.

The only place that knows AnsibleModule. Resource logic gets a ``_kit.base.Context``
instead, so that it can also run in-process. A module declares what it runs:

    TASK = ModuleTask(ARGUMENT_SPEC, Databases.task)

    def main():
        TASK.main()
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible.module_utils.basic import AnsibleModule, env_fallback, missing_required_lib

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import (
    DEFAULT_API_URL,
    DEFAULT_API_VERSION,
    HAS_REQUESTS,
    REQUESTS_IMPORT_ERROR,
)
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import Context
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.runner import (
    client_for,
    connection_problem,
    masked_values,
    run_task,
)

COMMON_ARGUMENT_SPEC = dict(
    # Not required=True: AnsibleModule would then say only "missing required arguments:
    # api_key"; CockroachModule says where the key can come from instead.
    api_key=dict(type="str", no_log=True, fallback=(env_fallback, ["COCKROACH_API_KEY"])),
    api_url=dict(type="str", default=DEFAULT_API_URL, fallback=(env_fallback, ["COCKROACH_SERVER"])),
    api_version=dict(type="str", default=DEFAULT_API_VERSION, fallback=(env_fallback, ["COCKROACH_API_VERSION"])),
    api_format=dict(type="str", default="auto", choices=["auto", "contract", "live"],
                    fallback=(env_fallback, ["COCKROACH_API_FORMAT"])),
    validate_certs=dict(type="bool", default=True),
    request_timeout=dict(type="float", default=30.0),
    allow_plain_http=dict(type="bool", default=False, fallback=(env_fallback, ["COCKROACH_ALLOW_PLAIN_HTTP"])),
)


def wait_argument_spec(default_timeout):
    """``wait`` and ``wait_timeout`` (documented by the WAIT doc fragment)."""
    return dict(
        wait=dict(type="bool", default=True),
        wait_timeout=dict(type="int", default=default_timeout),
    )


def cluster_argument_spec(default_timeout=600, **more):
    """``cluster`` (name or id, the CLUSTER doc fragment), ``wait``/``wait_timeout``, and
    ``more`` options: the argument spec of a module of a cluster's resources."""
    spec = dict(cluster=dict(type="str", required=True))
    spec.update(wait_argument_spec(default_timeout))
    spec.update(more)
    return spec


def cluster_info_argument_spec(**more):
    """``cluster`` (the CLUSTER_INFO doc fragment) and ``more``: an info module of a cluster's resources."""
    spec = dict(cluster=dict(type="str", required=True))
    spec.update(more)
    return spec


class CockroachModule(object):
    """An AnsibleModule with the collection's common options and failure conventions."""

    def __init__(self, argument_spec, supports_check_mode=True, **kwargs):
        spec = dict(COMMON_ARGUMENT_SPEC)
        spec.update(argument_spec)
        self.module = AnsibleModule(argument_spec=spec, supports_check_mode=supports_check_mode, **kwargs)
        self.module.no_log_values = masked_values(self.module.no_log_values)
        if not HAS_REQUESTS:
            self.module.fail_json(msg=missing_required_lib("requests"), exception=REQUESTS_IMPORT_ERROR)
        self.params = self.module.params
        self._client = None
        if connection_problem(self.params):
            self.module.fail_json(msg=connection_problem(self.params))

    @property
    def client(self):
        if self._client is None:
            self._client = client_for(self.params)
        return self._client

    def context(self):
        """The executor-agnostic context that resource logic works on."""
        return Context(self.client, self.params, check_mode=self.module.check_mode,
                       diff=self.module._diff, warn=self.module.warn)  # pylint: disable=protected-access

    def run(self, run):
        """Exit with the result of ``run(ctx)``, or fail with its failure."""
        result = run_task(run, self.context())
        if result.pop("failed", False):
            self.module.fail_json(**result)
        self.module.exit_json(**result)


class ModuleTask(object):
    """What a module runs, for either executor: its argument spec (without the common
    options), the AnsibleModule options (``required_one_of``, ``mutually_exclusive``...) and
    ``run(ctx) -> result``. A module declares ``TASK = ModuleTask(...)`` and its ``main()``
    is ``TASK.main()``; the collection's action plugin runs the same ``TASK`` in-process.

    ``secret_results`` names result keys that may hold a secret the task must return (an API
    key's secret, once): a result that holds one is hidden from Ansible's output as with
    ``no_log: true`` (the action plugin sets ``_ansible_no_log``), yet registered whole."""

    def __init__(self, argument_spec, run, secret_results=(), **module_options):
        self.argument_spec = argument_spec
        self.run = run
        self.secret_results = tuple(secret_results)
        self.module_options = module_options

    @property
    def full_argument_spec(self):
        spec = dict(COMMON_ARGUMENT_SPEC)
        spec.update(self.argument_spec)
        return spec

    def main(self):
        CockroachModule(self.argument_spec, **self.module_options).run(self.run)
