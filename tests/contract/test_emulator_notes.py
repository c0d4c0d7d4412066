"""The copy of the contract documents the emulator's own rules as ``x-emulator-notes``.

RULES lists the rules the handlers enforce where the contract is open, as a part of the
note that must say so; a new rule in a handler belongs in both places.
"""

from tests.emulator import handlers, spec
from tests.emulator.registry import HANDLERS

NOTES = "x-emulator-notes"
DOCUMENT = spec.load_document()
OPERATIONS = spec.operations(DOCUMENT)
DEDICATED = "DEDICATED clusters only"

RULES = {
    "ListClusters": ["show_inactive=true", "the caller can read"],
    "CreateCluster": ["6 to 20 lowercase letters", "not DELETED (409)", "exactly one of serverless or dedicated",
                      "several regions need primary_region", "spend_limit and usage_limits are mutually exclusive",
                      "1 to 150 per region", "machine_type or num_virtual_cpus", "15 to 16384",
                      "at most 50", "parent_id must be an existing folder", "CREATING, then CREATED"],
    "GetCluster": ["deleted_at"],
    "UpdateCluster": ["plan cannot change", "sent alone", "only the next major version", "cannot decrease",
                      "mutually exclusive", "LOCKED"],
    "DeleteCluster": ["delete_protection is ENABLED", "DELETED at once"],
    "GetConnectionString": ["defaultdb"],
    "ListDatabases": ["defaultdb and postgres"],
    "CreateDatabase": ["1 to 63 letters", "(409)"],
    "EditDatabase": ["new_name is required"],
    "CreateSQLUser": ["1 to 63 lowercase letters", "reserved", "at least 8 characters"],
    "UpdateSQLUserPassword": ["at least 8 characters"],
    "CreateApiKey": ["1 to 100 characters", "existing service account", "this response only"],
    "UpdateApiKey": ["1 to 100 characters"],
    "CreateServiceAccount": ["at most 255 characters", "at most 1024 characters"],
    "UpdateServiceAccount": ["at most 255 characters"],
    "DeleteServiceAccount": ["without an ORG_ADMIN"],
    "ListFolders": ["path prefix"],
    "CreateFolder": ["1 to 32 letters", "unique among siblings (409)", "parent_id must be an existing folder"],
    "UpdateFolder": ["cannot move under itself", "FOLDER_MOVER on the destination"],
    "DeleteFolder": ["holds folders or clusters"],
    "ListFolderContents": ["cannot read"],
    "AddAllowlistEntry": ["IPv4 only", "canonical form", "(409)", "sql true, ui false"],
    "UpdateAllowlistEntry": ["must name the entry of the path"],
    "DeleteAllowlistEntry": ["canonical form"],
    "ListPrivateEndpointServices": ["Empty on clusters that are not DEDICATED"],
    "CreatePrivateEndpointServices": [DEDICATED, "CREATING then AVAILABLE", "only missing regions"],
    "ListPrivateEndpointConnections": ["Empty on clusters that are not DEDICATED"],
    "AddPrivateEndpointConnection": [DEDICATED, "already connected answers 409", "must be AVAILABLE",
                                     "STATUS_PENDING"],
    "DeletePrivateEndpointConnection": ["404"],
    "ListEgressRules": ["Empty on clusters that are not DEDICATED"],
    "AddEgressRule": [DEDICATED, "1 to 63 characters", "inferred from destination", "must be IPv4",
                      "dotted host name", "1 to 65535", "PENDING, then ACTIVE"],
    "GetEgressRule": ["404 on clusters that are not DEDICATED"],
    "EditEgressRule": [DEDICATED, "PENDING again"],
    "DeleteEgressRule": ["idempotency_key"],
    "ListBackups": ["frequency_minutes", "retention_days", "at most the last 50", "end_time (exclusive)"],
    "GetBackupConfiguration": ["frequency_minutes 60, retention_days 30", "Basic cluster", "frequency_minutes 1440"],
    "UpdateBackupConfiguration": ["5, 10, 15, 30, 60, 240, 1440", "2, 7, 30, 90, 365", "changes only once",
                                  "Basic cluster"],
    "ListRestores": ["end_time (exclusive)"],
    "CreateRestore": ["listed backup of this cluster", "need target.objects", "while one is PENDING answers 409"],
    "GetLogExportInfo": [DEDICATED, "404"],
    "EnableLogExport": [DEDICATED, "auth_principal is required", "AWS_CLOUDWATCH on AWS", "known log channels",
                        "min_level", "409 while ENABLING or DISABLING"],
    "DeleteLogExport": [DEDICATED, "DISABLING, then gone"],
    "GetCloudWatchMetricExportInfo": [DEDICATED, "not on AWS"],
    "EnableCloudWatchMetricExport": [DEDICATED, "not on AWS", "IAM role ARN", "409 while ENABLING or DISABLING"],
    "DeleteCloudWatchMetricExport": [DEDICATED, "not on AWS", "DISABLING, then gone"],
    "GetDatadogMetricExportInfo": [DEDICATED, "masked"],
    "EnableDatadogMetricExport": [DEDICATED, "api_key is required", "US1 (default)", "409 while ENABLING"],
    "DeleteDatadogMetricExport": [DEDICATED, "DISABLING, then gone"],
    "GetPrometheusMetricExportInfo": [DEDICATED],
    "EnablePrometheusMetricExport": [DEDICATED, "one scrape URL per cluster region", "409 while ENABLING"],
    "DeletePrometheusMetricExport": [DEDICATED, "DISABLING, then gone"],
    "GetCMEKClusterInfo": [DEDICATED, "never enabled"],
    "EnableCMEKSpec": [DEDICATED, "distinct region", "AWS_KMS on AWS", "409 once CMEK is configured"],
    "UpdateCMEKSpec": [DEDICATED, "409 while ENABLING, ROTATING or REVOKING", "400 once REVOKED"],
    "UpdateCMEKStatus": [DEDICATED, "ROTATE (ROTATING, then ENABLED)", "REVOKE (REVOKING, then REVOKED)"],
    "GetAllRolesForUser": ["service account or a person"],
    "SetRolesForUser": ["organization only", "or a folder", "must exist", "without an ORG_ADMIN"],
    "AddUserToRole": ["unknown role or resource answers 404"],
    "RemoveUserFromRole": ["not held answers 404", "last ORG_ADMIN"],
    "GetPersonUsersByEmail": ["case"],
    "ListInvoices": ["status filters"],
    "ListAuditLogs": ["1 to 1000 (default 200)", "exclusive", "next_starting_from", "masked", "strictly increase"],
    "AddJWTIssuer": ["https URL", "(409)", "jwks_id is required", "identity_map"],
    "UpdateJWTIssuer": ["keeps updated_at"],
    "GetMaintenanceWindow": ["404 when no window"],
    "SetMaintenanceWindow": ["required", "3600s", "Any plan"],
    "DeleteMaintenanceWindow": ["404 when no window"],
    "GetClusterVersionDeferral": ["NOT_DEFERRED"],
    "SetClusterVersionDeferral": ["deferral_policy is required"],
}


def notes_of(operation):
    return DOCUMENT["paths"][operation.path][operation.method.lower()].get(NOTES, [])


def test_every_rule_of_the_table_has_its_note():
    by_id = {op.operation_id: op for op in OPERATIONS}
    missing = [(op_id, part) for op_id, parts in RULES.items() for part in parts
               if not any(part in note for note in notes_of(by_id[op_id]))]
    assert missing == []


def test_every_mutating_cluster_operation_notes_the_503_of_busy_clusters():
    handlers.load()
    mutating = [op for op in OPERATIONS if HANDLERS[op.operation_id].scope == "cluster" and op.method != "GET"]
    assert len(mutating) == 33
    assert [op.operation_id for op in mutating
            if "Answers 503 while the cluster is CREATING or LOCKED." not in notes_of(op)] == []


def test_notes_are_lists_of_sentences_at_the_top_and_on_operations_only():
    def where_notes(node, path):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == NOTES:
                    yield path
                    assert isinstance(value, list) and value, path
                    assert all(isinstance(n, str) and n.endswith(".") for n in value), path
                else:
                    yield from where_notes(value, path + (key,))
        elif isinstance(node, list):
            for index, value in enumerate(node):
                yield from where_notes(value, path + (index,))

    places = list(where_notes(DOCUMENT, ()))
    operations = {("paths", op.path, op.method.lower()) for op in OPERATIONS}
    assert places[0] == () and set(places[1:]) <= operations
    assert len(places) > len(RULES)
