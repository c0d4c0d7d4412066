"""What a handler gets: the state, the caller, the parsed request and shortcuts."""

import uuid

from . import auth, clock, lifecycle, pagination
from .errors import ApiError, cluster_busy, not_found
from .store import public


class RequestContext:
    def __init__(self, emulator, op, principal, body, query):
        self.emulator = emulator
        self.config = emulator.config
        self.store = emulator.store
        self.data = emulator.store.data
        self.op = op
        self.principal = principal
        self.body = body if body is not None else {}
        self.query = query
        self.now = clock.now()
        self.cluster = None  # the path's cluster, once authorized
        self.audit_cluster_id = None

    # -- time and ids ----------------------------------------------------------------
    def timestamp(self):
        return clock.iso(self.now)

    @staticmethod
    def new_id():
        return str(uuid.uuid4())

    def schedule(self, resource, transitional, final):
        lifecycle.schedule(resource, self.config.async_seconds, transitional, final)

    # -- roles -----------------------------------------------------------------------
    def can(self, roles, scope_type="ORGANIZATION", scope_id=None):
        return roles is None or auth.has_role(self.data, self.principal, roles, scope_type, scope_id)

    def require(self, roles, scope_type="ORGANIZATION", scope_id=None):
        if roles is not None:
            auth.require(self.data, self.principal, roles, scope_type, scope_id)

    # -- lookups ---------------------------------------------------------------------
    def find_cluster(self, cluster_id, allow_deleted=False):
        cluster = self.data["clusters"].get(cluster_id)
        if cluster is None or (cluster["state"] == "DELETED" and not allow_deleted):
            raise not_found("cluster", cluster_id)
        return lifecycle.settle(cluster)

    def authorize(self, roles, scope, path_params):
        """Resolve the operation's scope (404), its busy state (503) and roles (403)."""
        if scope == "cluster":
            mutating = self.op.method != "GET"
            cluster = self.find_cluster(path_params["cluster_id"],
                                        allow_deleted=self.op.operation_id == "GetCluster")
            self.require(roles, "CLUSTER", cluster["id"])
            if mutating and cluster["state"] in ("CREATING", "LOCKED"):
                raise cluster_busy(cluster)
            self.cluster = cluster
            self.audit_cluster_id = cluster["id"]
        elif scope == "folder":
            folder_id = path_params["folder_id"]
            if folder_id not in self.data["folders"]:
                raise not_found("folder", folder_id)
            self.require(roles, "FOLDER", folder_id)
        elif scope == "parent":
            parent = self.body.get("parent_id") if isinstance(self.body, dict) else None
            if parent and parent != "root":
                if parent not in self.data["folders"]:
                    raise ApiError(400, "parent folder %r does not exist" % parent)
                self.require(roles, "FOLDER", parent)
            else:
                self.require(roles)
        else:
            self.require(roles)

    def children(self, kind, default=dict):
        """Sub-resources of the path's cluster."""
        return self.store.cluster_children(self.cluster["id"], kind, default)

    # -- lists -----------------------------------------------------------------------
    def page(self, items, created_key="created_at"):
        """Paginate resources (oldest first) and return (public items, pagination)."""
        page, info = pagination.paginate(list(items), self.query, created_key)
        return [public(item) for item in page], info
