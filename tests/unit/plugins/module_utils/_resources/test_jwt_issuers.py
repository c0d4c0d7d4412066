# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""jwt_issuers.JwtIssuer on the in-process emulator, and cockroach_jwt_issuer_info."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import InvalidInput
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.jwt_issuers import JwtIssuer, jwt_issuer_info
from ansible_collections.cockroachdb.cloud.plugins.modules import cockroach_jwt_issuer, cockroach_jwt_issuer_info
from ansible_collections.cockroachdb.cloud.tests.unit.plugins.module_utils._resources.access_helpers import info, run

ISSUERS = "/api/v1/jwt-issuers"
URL = "https://accounts.example.com"


def issuer(emulator, check_mode=False, **given):
    return run(emulator, JwtIssuer, cockroach_jwt_issuer, check_mode, **given)


# -- JWT issuers ---------------------------------------------------------------------------------

def test_jwt_issuer_cycle(emulator):
    options = dict(issuer_url=URL, jwks_id="example-jwks", audience="clusters", claim="email",
                   identity_map=[{"token_identity": "/^(.*)@example.com$/", "cc_identity": "\\1"}])
    mark = emulator.mark()
    predicted = issuer(emulator, check_mode=True, **options)
    assert emulator.operations(mark) == ["ListJWTIssuers"]
    mark = emulator.mark()
    created = issuer(emulator, **options)
    assert emulator.sent(mark) == [("AddJWTIssuer", ISSUERS, dict(options))]
    assert created["diff"] == predicted["diff"] and created["diff"]["after"] == options
    mark = emulator.mark()
    assert issuer(emulator, **options)["changed"] is False
    assert emulator.operations(mark) == ["ListJWTIssuers"]
    mark = emulator.mark()
    updated = issuer(emulator, issuer_url=URL, audience="sql", jwks_id="example-jwks")
    path = "%s/%s" % (ISSUERS, created["jwt_issuer"]["id"])
    assert emulator.sent(mark) == [("UpdateJWTIssuer", path, {"audience": "sql"})]
    assert updated["diff"] == {"before": {"issuer_url": URL, "jwks_id": "example-jwks", "audience": "clusters"},
                               "after": {"issuer_url": URL, "jwks_id": "example-jwks", "audience": "sql"}}
    moved = issuer(emulator, id=created["jwt_issuer"]["id"], issuer_url=URL + "/v2")
    assert moved["jwt_issuer"]["issuer_url"] == URL + "/v2"
    mark = emulator.mark()
    deleted = issuer(emulator, issuer_url=URL + "/v2", state="absent")
    assert emulator.operations(mark) == ["ListJWTIssuers", "DeleteJWTIssuer"] and deleted["changed"] is True
    assert issuer(emulator, issuer_url=URL + "/v2", state="absent")["changed"] is False


def test_jwt_issuer_needs_a_jwks_id_to_be_created(emulator):
    mark = emulator.mark()
    with pytest.raises(InvalidInput, match="^to create JWT issuer %s, also give: jwks_id$" % URL):
        issuer(emulator, issuer_url=URL, audience="x")
    assert emulator.operations(mark) == ["ListJWTIssuers"]


@pytest.mark.parametrize("given, message", [
    (dict(issuer_url="http://accounts.example.com"), "issuer_url must be an https URL"),
    (dict(issuer_url="https://"), "issuer_url must be an https URL"),
    (dict(issuer_url=URL, jwks_id=" "), "jwks_id must not be empty"),
    (dict(issuer_url=URL, claim=""), "claim must not be empty"),
    (dict(issuer_url=URL, identity_map=[{"token_identity": "", "cc_identity": "x"}]),
     "identity_map[0] needs a non-empty token_identity"),
    (dict(issuer_url=URL, identity_map=[{"token_identity": "a", "cc_identity": "b"},
                                        {"token_identity": "a", "cc_identity": "b"}]),
     "identity_map[1] repeats the mapping of 'a' to 'b'"),
    (dict(id=""), "id must not be empty"),
])
def test_jwt_issuer_input_checks_need_no_request(emulator, given, message):
    mark = emulator.mark()
    with pytest.raises(InvalidInput) as info:
        issuer(emulator, **given)
    assert message in str(info.value)
    assert emulator.since(mark) == []


def test_jwt_issuer_info(emulator):
    made = emulator.admin.post(ISSUERS, {"issuer_url": URL, "jwks_id": "k"})
    assert info(emulator, jwt_issuer_info, cockroach_jwt_issuer_info)["jwt_issuers"] == [made]
    assert info(emulator, jwt_issuer_info, cockroach_jwt_issuer_info, issuer_url=URL + "/")["jwt_issuers"] == []
    assert info(emulator, jwt_issuer_info, cockroach_jwt_issuer_info, id=made["id"])["jwt_issuers"] == [made]
