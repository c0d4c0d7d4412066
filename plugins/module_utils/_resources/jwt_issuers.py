# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""JWT issuers of the organization (a Collection of the kit, by URL or id), with what
cockroach_jwt_issuer_info reads."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
import re

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import MAX_PAGE_SIZE, ApiError
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import (
    InvalidInput,
    OnlyWith,
    refuse_blank,
)
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.collection import Collection
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.fields import Field, Fields
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.info import listing_info

# -- JWT issuers ---------------------------------------------------------------------------------

_HTTPS_RE = re.compile(r"^https://[^/\s?#:]+(:\d+)?(/\S*)?$")


def check_issuer_url(url, option="issuer_url"):
    if not isinstance(url, str) or not _HTTPS_RE.match(url):
        raise InvalidInput("%s must be an https URL such as https://accounts.example.com, got %r" % (option, url))


def _identity_map(value, task=None):
    return [{"token_identity": e["token_identity"], "cc_identity": e["cc_identity"]} for e in value]


def _api_identity_map(value):
    return [{"token_identity": e.get("token_identity"), "cc_identity": e.get("cc_identity")} for e in value or []]


def parse_jwks(value, option="jwks"):
    """A JSON Web Key Set given as a mapping or as its JSON text: the mapping (``{"keys": [...]}``)."""
    parsed = value
    if isinstance(value, str):
        try:
            parsed = json.loads(value)
        except ValueError as error:
            raise InvalidInput("%s is not valid JSON (%s): give the key set as a mapping {keys: [...]} or as its "
                               "JSON text" % (option, error)) from None
    if not isinstance(parsed, dict) or not isinstance(parsed.get("keys"), list):
        raise InvalidInput("%s must be a JSON Web Key Set, a mapping with a list of keys ({keys: [...]}), got %r"
                           % (option, value))
    return parsed


def _jwks(value, task=None):
    return parse_jwks(value)


def _api_jwks(value):
    """The key set the service shows (JSON text), as a mapping; text that is no key set as it is."""
    try:
        return parse_jwks(value)
    except InvalidInput:
        return value


def _jwks_text(value):
    return json.dumps(value, sort_keys=True, separators=(",", ":"))


# what each wire format names the listing and needs to create an issuer
_LISTING_KEYS = ("issuers", "jwt_issuers")
_REQUIRED_TO_CREATE = {"contract": ("jwks_id",), "live": ("audience",)}


class JwtIssuer(Collection):
    """``/jwt-issuers``, by issuer URL (unique in the organization) or by id; PATCH sends what
    changes. ``audience``, ``claim`` and ``identity_map`` are not in the contract: the service
    takes them as the official Terraform provider sends them (see the emulator's notes).

    The live service names no key set by id: it takes the key set itself (``jwks``, JSON text)
    and needs ``audience`` to create an issuer; the contract names it by ``jwks_id`` and has
    no ``jwks``. An option the server's format has no field for is refused after the one read,
    before any change (``check_wire``)."""

    kind = "jwt_issuer"
    noun = "JWT issuer"
    path = "jwt-issuers"
    items = "issuers"  # the contract's; the live service lists them under jwt_issuers (read_listing reads both)
    key = "issuer_url"
    item_key = "id"
    id_option = "id"
    only_with = (OnlyWith(("jwks_id", "jwks", "audience", "claim", "identity_map"), "state", "present", warn=True,
                          hint="a delete takes no settings"),)
    fields = Fields(
        Field("issuer_url"),
        Field("jwks_id"),
        Field("jwks", normalize=_jwks, from_api=_api_jwks, to_api=_jwks_text),
        Field("audience"),
        Field("claim"),
        Field("identity_map", normalize=_identity_map, from_api=_api_identity_map),
    )

    @property
    def required_to_create(self):
        return _REQUIRED_TO_CREATE.get(self.wire, ())

    def read_listing(self, params=None):
        """Every issuer (all pages), listed under ``issuers`` (the contract) or ``jwt_issuers``
        (the live service): read as either, so that the listing needs no word of the format."""
        query = dict(params or {}, **{"pagination.limit": MAX_PAGE_SIZE})
        items, seen = [], set()
        while True:
            page = self.client.get(self.base, params=query)
            items.extend(next((page[k] for k in _LISTING_KEYS if page.get(k)), []))
            info = page.get("pagination") or {}
            token = info.get("next") or info.get("next_page")
            if not token:
                return items
            if token in seen:
                raise ApiError("the API returned the same page token twice", method="GET", path=self.base)
            seen.add(token)
            query["pagination.page"] = token

    def validate(self, current):
        if self.params.get("state", "present") == "present":
            self.check_wire()
        super(JwtIssuer, self).validate(current)

    def check_wire(self):
        """Refuse an option that the server's format has no field for (known once it answered)."""
        params = self.params
        if self.wire == "live" and params.get("jwks_id") is not None:
            raise InvalidInput("jwks_id does not apply to the live service, which names no key set by id: give the "
                               "key set itself with jwks, or leave it out")
        if self.wire != "live" and params.get("jwks") is not None:
            raise InvalidInput("jwks applies only to the live service's API format; this server speaks the "
                               "project's contract, which names the key set by its id: give jwks_id instead")

    def check_input(self):
        super(JwtIssuer, self).check_input()
        params = self.params
        refuse_blank(params, "id", "give the issuer's id, or its issuer_url")
        if params.get("issuer_url") is not None:
            check_issuer_url(params["issuer_url"])
        if params.get("state") == "absent":
            return
        for option in ("jwks_id", "audience", "claim"):
            if params.get(option) is not None and not params[option].strip():
                raise InvalidInput("%s must not be empty (leave it out to keep the issuer's)" % option)
        if params.get("jwks") is not None:
            parse_jwks(params["jwks"])
        seen = set()
        for index, entry in enumerate(params.get("identity_map") or []):
            for field in ("token_identity", "cc_identity"):
                if not (entry.get(field) or "").strip():
                    raise InvalidInput("identity_map[%d] needs a non-empty %s" % (index, field))
            pair = (entry["token_identity"], entry["cc_identity"])
            if pair in seen:
                raise InvalidInput("identity_map[%d] repeats the mapping of %r to %r" % (index, pair[0], pair[1]))
            seen.add(pair)

    def name_of(self, resource=None):
        return (resource or {}).get("issuer_url") or self.params.get("issuer_url") or self.params.get("id") or ""


def jwt_issuer_info(ctx):
    return listing_info(ctx, JwtIssuer, "jwt_issuers", key_option="issuer_url", id_option="id", every="JWT issuer")
