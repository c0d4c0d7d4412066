# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""cockroach_jwt_issuer's cases for the unit tests that go over every module (see _load.py)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.tests.unit.plugins.modules.cases._shared import UNKNOWN_ID, bad

ISSUER = "https://accounts.example.com"

#: test_bad_input.py: input the module refuses, each with the text of its message.
BAD_INPUT = [
    bad("issuer-url-http", "issuer_url must be an https URL such as https://accounts.example.com, got "
                           "'http://accounts.example.com'", issuer_url="http://accounts.example.com", jwks_id="k"),
    bad("issuer-url-no-scheme", "issuer_url must be an https URL", issuer_url="accounts.example.com"),
    bad("issuer-url-and-id-missing", "one of the following is required: issuer_url, id", jwks_id="k"),
    bad("id-empty", "id must not be empty", id=" "),
    bad("jwks-id-empty", "jwks_id must not be empty", issuer_url=ISSUER, jwks_id=""),
    bad("claim-blank", "claim must not be empty", issuer_url=ISSUER, claim=" "),
    bad("identity-empty", "identity_map[0] needs a non-empty token_identity", issuer_url=ISSUER,
        identity_map=[{"token_identity": "", "cc_identity": "ci@example.com"}]),
    bad("identity-mapped-twice", "identity_map[1] repeats the mapping of 'sub' to 'ci@example.com'", issuer_url=ISSUER,
        identity_map=[{"token_identity": "sub", "cc_identity": "ci@example.com"} for _i in range(2)]),
    bad("identity-incomplete", ("missing required arguments: cc_identity", "identity_map"), issuer_url=ISSUER,
        identity_map=[{"token_identity": "sub"}]),
    bad("create-without-jwks-id", "to create JWT issuer https://accounts.example.com, also give: jwks_id",
        ["ListJWTIssuers"], issuer_url=ISSUER),
    bad("jwks-not-json", "jwks is not valid JSON", issuer_url=ISSUER, audience="x", jwks="{keys"),
    bad("jwks-no-keys", "jwks must be a JSON Web Key Set, a mapping with a list of keys", issuer_url=ISSUER,
        jwks={"key": "x"}),
    bad("jwks-in-the-contract", "jwks applies only to the live service's API format; this server speaks the project's "
        "contract, which names the key set by its id: give jwks_id instead", ["ListJWTIssuers"], issuer_url=ISSUER,
        jwks_id="k", jwks={"keys": []}),
    bad("id-unknown", "no JWT issuer with id %s" % UNKNOWN_ID, ["GetJWTIssuer"], id=UNKNOWN_ID, audience="x"),
]

#: test_bad_input.py: input the module accepts, which the connection options' cases complete.
VALID_INPUT = dict(issuer_url=ISSUER)

#: test_options_used.py: where the module's ``only_with`` rules are declared (by name: a
#: description class of module_utils, or a name of the module itself).
RULES_FROM = ("JwtIssuer",)
