"""Every refusal the module docs promise is one the emulator makes too.

A playbook that passes against the emulator should pass against the service. Where the docs
(what ``ansible-doc`` shows) say that the API or the service refuses something, the emulator
must refuse it as well, or a playbook passes offline and fails online (issue 20: a second change
of backup retention). This test reads the DOCUMENTATION of every module and doc fragment as
YAML, splits its descriptions and notes into sentences, and keeps those that speak of a
refusal. Each of them is in one table:

- SERVICE: the API (or the service, or a cluster) refuses it. Each names the emulator tests
  (``file::function``) that prove the emulator refuses it too.
- MODULE: the module itself refuses it, before any request (its own tests prove that); the
  sentence makes no claim about the API.

A new refusal sentence in the docs fails until it is in a table; a table entry whose sentence
is gone, or that names a test that does not exist, fails too.
"""

import ast
import os
import re

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DOC_DIRS = ("plugins/modules", "plugins/doc_fragments")

#: Words of a refusal. (``C(STATUS_REJECTED)`` is a state, not a refusal: no word boundary.)
REFUSAL = re.compile(r"\b(refuse[sd]?|rejects?|rejected|only once|accepts only|accepts no other|does not accept|"
                     r"cannot change|can not change)\b", re.IGNORECASE)
#: What only a sentence about the API or the service says: never a MODULE entry.
SERVICE_CLAIM = re.compile(r"\b(the API|the service)\b[^.;]*\b(refuses?|rejects?|may refuse)\b|\bonly once\b",
                           re.IGNORECASE)


# -- reading the docs ----------------------------------------------------------------------------

def _documents(path):
    """(name, parsed YAML) of each documentation string of a module or a doc fragment."""
    tree = ast.parse(open(path, encoding="utf-8").read())
    base = os.path.splitext(os.path.basename(path))[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            target = node.targets[0]
            name = getattr(target, "id", None)
            if name is None or not name.isupper() or name in ("EXAMPLES", "RETURN"):
                continue
            if "doc_fragments" in path:
                yield (base if name == "DOCUMENTATION" else "%s.%s" % (base, name)), yaml.safe_load(node.value.value)
            elif name == "DOCUMENTATION":
                yield base, yaml.safe_load(node.value.value)


def _texts(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)


def _option_texts(options):
    for spec in (options or {}).values():
        yield from _texts(spec.get("description"))
        yield from _option_texts(spec.get("suboptions"))


def sentences(text):
    """A paragraph's sentences, whitespace folded."""
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z(])", " ".join(text.split())) if s]


def refusal_sentences():
    """{(plugin, sentence)} of every sentence in the docs that speaks of a refusal."""
    found = set()
    for folder in DOC_DIRS:
        for filename in sorted(os.listdir(os.path.join(ROOT, folder))):
            if not filename.endswith(".py") or filename == "__init__.py":
                continue
            for name, doc in _documents(os.path.join(ROOT, folder, filename)):
                texts = list(_texts(doc.get("description"))) + list(_option_texts(doc.get("options")))
                texts += list(_texts(doc.get("notes")))
                for text in texts:
                    found.update((name, s) for s in sentences(text) if REFUSAL.search(s))
    return found


# -- tables

BACKUPS = "tests/emulator/tests/test_backups.py::"
CLUSTERS = "tests/emulator/tests/test_clusters.py::"
ROLES = "tests/emulator/tests/test_roles.py::"
BUSY = [CLUSTERS + "test_creating_then_created_and_busy_while_creating", CLUSTERS + "test_scaling_locks_then_settles"]
RETENTION_ONCE = [BACKUPS + "test_retention_changes_only_once",
                  BACKUPS + "test_retention_sent_unchanged_does_not_use_the_one_change",
                  BACKUPS + "test_retention_changed_once_is_kept_across_a_restart",
                  BACKUPS + "test_standard_serverless_cluster_configures_its_backups"]
LAST_ORG_ADMIN = [ROLES + "test_last_org_admin_is_kept"]

#: (plugin, sentence) -> the emulator tests that prove it refuses the same.
SERVICE = {
    ("cockroach.CLUSTER", "A cluster that is being created or changed (C(CREATING), C(LOCKED)) refuses changes; the "
                          "module waits for it before the first change (see O(wait))."): BUSY,
    ("cockroach.WAIT", "Before the first change, the module waits for a cluster that is C(CREATING) or C(LOCKED), "
                       "because the API refuses changes to it then."): BUSY,
    ("cockroach_cluster", "A cluster that is being created or changed (C(CREATING), C(LOCKED)) refuses changes; the "
                          "module waits for it first."): BUSY,
    ("cockroach_cluster", "Whether the cluster refuses deletion."): [CLUSTERS + "test_delete_protection_blocks_delete"],
    ("cockroach_cluster", "Set at creation only, since the API cannot change it, so a different value for an "
                          "existing cluster fails before any change."): [CLUSTERS + "test_network_visibility_cannot_change"],
    ("cockroach_backup_config", "The service accepts only these values; another one fails before any request."): [
        BACKUPS + "test_config_validation", BACKUPS + "test_every_accepted_retention_can_be_the_one_change"],
    ("cockroach_backup_config", "The service lets the retention of a cluster change B(only once); the API refuses a "
                                "later change, which needs Cockroach Labs support."): RETENTION_ONCE,
    ("cockroach_backup_config", "In check mode a change of O(retention_days) of an existing cluster is predicted "
                                "(C(changed)) with a warning that the API may refuse it."): RETENTION_ONCE,
    ("cockroach_backup_config", "When the API refuses it, the task fails with the API's message (and this rule, if "
                                "the message does not say it) and changes nothing, also not the other options of the "
                                "task, which go in the same request."): [BACKUPS + "test_retention_changes_only_once"],
    ("cockroach_backup_config", "Basic clusters (serverless clusters without provisioned vCPUs) keep a fixed "
                                "schedule, daily backups kept for 30 days, and the API refuses any change of it; the "
                                "task then fails with the API's message."): [
        BACKUPS + "test_basic_cluster_keeps_a_fixed_schedule",
        BACKUPS + "test_standard_serverless_cluster_configures_its_backups"],
    ("cockroach_role_grant", "The service refuses a change that would leave the organization without an "
                             "C(ORG_ADMIN)."): LAST_ORG_ADMIN,
    ("cockroach_user_roles", "The service refuses a change that would leave the organization without an C(ORG_ADMIN); "
                             "the whole change is then refused, nothing is changed."): LAST_ORG_ADMIN,
}

BEFORE_ANY_REQUEST = "the module checks it before any request"
SAFETY_CHECK = "the module's own safety check, after one read"
#: (plugin, sentence) -> why it is the module's own refusal.
MODULE = {
    ("cockroach", "A refused connection or a host name that does not resolve is retried once after half a second, "
                  "then fails."): "a connection refused by the network, not an answer of the API",
    ("cockroach_plugin", "A refused connection or a host name that does not resolve is retried once after half a "
                         "second, then fails."): "a connection refused by the network, not an answer of the API",
    ("cockroach", "By default such a URL is refused before any request, because the key would cross the network in "
                  "clear text."): BEFORE_ANY_REQUEST,
    ("cockroach_plugin", "By default such a URL is refused before any request, because the key would cross the "
                         "network in clear text."): BEFORE_ANY_REQUEST,
    ("cockroach_allowlist", "Parts with leading zeros (V(010.0.0.0)) are refused, as some tools read them as "
                            "octal."): BEFORE_ANY_REQUEST,
    ("cockroach_api_key", "The module refuses to delete the key the task authenticates with (O(api_key)), see "
                          "O(state)."): SAFETY_CHECK,
    ("cockroach_api_key", "V(absent) refuses to delete the key the task authenticates with (the key whose secret is "
                          "O(api_key)), because the tasks that use it would be locked out."): SAFETY_CHECK,
    ("cockroach_api_key", "(M(cockroachdb.cloud.cockroach_service_account) likewise refuses to delete the account "
                          "that owns that key.)"): SAFETY_CHECK,
    ("cockroach_service_account", "The module refuses to delete the account that owns the API key the task "
                                  "authenticates with (that would revoke it); a delete reads that key first."): SAFETY_CHECK,
    ("cockroach_cluster", "A patch version (V(v24.3.5)) is refused, since CockroachDB Cloud rolls out patch releases "
                          "itself."): BEFORE_ANY_REQUEST,
    ("cockroach_cluster", "The kind cannot change."): "the plan: refused before any change (the description says so)",
    ("cockroach_cluster", "Against the live service (U(https://cockroachlabs.cloud)) it is refused before any change; "
                          "give O(serverless.usage_limits) instead."): BEFORE_ANY_REQUEST,
    ("cockroach_cluster", "Required to create one; cannot change."):
        "the cloud provider: refused before any change (the description says so)",
    ("cockroach_cluster", "Every option that is set is either applied, or refused with a message, or (the settings "
                          "of a cluster that O(state=absent) deletes) named in a warning; none is ignored silently."):
        "the module's promise about its options",
    ("cockroach_cluster", "The name, the cloud provider, the kind of plan and the network visibility of a cluster "
                          "cannot change; asking for it fails before any change is sent."): "the module's check after its read",
    ("cockroach_cmek", "A URI of none of these shapes is refused before any request."): BEFORE_ANY_REQUEST,
    ("cockroach_maintenance_window", "The CockroachDB Cloud service takes V(6) to V(167) hours (at least 6 hours, "
                                     "less than a week); against it, a value outside is refused before any change."):
        "the module's check for the live service's window (tests/unit/.../_resources/test_maintenance.py)",
    ("cockroach_metric_export", "It does not take V(AP1), which is refused before any change."):
        "the module's check for the live service's Datadog sites",
    ("cockroach_version_deferral", "An API that speaks the project's contract (the emulator in its default format) "
                                   "takes only V(NOT_DEFERRED) and V(FIXED_DEFERRAL) (or V(DEFERRAL_60_DAYS)); the 30 "
                                   "and 90 days are refused there before any change."):
        "the module's check for a contract server's policies",
    ("cockroach_egress_rule", "One rule per task costs one listing of the cluster's rules (pages of 500) on a task "
                              "that changes nothing, plus one listing of the clusters when O(cluster) is a name, or one "
                              "read of the cluster when it is an id (to refuse serverless clusters)."):
        "the module reads the cluster to refuse serverless ones itself",
    ("cockroach_private_endpoint_connection", "A task that changes nothing reads the connections once (the listing is "
                                              "not paginated), plus one listing of the clusters when O(cluster) is a "
                                              "name, or one read of the cluster when it is an id (to refuse serverless "
                                              "clusters)."): "the module reads the cluster to refuse serverless ones",
    ("cockroach_private_endpoint_connection", "A connection cannot change; one in another region than the task's is "
                                              "refused."): "the module's check after its read",
    ("cockroach_private_endpoint_connection", "One read of the services before the first addition refuses a region "
                                              "without one, and a service still C(CREATING) is waited for."):
        "the module's check after its read",
    ("cockroach_restore", "A time later than the controller's clock is refused, since until then every run would "
                          "start another restore."): BEFORE_ANY_REQUEST,
    ("cockroach.GRANTEE", "A value that is neither an email address (C(name@example.com)) nor a UUID, such as "
                          "C(carol.example.com), is refused before any request."): BEFORE_ANY_REQUEST,
    ("cockroach_role_grant_info", "A value that is neither an email address nor a UUID is refused before any "
                                  "request."): BEFORE_ANY_REQUEST,
    ("cockroach_restore", "The databases (V(DATABASE)) or tables (V(TABLE)) to restore; required with those types, "
                          "refused with V(CLUSTER)."): BEFORE_ANY_REQUEST,
}


def _emulator_tests():
    """{"file::function"} of the tests in tests/emulator/tests (top-level test functions)."""
    folder = os.path.join(ROOT, "tests", "emulator", "tests")
    names = set()
    for filename in os.listdir(folder):
        if filename.startswith("test_") and filename.endswith(".py"):
            tree = ast.parse(open(os.path.join(folder, filename), encoding="utf-8").read())
            names.update("tests/emulator/tests/%s::%s" % (filename, node.name) for node in tree.body
                         if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"))
    return names


def test_every_refusal_sentence_of_the_docs_is_in_a_table():
    unmapped = sorted(refusal_sentences() - set(SERVICE) - set(MODULE))
    assert unmapped == [], ("a sentence of the docs speaks of a refusal: add it to SERVICE with the emulator tests "
                            "that prove the emulator refuses it too, or to MODULE when the module refuses it itself")


def test_every_table_entry_is_a_sentence_of_the_docs():
    found = refusal_sentences()
    assert sorted(set(SERVICE) - found) == [] and sorted(set(MODULE) - found) == []
    assert set(SERVICE) & set(MODULE) == set()


def test_each_refusal_of_the_service_names_emulator_tests_that_exist():
    tests = _emulator_tests()
    assert all(SERVICE.values())
    assert sorted(set(name for names in SERVICE.values() for name in names) - tests) == []


def test_a_sentence_that_says_the_api_refuses_is_not_the_modules_own():
    assert [key for key in MODULE if SERVICE_CLAIM.search(key[1])] == []
    assert all(reason for reason in MODULE.values())


def test_the_reading_finds_what_it_must():
    """The extraction itself: sentences of options (sub-options too) and notes, fragments by name."""
    found = refusal_sentences()
    plugins = set(plugin for plugin, _sentence in found)
    assert {"cockroach.WAIT", "cockroach.CLUSTER", "cockroach_backup_config", "cockroach_restore"} <= plugins
    assert sentences("One. Two (V(a.b)) three; four.  Five?") == ["One.", "Two (V(a.b)) three; four.", "Five?"]
    assert not REFUSAL.search("A connection that ends C(STATUS_REJECTED) fails.")
