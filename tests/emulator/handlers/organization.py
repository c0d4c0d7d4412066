"""Organizations: the caller's organization."""

from ..registry import operation


@operation("GetOrganizationInfo")
def get_organization(ctx):
    return dict(ctx.data["organization"])
