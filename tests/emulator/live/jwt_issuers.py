"""JWT issuers in the live wire format: the service takes the key set itself (``jwks``, a
JSON document ``{"keys": [...]}`` as text, optional: without it the keys are fetched from the
issuer) where the contract names one by ``jwks_id``, and requires ``audience`` (the
validator enforces it). ``jwks`` is kept on the issuer (``extras``) and shown back; the
contract's handler gets a ``jwks_id`` of its own. The listing is ``jwt_issuers``."""

import json

from ..errors import bad_request
from . import answer, extras, request

# what the contract's handler stores as jwks_id for an issuer made through the live shape
LIVE_JWKS_ID = "live-jwks"


def _check_jwks(jwks):
    try:
        parsed = json.loads(jwks) if isinstance(jwks, str) else None
    except ValueError:
        parsed = None
    if not isinstance(parsed, dict) or not isinstance(parsed.get("keys"), list):
        raise bad_request("jwks must be a JSON Web Key Set as text, such as {\"keys\": [...]}, got %r" % (jwks,))
    return jwks


@request("AddJWTIssuer")
def add(call):
    body = dict(call.body or {})
    if "jwks" in body:
        call.notes["jwks"] = _check_jwks(body.pop("jwks"))
    body["jwks_id"] = LIVE_JWKS_ID
    call.body = body


@request("UpdateJWTIssuer")
def update(call):
    body = dict(call.body or {})
    if "jwks" in body:
        call.notes["jwks"] = _check_jwks(body.pop("jwks"))
    call.body = body


def live_issuer(data, issuer, kept=None):
    stored = data["jwt_issuers"].get(issuer.get("id")) or {}
    out = {k: v for k, v in issuer.items() if k != "jwks_id"}
    out["audience"] = issuer.get("audience") or ""
    kept = stored.get("_live") or {} if kept is None else kept
    if "jwks" in kept:
        out["jwks"] = kept["jwks"]
    return out


def _keep(call, value):
    stored = call.data["jwt_issuers"].get(value.get("id"))
    if stored is not None and "jwks" in call.notes:
        extras(stored)["jwks"] = call.notes["jwks"]


@answer("AddJWTIssuer", "UpdateJWTIssuer")
def changed(call, value):
    _keep(call, value)
    return live_issuer(call.data, value)


@answer("GetJWTIssuer")
def one(call, value):
    return live_issuer(call.data, value)


@request("DeleteJWTIssuer")
def delete(call):
    stored = call.data["jwt_issuers"].get(call.path.get("id")) or {}
    call.notes["kept"] = dict(stored.get("_live") or {})  # gone from the store when the answer is made


@answer("DeleteJWTIssuer")
def deleted(call, value):
    return live_issuer(call.data, value, call.notes.get("kept"))


@answer("ListJWTIssuers")
def listing(call, value):
    issuers = value.get("issuers") or []
    out = {k: v for k, v in value.items() if k != "issuers"}
    out["jwt_issuers"] = [live_issuer(call.data, i) for i in issuers]
    return out
