# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""_kit.runner.run_task: every kind of failure becomes a result, and one that came after a
change that went through keeps what ``changing`` attached (changed: true, the resource)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import InvalidInput, changing
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.runner import client_for, run_in_process, run_task


def test_bad_input_before_any_change_is_a_plain_failure(emu):
    def run(ctx):
        raise InvalidInput("name must not be empty")
    assert run_task(run, emu.context({})) == {"failed": True, "msg": "name must not be empty"}


def test_bad_input_after_a_change_keeps_changed_and_the_resource(emu):
    """Such as a file that cannot be written once the API created what it was for."""
    def run(ctx):
        with changing(ctx.client, "service_account", None):
            made = ctx.client.post("/api/v1/service-accounts", {"name": "made"})
            problem = InvalidInput("made, but the file could not be written")
            problem.last = made
            raise problem
    result = run_task(run, emu.context({}))
    assert result["failed"] is True and result["changed"] is True
    assert result["msg"] == "made, but the file could not be written"
    assert result["service_account"]["name"] == "made" and result["service_account"]["id"]


def test_a_connection_problem_is_found_before_any_request():
    from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.runner import connection_problem
    assert connection_problem({"api_key": " ", "api_url": "https://cockroachlabs.cloud"}).startswith("no API key")
    assert "clear text" in connection_problem({"api_key": "CCDB1_x", "api_url": "http://api.example.com"})
    assert connection_problem({"api_key": "CCDB1_x", "api_url": "http://api.example.com", "allow_plain_http": True}) is None
    assert connection_problem({"api_key": "CCDB1_x", "api_url": "http://127.0.0.1:9"}) is None


def _in_process(emu, module, **args):
    """``module``'s task for ``args`` as the action plugin runs it, on the emulator."""
    from ansible_collections.cockroachdb.cloud.tests.unit.emulator import URL

    def make_client(params):
        client = client_for(params, sleep=emu.clock.sleep, monotonic=emu.clock.monotonic, now=emu.clock.now)
        client.session.mount(URL, emu.adapter)
        return client
    given = dict(args, api_key=emu.admin_key, api_url=URL)
    return run_in_process(module.TASK, given, "cockroachdb.cloud.%s" % module.__name__.rpartition(".")[2], make_client)


def test_a_deprecated_alias_is_reported_as_a_module_reports_it(emu):
    """AnsibleModule reports what the argument spec deprecates (``deprecated_aliases``) and the
    alias warnings; in-process, the result carries them the same way, failures included."""
    from ansible_collections.cockroachdb.cloud.plugins.modules import cockroach_restore
    emu.cluster("orders-db", plan="DEDICATED", provider="AWS")
    deprecation = {"msg": "Alias 'not_before' is deprecated. See the module docs for more information",
                   "version": "1.0.0", "collection_name": "cockroachdb.cloud"}
    result = _in_process(emu, cockroach_restore, cluster="orders-db", backup_id="nope", not_before="2026-01-01T00:00:00Z")
    assert result["failed"] is True and result["msg"].startswith("backup nope is not among")
    assert result["deprecations"] == [deprecation] and "warnings" not in result
    both = _in_process(emu, cockroach_restore, cluster="orders-db", backup_id="nope", not_before="2026-01-01T00:00:00Z",
                       ignore_restores_before="2026-01-01T00:00:00Z")
    assert both["deprecations"] == [deprecation]
    assert both["warnings"] == ["Both option ignore_restores_before and its alias not_before are set."]
    plain = _in_process(emu, cockroach_restore, cluster="orders-db", backup_id="nope",
                        ignore_restores_before="2026-01-01T00:00:00Z")
    assert "deprecations" not in plain and "warnings" not in plain
