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
in-process emulator, whose request log counts what the task sent. A table per module,
``BAD_INPUT`` in cases/<module>.py (see cases/_load.py), of ``bad(id, msg, reads, **args)``:
``msg`` is text the message must hold (a tuple: each part), ``reads`` the operations the task
may read, in order (none: it must fail before any request). ``COMMON`` applies the shared
connection options' cases to every module; ``test_every_module_has_cases`` makes a module
without a table of its own fail the suite.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy
import importlib
import traceback

import pytest

from ansible_collections.cockroachdb.cloud.plugins import modules as modules_package
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.runner import client_for, run_in_process
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources import _cluster_lookup
from ansible_collections.cockroachdb.cloud.tests.unit.emulator import URL, install
from ansible_collections.cockroachdb.cloud.tests.unit.layout import MODULES
from ansible_collections.cockroachdb.cloud.tests.unit.plugins.modules.cases._load import case_files
from ansible_collections.cockroachdb.cloud.tests.unit.plugins.modules.cases._shared import bad, not_converted

FILES = case_files()
#: {module: its bad inputs}: ``BAD_INPUT`` of cases/<module>.py.
CASES = dict((module, getattr(source, "BAD_INPUT", [])) for module, source in FILES.items())

# -- the connection options, in every module ------------------------------------------------------------

#: Input each module accepts, for the cases of the options every module shares: ``VALID_INPUT``
#: of cases/<module>.py (the others need no option).
VALID = dict((module, source.VALID_INPUT) for module, source in FILES.items() if hasattr(source, "VALID_INPUT"))

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
    assert [m for m, n in counts.items() if n < 5] == [], "give these modules a BAD_INPUT of 5 cases or more: %s" % (
        ", ".join("tests/unit/plugins/modules/cases/%s.py (%d)" % (m, n) for m, n in counts.items() if n < 5))
    assert sorted(CASES) == MODULES, "no module for these files of cases: %s" % sorted(set(CASES) - set(MODULES))
    for module, cases in CASES.items():
        ids = [case.id for case in cases]
        assert len(ids) == len(set(ids)), "%s: ids repeat" % module
