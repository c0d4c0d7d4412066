# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""jwt_issuers.JwtIssuer on the in-process emulator, and cockroach_jwt_issuer_info."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json

import pytest

from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import InvalidInput
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources import jwt_issuers
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.jwt_issuers import JwtIssuer, jwt_issuer_info
from ansible_collections.cockroachdb.cloud.plugins.modules import cockroach_jwt_issuer, cockroach_jwt_issuer_info
from ansible_collections.cockroachdb.cloud.tests.unit.plugins.module_utils._resources.access_helpers import info, run, task

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


# -- the live wire format ------------------------------------------------------------------------
# The live service takes the key set itself (jwks, JSON text), needs audience to create an
# issuer, names no key set by id, and lists issuers under jwt_issuers.

JWKS = {"keys": [{"kty": "RSA", "alg": "RS256", "use": "sig", "kid": "k1", "e": "AQAB", "n": "tid8"}]}


def test_jwt_issuer_cycle_live(live):
    options = dict(issuer_url=URL, audience="clusters", claim="email", jwks=JWKS,
                   identity_map=[{"token_identity": "/^(.*)@example.com$/", "cc_identity": "\\1"}])
    mark = live.mark()
    predicted = issuer(live, check_mode=True, **options)
    assert live.operations(mark) == ["ListJWTIssuers"]
    mark = live.mark()
    created = issuer(live, **options)
    sent = dict(options, jwks=json.dumps(JWKS, sort_keys=True, separators=(",", ":")))
    assert live.sent(mark) == [("AddJWTIssuer", ISSUERS, sent)]
    assert created["diff"] == predicted["diff"] and created["diff"]["after"] == options
    assert created["jwt_issuer"]["jwks"] == sent["jwks"]  # as the server sent it
    # The key set given as JSON text, spaced otherwise: the same key set, nothing to do.
    mark = live.mark()
    spaced = dict(options)
    spaced["jwks"] = json.dumps(JWKS, indent=2)
    again = issuer(live, **spaced)
    assert again["changed"] is False and live.operations(mark) == ["ListJWTIssuers"]
    mark = live.mark()
    other = {"keys": []}
    updated = issuer(live, issuer_url=URL, audience="sql", jwks=other)
    path = "%s/%s" % (ISSUERS, created["jwt_issuer"]["id"])
    assert live.sent(mark) == [("UpdateJWTIssuer", path, {"audience": "sql", "jwks": '{"keys":[]}'})]
    assert updated["diff"] == {"before": {"issuer_url": URL, "audience": "clusters", "jwks": JWKS},
                               "after": {"issuer_url": URL, "audience": "sql", "jwks": other}}
    mark = live.mark()
    by_id = issuer(live, id=created["jwt_issuer"]["id"], audience="sql")
    assert by_id["changed"] is False and live.operations(mark) == ["GetJWTIssuer"]
    mark = live.mark()
    deleted = issuer(live, issuer_url=URL, state="absent")
    assert live.operations(mark) == ["ListJWTIssuers", "DeleteJWTIssuer"] and deleted["changed"] is True
    assert issuer(live, issuer_url=URL, state="absent")["changed"] is False


def test_jwt_issuer_without_a_key_set_live(live):
    mark = live.mark()
    created = issuer(live, issuer_url=URL, audience="clusters")
    assert live.sent(mark) == [("AddJWTIssuer", ISSUERS, {"issuer_url": URL, "audience": "clusters"})]
    assert created["jwt_issuer"]["audience"] == "clusters"
    assert issuer(live, issuer_url=URL, audience="clusters")["changed"] is False


def test_jwt_issuer_options_the_format_has_no_field_for(emulator, live):
    mark = live.mark()
    with pytest.raises(InvalidInput, match="^jwks_id does not apply to the live service.*give the key set itself "
                                           "with jwks"):
        issuer(live, issuer_url=URL, audience="x", jwks_id="example-jwks")
    with pytest.raises(InvalidInput, match="^to create JWT issuer %s, also give: audience$" % URL):
        issuer(live, issuer_url=URL, jwks=JWKS)
    with pytest.raises(InvalidInput, match="^to create JWT issuer %s, also give: audience$" % URL):
        issuer(live, issuer_url=URL, check_mode=True)
    assert live.mutations(mark) == []
    mark = emulator.mark()
    with pytest.raises(InvalidInput, match="^jwks applies only to the live service's API format.*give jwks_id "
                                           "instead$"):
        issuer(emulator, issuer_url=URL, jwks_id="k", jwks=JWKS)
    assert emulator.operations(mark) == ["ListJWTIssuers"]


@pytest.mark.parametrize("jwks, message", [
    ("nope", "jwks is not valid JSON"),
    ('{"no": "keys"}', "jwks must be a JSON Web Key Set, a mapping with a list of keys"),
    ([1, 2], "jwks must be a JSON Web Key Set"),
])
def test_jwt_issuer_key_set_checked_before_any_request(live, jwks, message):
    mark = live.mark()
    with pytest.raises(InvalidInput, match="^" + message):
        issuer(live, issuer_url=URL, audience="x", jwks=jwks)
    assert live.since(mark) == []


def test_jwt_issuer_diff_is_the_same_in_both_formats(emulator, live):
    common = dict(issuer_url=URL, audience="clusters", claim="email")
    first = [issuer(emulator, jwks_id="k", **common), issuer(live, **common)]
    assert [r["changed"] for r in first] == [True, True]
    assert [r["diff"]["after"] for r in first] == [dict(common, jwks_id="k"), common]
    changed = [issuer(server, issuer_url=URL, audience="sql") for server in (emulator, live)]
    assert changed[0]["diff"] == changed[1]["diff"]
    common["audience"] = "sql"
    again = [issuer(server, **common) for server in (emulator, live)]
    assert [r["changed"] for r in again] == [False, False]


def test_jwt_issuer_info_live(live):
    made = live.admin.post(ISSUERS, {"issuer_url": URL, "audience": "x", "jwks": json.dumps(JWKS)})
    assert info(live, jwt_issuer_info, cockroach_jwt_issuer_info)["jwt_issuers"] == [made]
    assert info(live, jwt_issuer_info, cockroach_jwt_issuer_info, issuer_url=URL)["jwt_issuers"] == [made]
    assert info(live, jwt_issuer_info, cockroach_jwt_issuer_info, id=made["id"])["jwt_issuers"] == [made]


def test_jwt_issuer_listing_pages_in_both_spellings(live, monkeypatch):
    for index in range(3):
        live.admin.post(ISSUERS, {"issuer_url": "%s/%d" % (URL, index), "audience": "x"})
    monkeypatch.setattr(jwt_issuers, "MAX_PAGE_SIZE", 2)
    reader = JwtIssuer(live.context(task(live, cockroach_jwt_issuer, issuer_url=URL)))
    mark = live.mark()
    assert [i["issuer_url"] for i in reader.read_listing()] == ["%s/%d" % (URL, i) for i in range(3)]
    assert live.operations(mark) == ["ListJWTIssuers", "ListJWTIssuers"]
