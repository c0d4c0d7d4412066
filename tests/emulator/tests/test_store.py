"""The store: private keys never leave, public views are copies."""

import os
import re

from tests.emulator.store import PRIVATE_KEYS, public

# The emulator's code: the parent of this tests folder, whose files are left out of the walk.
EMULATOR_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TESTS_DIR = os.path.dirname(os.path.abspath(__file__))


def test_every_private_key_in_the_code_is_registered():
    """``public`` strips only registered private keys (one set operation, for speed)."""
    used = set()
    for folder, _dirs, files in os.walk(EMULATOR_DIR):
        if folder.startswith(TESTS_DIR):
            continue
        for name in files:
            if name.endswith(".py"):
                with open(os.path.join(folder, name), encoding="utf-8") as handle:
                    used.update(re.findall(r"[\"'](_[a-z][a-z_]*)[\"']", handle.read()))
    assert used - PRIVATE_KEYS == set()


def test_public_strips_private_keys_and_copies():
    resource = {"id": "1", "_secret_digest": "x"}
    view = public(resource)
    assert view == {"id": "1"}
    plain = {"id": "2"}
    copy = public(plain)
    copy["id"] = "changed"
    assert plain["id"] == "2"


def test_no_private_key_reaches_a_response(api):
    cluster = api.create_cluster(plan="dedicated", provider="AWS")
    api.ok(api.post("/api/v1/clusters/%s/sql-users" % cluster["id"], {"name": "app", "password": "long-password"}))
    account, _secret = api.new_key([])
    bodies = [api.get(path).get_data(as_text=True) for path in (
        "/api/v1/clusters/%s/sql-users" % cluster["id"], "/api/v1/api-keys", "/api/v1/invoices",
        "/api/v1/service-accounts/%s" % account["id"], "/api/v1/clusters")]
    for body in bodies:
        assert '"_' not in body, body
