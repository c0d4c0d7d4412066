"""The role sets that operations need, as the contract's operation descriptions say.

Each handler names its set and scope in its decorator (``registry.operation``).
``ANY_KEY`` (None) means any authenticated caller (an organization member).
"""

ANY_KEY = None
READ_CLUSTER = frozenset({"ORG_ADMIN", "CLUSTER_ADMIN", "CLUSTER_OPERATOR_WRITER", "CLUSTER_DEVELOPER"})
ADMIN_CLUSTER = frozenset({"CLUSTER_ADMIN"})
OPERATE_CLUSTER = frozenset({"CLUSTER_ADMIN", "CLUSTER_OPERATOR_WRITER"})
SQL_USER_READ = frozenset({"CLUSTER_ADMIN", "CLUSTER_OPERATOR_WRITER", "CLUSTER_DEVELOPER"})
ORG_ADMIN = frozenset({"ORG_ADMIN"})
KEY_READ = frozenset({"ORG_ADMIN", "CLUSTER_ADMIN"})
FOLDER_ADMIN = frozenset({"FOLDER_ADMIN"})
FOLDER_MOVE = frozenset({"FOLDER_ADMIN", "FOLDER_MOVER"})
BILLING = frozenset({"ORG_ADMIN", "BILLING_COORDINATOR"})
