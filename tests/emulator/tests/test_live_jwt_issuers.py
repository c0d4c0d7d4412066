"""JWT issuers in the live wire format (``--contract live``): ``audience`` required, the key
set itself (``jwks``) instead of the contract's ``jwks_id``, the listing under
``jwt_issuers``."""

import json

ISSUERS = "/api/v1/jwt-issuers"
JWKS = json.dumps({"keys": [{"kty": "RSA", "e": "AQAB", "n": "tid8", "kid": "k1"}]})


def test_the_contract_shape_is_refused(live_api):
    response = live_api.post(ISSUERS, {"issuer_url": "https://a.example.com", "jwks_id": "k"})
    message = response.get_json()["message"]
    assert response.status_code == 400
    assert "'audience' is a required property" in message and "'jwks_id' was unexpected" in message
    assert live_api.ok(live_api.get(ISSUERS)) == {"jwt_issuers": [], "pagination": {}}


def test_issuer_cycle(live_api):
    body = {"issuer_url": "https://a.example.com", "audience": "clusters", "jwks": JWKS, "claim": "email",
            "identity_map": [{"token_identity": "/^(.*)@example.com$/", "cc_identity": "\\1"}]}
    created = live_api.ok(live_api.post(ISSUERS, body))
    assert dict(created, id=None) == dict(body, id=None)
    path = "%s/%s" % (ISSUERS, created["id"])
    assert live_api.ok(live_api.get(path)) == created
    assert live_api.ok(live_api.get(ISSUERS))["jwt_issuers"] == [created]
    other = json.dumps({"keys": []})
    updated = live_api.ok(live_api.patch(path, {"audience": "sql", "jwks": other}))
    assert (updated["audience"], updated["jwks"]) == ("sql", other)
    assert live_api.ok(live_api.delete(path)) == updated
    assert live_api.get(path).status_code == 404


def test_without_jwks_the_issuer_shows_none(live_api):
    created = live_api.ok(live_api.post(ISSUERS, {"issuer_url": "https://a.example.com", "audience": "x"}))
    assert set(created) == {"id", "issuer_url", "audience"}


def test_a_jwks_that_is_not_a_key_set_is_refused(live_api):
    for jwks in ("nope", json.dumps({"no": "keys"})):
        response = live_api.post(ISSUERS, {"issuer_url": "https://a.example.com", "audience": "x", "jwks": jwks})
        assert response.status_code == 400 and "jwks must be a JSON Web Key Set" in response.get_json()["message"]
    assert live_api.ok(live_api.get(ISSUERS))["jwt_issuers"] == []
