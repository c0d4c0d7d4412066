"""Version deferral: whether automatic upgrades of a cluster are delayed (NOTES.md).

Decisions where the contract is open: a cluster starts with ``NOT_DEFERRED``; Set needs
``deferral_policy`` (400 otherwise) and answers the policy as stored; any plan may set it.
"""

from ..errors import bad_request
from ..permissions import OPERATE_CLUSTER, READ_CLUSTER
from ..registry import operation

KIND = "version_deferral"
POLICIES = ("NOT_DEFERRED", "FIXED_DEFERRAL")
DEFAULT = "NOT_DEFERRED"


@operation("GetClusterVersionDeferral", roles=READ_CLUSTER, scope="cluster")
def get_version_deferral(ctx, cluster_id):
    return {"deferral_policy": ctx.children(KIND).get("deferral_policy", DEFAULT)}


@operation("SetClusterVersionDeferral", roles=OPERATE_CLUSTER, scope="cluster")
def set_version_deferral(ctx, cluster_id):
    policy = ctx.body.get("deferral_policy")
    if policy not in POLICIES:
        raise bad_request("deferral_policy is required: one of %s, got %r" % (", ".join(POLICIES), policy))
    ctx.children(KIND)["deferral_policy"] = policy
    return {"deferral_policy": policy}
