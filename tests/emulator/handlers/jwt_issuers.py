"""JWT issuers: identity providers whose tokens the organization's clusters accept.

An issuer is ``{id, issuer_url, jwks_id, audience?, claim?, identity_map?, created_at,
updated_at}`` (the optional fields as the official Terraform provider sends them:
``audience`` and ``claim`` strings, ``identity_map`` a list of ``{token_identity,
cc_identity}``). ``issuer_url`` must be an https URL and is unique in the organization.
"""

from urllib.parse import urlsplit

from ..errors import bad_request, conflict, not_found
from ..permissions import ORG_ADMIN
from ..registry import operation
from ..store import public


def _check_url(url):
    try:
        parts = urlsplit(url) if isinstance(url, str) else None
    except ValueError:
        parts = None
    if parts is None or parts.scheme != "https" or not parts.hostname:
        raise bad_request("issuer_url must be an https URL such as https://accounts.example.com, got %r" % (url,))
    return url


def _check_text(value, field):
    if not isinstance(value, str) or not value.strip():
        raise bad_request("%s must be a non-empty string" % field)
    return value


def _check_identity_map(value):
    if not isinstance(value, list):
        raise bad_request("identity_map must be a list of {token_identity, cc_identity} objects")
    mapped = []
    for index, item in enumerate(value):
        if not isinstance(item, dict):
            raise bad_request("identity_map[%d] must be an object {token_identity, cc_identity}" % index)
        mapped.append({field: _check_text(item.get(field), "identity_map[%d].%s" % (index, field))
                       for field in ("token_identity", "cc_identity")})
    return mapped


def _fields(body, required):
    """The checked fields of an add or update body (only those sent, unless required)."""
    fields = {}
    for name in ("issuer_url", "jwks_id"):
        if body.get(name) is not None or required:
            fields[name] = _check_text(body.get(name), name)
    if "issuer_url" in fields:
        _check_url(fields["issuer_url"])
    for name in ("audience", "claim"):
        if body.get(name) is not None:
            fields[name] = _check_text(body[name], name)
    if body.get("identity_map") is not None:
        fields["identity_map"] = _check_identity_map(body["identity_map"])
    return fields


def _check_unique(data, url, issuer_id=None):
    for other in data["jwt_issuers"].values():
        if other["issuer_url"] == url and other["id"] != issuer_id:
            raise conflict("a JWT issuer for %s already exists (id %s)" % (url, other["id"]))


def _find(data, issuer_id):
    issuer = data["jwt_issuers"].get(issuer_id)
    if issuer is None:
        raise not_found("JWT issuer", issuer_id)
    return issuer


@operation("ListJWTIssuers", roles=ORG_ADMIN, scope="org")
def list_jwt_issuers(ctx):
    issuers, pagination = ctx.page(ctx.data["jwt_issuers"].values())
    return {"issuers": issuers, "pagination": pagination}


@operation("AddJWTIssuer", roles=ORG_ADMIN, scope="org")
def add_jwt_issuer(ctx):
    fields = _fields(ctx.body, required=True)
    _check_unique(ctx.data, fields["issuer_url"])
    issuer_id = ctx.new_id()
    issuer = dict(fields, id=issuer_id, created_at=ctx.timestamp(), updated_at=ctx.timestamp())
    ctx.data["jwt_issuers"][issuer_id] = issuer
    return public(issuer)


@operation("GetJWTIssuer", roles=ORG_ADMIN, scope="org")
def get_jwt_issuer(ctx, id):  # pylint: disable=redefined-builtin
    return public(_find(ctx.data, id))


@operation("UpdateJWTIssuer", roles=ORG_ADMIN, scope="org")
def update_jwt_issuer(ctx, id):  # pylint: disable=redefined-builtin
    issuer = _find(ctx.data, id)
    fields = _fields(ctx.body, required=False)
    if "issuer_url" in fields:
        _check_unique(ctx.data, fields["issuer_url"], id)
    changed = {k: v for k, v in fields.items() if issuer.get(k) != v}
    if changed:  # a no-op update leaves updated_at alone
        issuer.update(changed)
        issuer["updated_at"] = ctx.timestamp()
    return public(issuer)


@operation("DeleteJWTIssuer", roles=ORG_ADMIN, scope="org")
def delete_jwt_issuer(ctx, id):  # pylint: disable=redefined-builtin
    issuer = _find(ctx.data, id)
    del ctx.data["jwt_issuers"][id]
    return public(issuer)
