# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""JWT issuers of the organization (a Collection of the kit, by URL or id), with what
cockroach_jwt_issuer_info reads."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

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


class JwtIssuer(Collection):
    """``/jwt-issuers``, by issuer URL (unique in the organization) or by id; PATCH sends what
    changes. ``audience``, ``claim`` and ``identity_map`` are not in the contract: the service
    takes them as the official Terraform provider sends them (see the emulator's notes)."""

    kind = "jwt_issuer"
    noun = "JWT issuer"
    path = "jwt-issuers"
    items = "issuers"
    key = "issuer_url"
    item_key = "id"
    id_option = "id"
    required_to_create = ("jwks_id",)
    only_with = (OnlyWith(("jwks_id", "audience", "claim", "identity_map"), "state", "present", warn=True,
                          hint="a delete takes no settings"),)
    fields = Fields(
        Field("issuer_url"),
        Field("jwks_id"),
        Field("audience"),
        Field("claim"),
        Field("identity_map", normalize=_identity_map, from_api=_api_identity_map),
    )

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
