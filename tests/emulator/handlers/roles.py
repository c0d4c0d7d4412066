"""Role management: grants of built-in roles to service accounts and people.

State: ``data["role_grants"][user_id] = [{name, resource: {type, id}}]``. A user is a
service account or a person of the organization. Grants are checked before anything
changes, and no change may leave the organization without an ORG_ADMIN.
"""

from ..errors import ApiError, bad_request, not_found
from ..permissions import ORG_ADMIN
from ..registry import operation

ORG_ONLY = ("ORGANIZATION",)
ORG_OR_FOLDER = ("ORGANIZATION", "FOLDER")
ANY_SCOPE = ("ORGANIZATION", "FOLDER", "CLUSTER")
# role name -> resource types a grant of it may sit on
ROLE_SCOPES = {
    "ORG_ADMIN": ORG_ONLY,
    "ORG_MEMBER": ORG_ONLY,
    "BILLING_COORDINATOR": ORG_ONLY,
    "FOLDER_ADMIN": ORG_OR_FOLDER,
    "FOLDER_MOVER": ORG_OR_FOLDER,
    "CLUSTER_ADMIN": ANY_SCOPE,
    "CLUSTER_OPERATOR_WRITER": ANY_SCOPE,
    "CLUSTER_DEVELOPER": ANY_SCOPE,
}


# -- lookups --------------------------------------------------------------------------
def check_user(data, user_id):
    """404 unless ``user_id`` is a service account or a person of the organization."""
    if user_id not in data["service_accounts"] and user_id not in data["persons"]:
        raise not_found("user", user_id)


def grants_of(data, user_id):
    return [_copy(grant) for grant in data["role_grants"].get(user_id, [])]


def _copy(grant):
    return {"name": grant["name"], "resource": dict(grant["resource"])}


def _key(grant):
    return grant["name"], grant["resource"]["type"], grant["resource"]["id"]


def _resource_exists(data, resource_type, resource_id):
    if resource_type == "ORGANIZATION":
        return resource_id == data["organization"]["id"]
    if resource_type == "FOLDER":
        return resource_id in data["folders"]
    cluster = data["clusters"].get(resource_id)
    return cluster is not None and cluster["state"] != "DELETED"


def make_grant(data, name, resource_type, resource_id, error=bad_request):
    """A checked grant; ``error`` builds the answer for an unknown role or resource."""
    if name not in ROLE_SCOPES:
        raise error("unknown role %r; roles are %s" % (name, ", ".join(ROLE_SCOPES)))
    if resource_type not in ANY_SCOPE:
        raise bad_request("resource type must be one of %s, got %r" % (", ".join(ANY_SCOPE), resource_type))
    if resource_type not in ROLE_SCOPES[name]:
        raise bad_request("role %s can only be granted on %s, not on %s"
                          % (name, " or ".join(ROLE_SCOPES[name]), resource_type))
    if not _resource_exists(data, resource_type, resource_id):
        what = "the organization's id is %s" % data["organization"]["id"] if resource_type == "ORGANIZATION" else "it does not exist"
        raise error("%s %r cannot hold role grants: %s" % (resource_type.lower(), resource_id, what))
    return {"name": name, "resource": {"type": resource_type, "id": resource_id}}


def parse_roles(data, roles, held=()):
    """Checked, de-duplicated grants from a request body's ``roles`` list (400 on error).

    A grant in ``held`` (the user's current grants) is kept as it is even when its
    resource has gone since, so a read-modify-write of the roles does not fail.
    """
    held_keys = {_key(g) for g in held}
    if not isinstance(roles, list):
        raise bad_request("roles must be a list of {name, resource: {type, id}} objects")
    grants, seen = [], set()
    for index, role in enumerate(roles):
        where = "roles[%d]" % index
        if not isinstance(role, dict) or not isinstance(role.get("resource"), dict):
            raise bad_request("%s must be an object {name, resource: {type, id}}" % where)
        resource = role["resource"]
        resource_type = resource.get("type")
        resource_id = resource.get("id")
        # The organization is implied when its id is left out.
        if resource_type == "ORGANIZATION" and not resource_id:
            resource_id = data["organization"]["id"]
        if not isinstance(role.get("name"), str) or not isinstance(resource_id, str):
            raise bad_request("%s needs a string name and a string resource.id" % where)
        grant = {"name": role["name"], "resource": {"type": resource_type, "id": resource_id}}
        if _key(grant) not in held_keys:
            try:
                grant = make_grant(data, role["name"], resource_type, resource_id)
            except ApiError as error:
                raise bad_request("%s: %s" % (where, error.message)) from None
        if _key(grant) not in seen:
            seen.add(_key(grant))
            grants.append(grant)
    return grants


def _org_admins(data, changes):
    """How many users would hold ORG_ADMIN after ``changes`` (user_id -> grants)."""
    count = 0
    for user_id in set(data["role_grants"]) | set(changes):
        grants = changes[user_id] if user_id in changes else data["role_grants"][user_id]
        if any(g["name"] == "ORG_ADMIN" and g["resource"]["type"] == "ORGANIZATION" for g in grants):
            count += 1
    return count


def check_org_admin_remains(data, changes):
    """400 when ``changes`` would leave nobody with ORG_ADMIN (nobody could manage roles)."""
    if _org_admins(data, changes) == 0:
        raise bad_request("this change would leave the organization without any ORG_ADMIN; "
                          "grant ORG_ADMIN to another user first")


def set_grants(data, user_id, grants):
    if grants:
        data["role_grants"][user_id] = grants
    else:
        data["role_grants"].pop(user_id, None)


def drop_resource_grants(data, resource_type, resource_id):
    """Forget grants on a resource that no longer exists."""
    for user_id in list(data["role_grants"]):
        kept = [g for g in data["role_grants"][user_id]
                if (g["resource"]["type"], g["resource"]["id"]) != (resource_type, resource_id)]
        set_grants(data, user_id, kept)


# -- operations -----------------------------------------------------------------------
@operation("ListRoleGrants", roles=ORG_ADMIN, scope="org")
def list_role_grants(ctx):
    items = [{"user_id": user_id, "roles": grants_of(ctx.data, user_id)}
             for user_id, grants in ctx.data["role_grants"].items() if grants]
    grants, pagination = ctx.page(items, created_key=None)
    return {"grants": grants, "pagination": pagination}


@operation("GetAllRolesForUser", roles=ORG_ADMIN, scope="org")
def get_all_roles_for_user(ctx, user_id):
    check_user(ctx.data, user_id)
    return {"roles": grants_of(ctx.data, user_id)}


@operation("SetRolesForUser", roles=ORG_ADMIN, scope="org")
def set_roles_for_user(ctx, user_id):
    check_user(ctx.data, user_id)
    grants = parse_roles(ctx.data, ctx.body.get("roles"), ctx.data["role_grants"].get(user_id, []))
    check_org_admin_remains(ctx.data, {user_id: grants})
    set_grants(ctx.data, user_id, grants)
    return {"roles": grants_of(ctx.data, user_id)}


@operation("AddUserToRole", roles=ORG_ADMIN, scope="org")
def add_user_to_role(ctx, user_id, resource_type, resource_id, role_name):
    check_user(ctx.data, user_id)
    # Path parts name things: an unknown role or resource is "not found" here.
    grant = make_grant(ctx.data, role_name, resource_type, resource_id,
                       error=lambda message: ApiError(404, message))
    if resource_type == "CLUSTER":
        ctx.audit_cluster_id = resource_id
    grants = grants_of(ctx.data, user_id)
    if _key(grant) not in {_key(g) for g in grants}:
        grants.append(grant)  # adding a grant already held changes nothing
    set_grants(ctx.data, user_id, grants)
    return {"roles": grants_of(ctx.data, user_id)}


@operation("RemoveUserFromRole", roles=ORG_ADMIN, scope="org")
def remove_user_from_role(ctx, user_id, resource_type, resource_id, role_name):
    check_user(ctx.data, user_id)
    # No resource check: a grant on a resource deleted since can still be removed.
    grant = {"name": role_name, "resource": {"type": resource_type, "id": resource_id}}
    if resource_type == "CLUSTER":
        ctx.audit_cluster_id = resource_id
    grants = grants_of(ctx.data, user_id)
    kept = [g for g in grants if _key(g) != _key(grant)]
    if len(kept) == len(grants):
        raise not_found("role grant", "%s on %s %s for user %s"
                        % (role_name, resource_type, resource_id, user_id))
    check_org_admin_remains(ctx.data, {user_id: kept})
    set_grants(ctx.data, user_id, kept)
    return {"roles": grants_of(ctx.data, user_id)}


@operation("GetPersonUsersByEmail", roles=ORG_ADMIN, scope="org")
def get_person_users_by_email(ctx):
    email = (ctx.query.get("email") or "").strip().lower()
    users = [dict(person) for person in ctx.data["persons"].values()
             if person["email"].lower() == email]
    return {"users": users}
