"""Handlers by operationId, each with the roles and the scope its operation needs.

``@operation("GetCluster", roles=READ_CLUSTER, scope="cluster")`` registers one. Both
keywords are required and checked here, so no operation is served without its rule.
"""

import collections

# Where a grant must sit: the organization, the path's cluster, the path's folder, or
# "parent": the folder named by the body's parent_id, else the organization.
SCOPES = ("org", "cluster", "folder", "parent")

Handler = collections.namedtuple("Handler", "func roles scope")

HANDLERS = {}


def operation(operation_id, *, roles, scope):
    if scope not in SCOPES:
        raise ValueError("%s: scope must be one of %s, got %r" % (operation_id, ", ".join(SCOPES), scope))
    if roles is not None and not (isinstance(roles, frozenset) and roles):
        raise ValueError("%s: roles must be a non-empty frozenset of role names, or None "
                         "(any key), got %r" % (operation_id, roles))

    def decorate(func):
        if operation_id in HANDLERS:
            raise RuntimeError("two handlers for %s" % operation_id)
        HANDLERS[operation_id] = Handler(func, roles, scope)
        return func
    return decorate
