"""Which roles each operation needs, as the contract's operation descriptions say.

``None`` means any authenticated caller (an organization member). The scope is where
a grant must sit: the organization, the cluster of the path, or a folder.
"""

READ_CLUSTER = frozenset({"ORG_ADMIN", "CLUSTER_ADMIN", "CLUSTER_OPERATOR_WRITER", "CLUSTER_DEVELOPER"})
ADMIN_CLUSTER = frozenset({"CLUSTER_ADMIN"})
OPERATE_CLUSTER = frozenset({"CLUSTER_ADMIN", "CLUSTER_OPERATOR_WRITER"})
SQL_USER_READ = frozenset({"CLUSTER_ADMIN", "CLUSTER_OPERATOR_WRITER", "CLUSTER_DEVELOPER"})
ORG_ADMIN = frozenset({"ORG_ADMIN"})
KEY_READ = frozenset({"ORG_ADMIN", "CLUSTER_ADMIN"})
FOLDER_ADMIN = frozenset({"FOLDER_ADMIN"})
FOLDER_MOVE = frozenset({"FOLDER_ADMIN", "FOLDER_MOVER"})
BILLING = frozenset({"ORG_ADMIN", "BILLING_COORDINATOR"})

# operationId -> (roles, scope) with scope "org", "cluster", "folder" or "parent"
# ("parent": the folder named by the body's parent_id, else the organization).
RULES = {
    "GetOrganizationInfo": (None, "org"),
    "ListClusters": (None, "org"),  # filtered to the clusters the caller can read
    "CreateCluster": (ADMIN_CLUSTER, "parent"),
    "GetCluster": (READ_CLUSTER, "cluster"),
    "UpdateCluster": (ADMIN_CLUSTER, "cluster"),
    "DeleteCluster": (ADMIN_CLUSTER, "cluster"),
    "GetConnectionString": (READ_CLUSTER, "cluster"),
    "ListClusterNodes": (READ_CLUSTER, "cluster"),
    "ListAvailableRegions": (None, "org"),
    "ListMajorClusterVersions": (None, "org"),
    "ListDatabases": (READ_CLUSTER, "cluster"),
    "CreateDatabase": (ADMIN_CLUSTER, "cluster"),
    "EditDatabase": (ADMIN_CLUSTER, "cluster"),
    "DeleteDatabase": (ADMIN_CLUSTER, "cluster"),
    "ListSQLUsers": (SQL_USER_READ, "cluster"),
    "CreateSQLUser": (ADMIN_CLUSTER, "cluster"),
    "DeleteSQLUser": (ADMIN_CLUSTER, "cluster"),
    "UpdateSQLUserPassword": (ADMIN_CLUSTER, "cluster"),
    "ListApiKeys": (KEY_READ, "org"),
    "CreateApiKey": (ORG_ADMIN, "org"),
    "GetApiKey": (KEY_READ, "org"),
    "UpdateApiKey": (ORG_ADMIN, "org"),
    "DeleteApiKey": (ORG_ADMIN, "org"),
    "ListServiceAccounts": (None, "org"),
    "CreateServiceAccount": (ORG_ADMIN, "org"),
    "GetServiceAccount": (None, "org"),
    "UpdateServiceAccount": (ORG_ADMIN, "org"),
    "DeleteServiceAccount": (ORG_ADMIN, "org"),
    "ListFolders": (None, "org"),
    "CreateFolder": (FOLDER_ADMIN, "parent"),
    "GetFolder": (None, "org"),
    "UpdateFolder": (FOLDER_MOVE, "folder"),
    "DeleteFolder": (FOLDER_ADMIN, "folder"),
    "ListFolderContents": (None, "org"),
    "ListAllowlistEntries": (READ_CLUSTER, "cluster"),
    "AddAllowlistEntry": (OPERATE_CLUSTER, "cluster"),
    "UpdateAllowlistEntry": (OPERATE_CLUSTER, "cluster"),
    "DeleteAllowlistEntry": (OPERATE_CLUSTER, "cluster"),
    "ListPrivateEndpointServices": (READ_CLUSTER, "cluster"),
    "CreatePrivateEndpointServices": (OPERATE_CLUSTER, "cluster"),
    "ListPrivateEndpointConnections": (READ_CLUSTER, "cluster"),
    "AddPrivateEndpointConnection": (OPERATE_CLUSTER, "cluster"),
    "DeletePrivateEndpointConnection": (OPERATE_CLUSTER, "cluster"),
    "ListEgressRules": (READ_CLUSTER, "cluster"),
    "AddEgressRule": (OPERATE_CLUSTER, "cluster"),
    "GetEgressRule": (READ_CLUSTER, "cluster"),
    "EditEgressRule": (OPERATE_CLUSTER, "cluster"),
    "DeleteEgressRule": (OPERATE_CLUSTER, "cluster"),
    "ListBackups": (READ_CLUSTER, "cluster"),
    "GetBackupConfiguration": (READ_CLUSTER, "cluster"),
    "UpdateBackupConfiguration": (ADMIN_CLUSTER, "cluster"),
    "ListRestores": (READ_CLUSTER, "cluster"),
    "CreateRestore": (ADMIN_CLUSTER, "cluster"),
    "GetRestore": (READ_CLUSTER, "cluster"),
    "GetLogExportInfo": (READ_CLUSTER, "cluster"),
    "EnableLogExport": (OPERATE_CLUSTER, "cluster"),
    "DeleteLogExport": (OPERATE_CLUSTER, "cluster"),
    "GetCloudWatchMetricExportInfo": (READ_CLUSTER, "cluster"),
    "EnableCloudWatchMetricExport": (OPERATE_CLUSTER, "cluster"),
    "DeleteCloudWatchMetricExport": (OPERATE_CLUSTER, "cluster"),
    "GetDatadogMetricExportInfo": (READ_CLUSTER, "cluster"),
    "EnableDatadogMetricExport": (OPERATE_CLUSTER, "cluster"),
    "DeleteDatadogMetricExport": (OPERATE_CLUSTER, "cluster"),
    "GetPrometheusMetricExportInfo": (READ_CLUSTER, "cluster"),
    "EnablePrometheusMetricExport": (OPERATE_CLUSTER, "cluster"),
    "DeletePrometheusMetricExport": (OPERATE_CLUSTER, "cluster"),
    "GetCMEKClusterInfo": (READ_CLUSTER, "cluster"),
    "EnableCMEKSpec": (ADMIN_CLUSTER, "cluster"),
    "UpdateCMEKSpec": (ADMIN_CLUSTER, "cluster"),
    "UpdateCMEKStatus": (ADMIN_CLUSTER, "cluster"),
    "ListRoleGrants": (ORG_ADMIN, "org"),
    "GetAllRolesForUser": (ORG_ADMIN, "org"),
    "SetRolesForUser": (ORG_ADMIN, "org"),
    "AddUserToRole": (ORG_ADMIN, "org"),
    "RemoveUserFromRole": (ORG_ADMIN, "org"),
    "GetPersonUsersByEmail": (ORG_ADMIN, "org"),
    "ListInvoices": (BILLING, "org"),
    "GetInvoice": (BILLING, "org"),
    "ListAuditLogs": (ORG_ADMIN, "org"),
    "ListJWTIssuers": (ORG_ADMIN, "org"),
    "AddJWTIssuer": (ORG_ADMIN, "org"),
    "GetJWTIssuer": (ORG_ADMIN, "org"),
    "UpdateJWTIssuer": (ORG_ADMIN, "org"),
    "DeleteJWTIssuer": (ORG_ADMIN, "org"),
    "GetMaintenanceWindow": (READ_CLUSTER, "cluster"),
    "SetMaintenanceWindow": (OPERATE_CLUSTER, "cluster"),
    "DeleteMaintenanceWindow": (OPERATE_CLUSTER, "cluster"),
    "GetClusterVersionDeferral": (READ_CLUSTER, "cluster"),
    "SetClusterVersionDeferral": (OPERATE_CLUSTER, "cluster"),
}
