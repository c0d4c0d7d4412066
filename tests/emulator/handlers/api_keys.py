"""API keys: bearer secrets of service accounts.

The key id is the public ``CCDB1_<22>`` prefix of its secret; only a digest of the
secret is kept, so the create response holds the only copy. Authentication reads
``data["api_keys"]`` on every request: a deleted key stops working at once.
"""

from ..errors import bad_request, not_found
from ..permissions import KEY_READ, ORG_ADMIN
from ..registry import operation
from ..secrets_util import digest, key_id_of, new_secret
from ..store import public

MAX_NAME = 100


def _check_name(name):
    if not isinstance(name, str) or not 1 <= len(name) <= MAX_NAME:
        raise bad_request("API key name must be a string of 1 to %d characters" % MAX_NAME)
    return name


def _find_key(data, key_id):
    key = data["api_keys"].get(key_id)
    if key is None:
        raise not_found("API key", key_id)
    return key


@operation("ListApiKeys", roles=KEY_READ, scope="org")
def list_api_keys(ctx):
    account_id = ctx.query.get("service_account_id")
    items = [key for key in ctx.data["api_keys"].values()
             if not account_id or key["service_account_id"] == account_id]
    api_keys, pagination = ctx.page(items)
    return {"api_keys": api_keys, "pagination": pagination}


@operation("CreateApiKey", roles=ORG_ADMIN, scope="org")
def create_api_key(ctx):
    name = _check_name(ctx.body.get("name"))
    account_id = ctx.body.get("service_account_id")
    # A body field, not a path part: an unknown account is a bad request (400).
    if not isinstance(account_id, str) or account_id not in ctx.data["service_accounts"]:
        raise bad_request("service account %r does not exist; create it first "
                          "(POST /api/v1/service-accounts)" % (account_id,))
    secret = new_secret()
    while key_id_of(secret) in ctx.data["api_keys"]:
        secret = new_secret()
    key_id = key_id_of(secret)
    key = {"id": key_id, "name": name, "service_account_id": account_id,
           "created_at": ctx.timestamp(), "_secret_digest": digest(secret)}
    ctx.data["api_keys"][key_id] = key
    return {"api_key": public(key), "secret": secret}


@operation("GetApiKey", roles=KEY_READ, scope="org")
def get_api_key(ctx, id):  # pylint: disable=redefined-builtin
    return public(_find_key(ctx.data, id))


@operation("UpdateApiKey", roles=ORG_ADMIN, scope="org")
def update_api_key(ctx, id):  # pylint: disable=redefined-builtin
    key = _find_key(ctx.data, id)
    if ctx.body.get("name") is not None:
        key["name"] = _check_name(ctx.body["name"])
    return public(key)


@operation("DeleteApiKey", roles=ORG_ADMIN, scope="org")
def delete_api_key(ctx, id):  # pylint: disable=redefined-builtin
    key = _find_key(ctx.data, id)
    del ctx.data["api_keys"][id]
    return public(key)
