"""Organizations: the caller's organization."""

from ..permissions import ANY_KEY
from ..registry import operation


@operation("GetOrganizationInfo", roles=ANY_KEY, scope="org")
def get_organization(ctx):
    return dict(ctx.data["organization"])
