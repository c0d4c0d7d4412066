# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""Options a task sets are never dropped without a word (issue 20, item 6;
docs/architecture.md, "Options never dropped"). An option that belongs to another mode
(another ``type``, ``plan``, ``state``...) is refused before any request: those cases are in
cases/<module>.py (``BAD_INPUT``, run by test_bad_input.py). The settings of a resource that
``state=absent`` deletes are not refused (roles and loops that toggle ``state`` write them
legitimately) but warned about, and the delete goes on: the cases here, run as the action
plugin runs a task in-process.

The rules are ``OnlyWith`` declarations (module_utils/_kit/base.py) on the descriptions
(``only_with``), which each module's file of cases names (``RULES_FROM`` of cases/<module>.py);
``test_every_rule_is_documented`` checks that the docs of each module say when its options
apply, and ``test_every_rule_belongs_to_a_module`` that no description's rules are left out
of that check."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import collections
import importlib
import inspect
import pkgutil

import pytest
import yaml

from ansible_collections.cockroachdb.cloud.plugins import module_utils as module_utils_package
from ansible_collections.cockroachdb.cloud.plugins import modules as modules_package
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources import _cluster_lookup
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.runner import client_for, run_in_process
from ansible_collections.cockroachdb.cloud.tests.unit.emulator import URL
from ansible_collections.cockroachdb.cloud.tests.unit.plugins.modules.cases._load import case_files

ROLE_ARN = "arn:aws:iam::123456789012:role/cockroach"
VPCE = "vpce-0123456789abcdef0"
ISSUER = "https://accounts.example.com"
METRICS = "/api/v1/clusters/%s/metricexport/cloudwatch"

Used = collections.namedtuple("Used", "id warnings mutations args setup")


def used(case_id, warnings, mutations=(), setup=None, **args):
    """A task that works and warns: the text of each warning it gives (one per entry, in
    order), the changing requests it sends."""
    return Used(case_id, tuple(warnings), tuple(mutations), args, setup)


def seed(emulator):
    """A serverless cluster on GCP (web-app), a dedicated one on AWS (orders-db, protected)."""
    emulator.cluster("web-app")
    emulator.cluster("orders-db", plan="DEDICATED", provider="AWS", delete_protection="ENABLED")


def run(emulator, module, args, check_mode=False):
    """The task's result as the action plugin gives it in-process, on the emulator."""
    task = importlib.import_module("%s.%s" % (modules_package.__name__, module)).TASK

    def make_client(params):
        client = client_for(params, sleep=emulator.clock.sleep, monotonic=emulator.clock.monotonic)
        client.session.mount(URL, emulator.adapter)
        return client

    _cluster_lookup._KNOWN_IDS.clear()  # pylint: disable=protected-access
    return run_in_process(task, dict(args, api_key=emulator.admin_key, api_url=URL), "cockroachdb.cloud." + module,
                          make_client, check_mode=check_mode)


def cloudwatch_export(emulator):
    cluster = emulator.admin.get("/api/v1/clusters")["clusters"]
    orders = next(c for c in cluster if c["name"] == "orders-db")
    emulator.admin.post(METRICS % orders["id"], {"role_arn": ROLE_ARN})
    emulator.clock.sleep(60)


def protection_off(emulator):
    orders = next(c for c in emulator.admin.get("/api/v1/clusters")["clusters"] if c["name"] == "orders-db")
    emulator.admin.patch("/api/v1/clusters/%s" % orders["id"], {"delete_protection": "DISABLED"})
    emulator.clock.sleep(60)


CASES = [
    # A delete of a cluster takes no settings (the roles pass them with their state variable).
    used("cluster-settings", ["cloud_provider, plan, regions and labels only apply with state=present, not with "
                              "state=absent: they are not used (a delete takes no settings)"], ["DeleteCluster"],
         module="cockroach_cluster", name="web-app", state="absent", cloud_provider="GCP", plan="serverless",
         regions=[{"name": "us-central1"}], labels={"team": "web"}),
    used("cluster-dedicated-settings", ["dedicated and cockroach_version only apply with state=present"],
         ["DeleteCluster"], setup=protection_off, module="cockroach_cluster", name="orders-db", state="absent",
         dedicated={"storage_gib": 15}, cockroach_version="v24.3"),
    used("cluster-purge-labels", ["purge_labels only applies with state=present, not with state=absent: it is not "
                                  "used"], ["DeleteCluster"], module="cockroach_cluster", name="web-app",
         state="absent", purge_labels=True),
    used("cluster-delete-protection-false", [], ["DeleteCluster"], module="cockroach_cluster", name="web-app",
         state="absent", delete_protection=False),
    used("metric-export-settings", ["role_arn and target_region only apply with state=present, not with "
                                    "state=absent: they are not used (disabling an export takes no settings)"],
         ["DeleteCloudWatchMetricExport"], setup=cloudwatch_export, module="cockroach_metric_export",
         cluster="orders-db", type="cloudwatch", state="absent", role_arn=ROLE_ARN, target_region="us-east-1"),
    used("metric-export-datadog-key", ["datadog_api_key and site only apply with state=present",
                                       "update_datadog_api_key only applies with state=present"],
         module="cockroach_metric_export", cluster="orders-db", type="datadog", state="absent",
         datadog_api_key="dd-key", site="EU1", update_datadog_api_key="always"),
    used("metric-export-default-key-mode", [], module="cockroach_metric_export", cluster="orders-db", type="datadog",
         state="absent", update_datadog_api_key="on_create"),
    used("log-export-settings", ["type, auth_principal, log_name and omitted_channels only apply with state=present, "
                                 "not with state=absent: they are not used (disabling the export takes no settings)"],
         module="cockroach_log_export", cluster="orders-db", state="absent", type="AWS_CLOUDWATCH",
         auth_principal=ROLE_ARN, log_name="orders", omitted_channels=["DEV"]),
    used("maintenance-window-settings", ["day_of_week, start_hour and duration_hours only apply with state=present"],
         module="cockroach_maintenance_window", cluster="web-app", state="absent", day_of_week=1, start_hour=2,
         duration_hours=4),
    used("sql-user-password", ["password only applies with state=present, not with state=absent: it is not used",
                               "update_password only applies with state=present"],
         module="cockroach_sql_user", cluster="web-app", name="app", state="absent", password="Long-enough-1",
         update_password="always"),
    used("sql-user-default-update-password", [], module="cockroach_sql_user", cluster="web-app", name="app",
         state="absent", update_password="on_create"),
    used("egress-rule-settings", ["destination, ports and description only apply with state=present"],
         module="cockroach_egress_rule", cluster="orders-db", name="api", state="absent",
         destination="api.example.com", ports=[443], description="the API"),
    used("private-endpoint-region", ["region only applies with state=present, not with state=absent: it is not used"],
         module="cockroach_private_endpoint_connection", cluster="orders-db", endpoint_id=VPCE, region="us-east-1",
         state="absent"),
    used("service-account-description", ["description only applies with state=present"],
         module="cockroach_service_account", name="robot", state="absent", description="the pipeline"),
    used("jwt-issuer-settings", ["jwks_id, audience and identity_map only apply with state=present"],
         module="cockroach_jwt_issuer", issuer_url=ISSUER, state="absent", jwks_id="k", audience="a",
         identity_map=[{"token_identity": "sub", "cc_identity": "ci@example.com"}]),
    # What a loop writes whatever the mode is no news: wait_timeout with wait=false, the connection.
    used("wait-timeout-without-wait", [], module="cockroach_metric_export", cluster="orders-db", type="prometheus",
         state="absent", wait=False, wait_timeout=30, request_timeout=10),
]


@pytest.mark.parametrize("case", [pytest.param(case, id=case.id) for case in CASES])
def test_settings_of_a_delete_are_warned_about_and_the_delete_goes_on(emulator, case):
    seed(emulator)
    if case.setup is not None:
        case.setup(emulator)
    args = dict(case.args)
    module = args.pop("module")
    mark = emulator.mark()
    result = run(emulator, module, args)
    assert not result.get("failed"), result
    warnings = result.get("warnings") or []
    assert len(warnings) == len(case.warnings), warnings
    for text, warning in zip(case.warnings, warnings):
        assert text in warning, "expected %r in %r" % (text, warning)
    assert emulator.mutations(mark) == list(case.mutations)


def test_a_warning_in_check_mode_too(emulator):
    """Check mode predicts the delete and warns the same (no change sent)."""
    seed(emulator)
    mark = emulator.mark()
    result = run(emulator, "cockroach_cluster", dict(name="web-app", state="absent", labels={"team": "web"}),
                 check_mode=True)
    assert result["changed"] is True and not result.get("failed")
    assert result["warnings"] == ["labels only applies with state=present, not with state=absent: it is not used "
                                  "(a delete takes no settings)"]
    assert emulator.mutations(mark) == []


def test_an_option_of_another_type_is_refused_in_check_mode_too(emulator):
    """The issue's case: refused before any request, in check mode as in a real run."""
    seed(emulator)
    mark = emulator.mark()
    for check_mode in (True, False):
        result = run(emulator, "cockroach_metric_export", dict(cluster="orders-db", type="cloudwatch", role_arn=ROLE_ARN,
                                                               update_datadog_api_key="always"), check_mode=check_mode)
        assert result["failed"] is True and result["changed"] is False
        assert result["msg"] == "update_datadog_api_key only applies with type=datadog, not with type=cloudwatch: " \
                                "leave it out"
    assert emulator.operations(mark) == []


# -- the docs say it -------------------------------------------------------------------------------------

def module_utils_sources():
    """Every file of module_utils, those of its packages too (imported)."""
    prefix = module_utils_package.__name__ + "."
    return [importlib.import_module(info.name) for info in pkgutil.walk_packages(module_utils_package.__path__, prefix)]


def rule_source(module, name):
    """What ``RULES_FROM`` of cases/<module>.py names: the one description class (or tuple of
    rules) of module_utils with that name."""
    found = [vars(source)[name] for source in module_utils_sources() if name in vars(source)
             and (isinstance(vars(source)[name], tuple)
                  or inspect.isclass(vars(source)[name]) and vars(source)[name].__module__ == source.__name__)]
    assert len(found) == 1, "RULES_FROM of cases/%s.py: %d classes of module_utils are named %s" % (module, len(found), name)
    return found[0]


#: Each managing module with rules, and the descriptions (or rule tuples) its task uses:
#: ``RULES_FROM`` of its file of cases, cases/<module>.py.
RULES = dict((module, [rule_source(module, name) for name in source.RULES_FROM])
             for module, source in case_files().items() if hasattr(source, "RULES_FROM"))


def rules_of(module):
    found = []
    for source in RULES[module]:
        found.extend(source if isinstance(source, tuple) else source.only_with)
    return found


def option_docs(module):
    """{option path: its description as one text} of the module's DOCUMENTATION."""
    doc = yaml.safe_load(importlib.import_module("%s.%s" % (modules_package.__name__, module)).DOCUMENTATION)
    texts = {}

    def walk(options, prefix):
        for name, option in (options or {}).items():
            description = option.get("description") or []
            texts[prefix + name] = " ".join(description if isinstance(description, list) else [description])
            walk(option.get("suboptions"), prefix + name + ".")

    walk(doc["options"], "")
    return texts


def said(rule):
    """What the docs write for the rule's condition: ``O(type=datadog)``, or ``O(region_specs)``."""
    if rule.values is None:
        return ["O(%s)" % rule.when]
    return ["O(%s=%s)" % (rule.when, str(v).lower() if isinstance(v, bool) else v) for v in rule.values]


@pytest.mark.parametrize("module", sorted(RULES))
def test_every_rule_is_documented(module):
    """A refused option says when it applies in its own description; an option only warned
    about says it there, or the condition's option (``state``) names it."""
    docs = option_docs(module)
    missing = []
    for rule in rules_of(module):
        for option in rule.options:
            assert option in docs, "%s: the rule names %s, which the module does not document" % (module, option)
            own = all(text in docs[option] for text in said(rule))
            named = rule.warn and "O(%s)" % option in docs.get(rule.when, "")
            if not (own or named):
                missing.append("%s (%s)" % (option, " or ".join(said(rule))))
    assert missing == [], "%s: the docs do not say when these apply: %s" % (module, ", ".join(missing))


def test_every_rule_belongs_to_a_module():
    """No description declares rules that test_every_rule_is_documented does not read."""
    covered = set(id(rule) for module in RULES for rule in rules_of(module))
    loose = []
    for source in module_utils_sources():
        for name, value in vars(source).items():
            if inspect.isclass(value) and value.__module__ == source.__name__:
                rules = getattr(value, "only_with", ())
                loose.extend("%s.%s" % (source.__name__.rsplit(".", 1)[-1], name) for rule in rules
                             if id(rule) not in covered)
    assert sorted(set(loose)) == []
