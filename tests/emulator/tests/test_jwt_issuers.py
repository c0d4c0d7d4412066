"""JWT issuers: add/get/list/update/delete, https URLs, unique issuer_url, roles."""

ISSUERS = "/api/v1/jwt-issuers"


def _org_role(api, name):
    return {"name": name, "resource": {"type": "ORGANIZATION", "id": api.emulator.store.data["organization"]["id"]}}


def _add(api, url="https://idp.example.com", **extra):
    return api.ok(api.post(ISSUERS, dict({"issuer_url": url, "jwks_id": "jwks-1"}, **extra)))


def test_add_get_list(api):
    identity_map = [{"token_identity": "/^sso_(.*)$", "cc_identity": "\\1@example.com"}]
    issuer = _add(api, audience="my-audience", claim="email", identity_map=identity_map)
    assert issuer["issuer_url"] == "https://idp.example.com" and issuer["jwks_id"] == "jwks-1"
    assert (issuer["audience"], issuer["claim"], issuer["identity_map"]) == ("my-audience", "email", identity_map)
    assert issuer["created_at"].endswith("Z") and issuer["id"]
    assert api.ok(api.get("%s/%s" % (ISSUERS, issuer["id"]))) == issuer
    minimal = _add(api, "https://other.example.com/realms/x")
    assert "audience" not in minimal and "identity_map" not in minimal
    first = api.ok(api.get(ISSUERS, query={"pagination.limit": 1}))
    second = api.ok(api.get(ISSUERS, query={"pagination.limit": 1, "pagination.page": first["pagination"]["next"]}))
    assert [i["id"] for i in first["issuers"] + second["issuers"]] == [issuer["id"], minimal["id"]]
    assert not second["pagination"].get("next")
    assert api.get("%s/nope" % ISSUERS).status_code == 404


def test_add_rejects_bad_input_without_change(api):
    _add(api)
    cases = [
        ({"issuer_url": "http://idp.example.com", "jwks_id": "j"}, "https"),
        ({"issuer_url": "idp.example.com", "jwks_id": "j"}, "https"),
        ({"issuer_url": "https://", "jwks_id": "j"}, "https"),
        ({"issuer_url": "https://x.example.com", "jwks_id": ""}, "jwks_id"),
        ({"issuer_url": "https://x.example.com"}, "jwks_id"),
        ({"issuer_url": "https://x.example.com", "jwks_id": "j", "identity_map": [{"token_identity": "a"}]},
         "cc_identity"),
        ({"issuer_url": "https://x.example.com", "jwks_id": "j", "audience": 5}, "audience"),
    ]
    for body, word in cases:
        response = api.post(ISSUERS, body)
        assert response.status_code == 400, (body, response.get_json())
        assert word in response.get_json()["message"], response.get_json()
    response = api.post(ISSUERS, {"issuer_url": "https://idp.example.com", "jwks_id": "other"})
    assert response.status_code == 409 and "already exists" in response.get_json()["message"]
    assert len(api.ok(api.get(ISSUERS))["issuers"]) == 1


def test_update_is_partial(api):
    issuer = _add(api, claim="sub")
    _add(api, "https://taken.example.com")
    path = "%s/%s" % (ISSUERS, issuer["id"])
    updated = api.ok(api.patch(path, {"jwks_id": "jwks-2"}))
    assert (updated["jwks_id"], updated["issuer_url"], updated["claim"]) == ("jwks-2", "https://idp.example.com", "sub")
    moved = api.ok(api.patch(path, {"issuer_url": "https://new.example.com", "audience": "aud"}))
    assert (moved["issuer_url"], moved["audience"]) == ("https://new.example.com", "aud")
    assert api.ok(api.patch(path, {"issuer_url": "https://new.example.com"}))["id"] == issuer["id"]  # itself: no 409
    assert api.patch(path, {"issuer_url": "https://taken.example.com"}).status_code == 409
    assert api.patch(path, {"issuer_url": "ftp://x", "jwks_id": "lost"}).status_code == 400
    assert api.patch(path, {"identity_map": "nope"}).status_code == 400
    assert api.ok(api.get(path)) == moved
    assert api.patch("%s/nope" % ISSUERS, {"jwks_id": "x"}).status_code == 404


def test_delete(api):
    issuer = _add(api)
    path = "%s/%s" % (ISSUERS, issuer["id"])
    assert api.ok(api.delete(path)) == issuer
    assert api.get(path).status_code == 404
    assert api.delete(path).status_code == 404
    _add(api)  # the URL is free again


def test_roles_enforced(api):
    _new_account, key = api.new_key([_org_role(api, "CLUSTER_ADMIN")])
    assert api.get(ISSUERS, key=key).status_code == 403
    assert api.post(ISSUERS, {"issuer_url": "https://idp.example.com", "jwks_id": "j"}, key=key).status_code == 403
    assert api.ok(api.get(ISSUERS))["issuers"] == []
