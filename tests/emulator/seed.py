"""What a fresh organization holds: the admin account, regions, versions, people, invoices."""

import uuid

from . import clock
from .secrets_util import digest, key_id_of, new_secret

ADMIN_ROLES = ("ORG_ADMIN", "CLUSTER_ADMIN", "FOLDER_ADMIN", "BILLING_COORDINATOR")

# provider -> [(region, supports serverless)]
REGIONS = {
    "AWS": [
        ("us-east-1", True), ("us-east-2", False), ("us-west-2", True),
        ("eu-central-1", True), ("eu-west-1", True), ("ap-south-1", True),
        ("ap-southeast-1", True), ("ca-central-1", False),
    ],
    "GCP": [
        ("us-central1", True), ("us-east1", True), ("us-west2", False),
        ("europe-west1", True), ("europe-west3", False), ("asia-southeast1", True),
        ("southamerica-east1", False),
    ],
    "AZURE": [
        ("eastus2", True), ("westus2", False), ("westeurope", True),
        ("centralindia", False),
    ],
}

# Major version -> the patch release a new cluster gets.
VERSIONS = {"v23.2": "v23.2.28", "v24.1": "v24.1.21", "v24.2": "v24.2.10", "v24.3": "v24.3.8"}
LATEST_VERSION = "v24.3"

PERSONS = [
    ("alice@example.com", "Alice Admin"),
    ("bob@example.com", "Bob Builder"),
    ("carol@example.com", "Carol Operator"),
]


def _id():
    return str(uuid.uuid4())


def _invoices(now):
    invoices = {}
    month = 30 * 86400
    for index, status in enumerate(("Finalized", "Finalized", "Draft")):
        start = now - (3 - index) * month
        invoice_id = _id()
        items = [
            {"cluster_id": _id(), "cluster_name": "prod-%d" % index, "description": "Compute",
             "quantity": 720, "unit": "HOURS", "amount": 12000 + 1000 * index},
            {"cluster_id": _id(), "cluster_name": "prod-%d" % index, "description": "Storage",
             "quantity": 100, "unit": "GIB_MONTHS", "amount": 2500},
        ]
        invoices[invoice_id] = {
            "id": invoice_id,
            "status": status,
            "period_start": clock.iso(start),
            "period_end": clock.iso(start + month),
            "total_amount": sum(item["amount"] for item in items),
            "_line_items": items,
        }
    return invoices


def ensure_admin(data, secret):
    """Make ``secret`` a working ORG_ADMIN key of the bootstrap account.

    Called at every start: the account, its grants or its key may have been deleted
    through the API, and a restart may bring another ``--admin-key``.
    """
    key_id = key_id_of(secret)
    if key_id is None:
        raise ValueError("--admin-key must look like CCDB1_<22 letters/digits>_<40 letters/digits>")
    created = clock.iso(clock.now())
    account_id = data.get("admin_account_id") or _id()
    data["admin_account_id"] = account_id
    data["service_accounts"].setdefault(account_id, {
        "id": account_id, "name": "emulator-admin",
        "description": "Bootstrap ORG_ADMIN account of the emulator",
        "creator_id": account_id, "created_at": created})
    grants = data["role_grants"].setdefault(account_id, [])
    org = {"type": "ORGANIZATION", "id": data["organization"]["id"]}
    for role in ADMIN_ROLES:
        if not any(g["name"] == role and g["resource"].get("type") == "ORGANIZATION" for g in grants):
            grants.append({"name": role, "resource": dict(org)})
    key = data["api_keys"].get(key_id)
    if key is None or key["_secret_digest"] != digest(secret):
        data["api_keys"][key_id] = {"id": key_id, "name": "emulator-admin-key",
                                    "service_account_id": account_id, "created_at": created,
                                    "_secret_digest": digest(secret)}
    data["admin_key"] = secret


def initial_state(admin_key=None):
    now = clock.now()
    persons = {}
    for email, name in PERSONS:
        person_id = _id()
        persons[person_id] = {"id": person_id, "email": email, "name": name}
    data = {
        "version": 1,
        "seq": 0,
        "organization": {"id": _id(), "name": "Emulated Organization",
                         "label": "emulated-org", "created_at": clock.iso(now)},
        "service_accounts": {},
        "api_keys": {},
        "role_grants": {},
        "persons": persons,
        "folders": {},
        "clusters": {},
        "cluster_children": {},
        "jwt_issuers": {},
        "invoices": _invoices(now),
        "audit_logs": [],
    }
    ensure_admin(data, admin_key or new_secret())
    return data
