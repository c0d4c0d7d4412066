"""The organization in the live wire format: invoices (``invoice_id``; ``status`` FINALIZED or
DRAFT, also in the ``status`` filter; amounts as ``totals``/``balances`` of currencies, line
items grouped per cluster in ``invoice_items``) and audit log entries (``action`` and
``source`` in the live vocabulary, ``payload`` as a JSON string)."""

import json
import re

from . import answer, request
from .document import strict_document

# The contract's invoice status -> the live one, and back.
STATUSES = {"Finalized": "FINALIZED", "Draft": "DRAFT"}
CONTRACT_STATUSES = {live: contract for contract, live in STATUSES.items()}
# Units of the contract's line items the live QuantityUnit has no word for.
UNITS = {"GIB_MONTHS": "GIB"}
# Operations whose audit action the live vocabulary names otherwise than AUDIT_LOG_ACTION_<OP IN CAPS>.
ACTIONS = {
    "UpdateSQLUserPassword": "CHANGE_SQL_USER_PASSWORD",
    "AddAllowlistEntry": "ADD_IP_ALLOWLIST",
    "UpdateAllowlistEntry": "EDIT_IP_ALLOWLIST",
    "DeleteAllowlistEntry": "DELETE_IP_ALLOWLIST",
    "EnableLogExport": "UPDATE_CLUSTER_LOG_EXPORT",
    "DeleteLogExport": "DELETE_CLUSTER_LOG_EXPORT",
    "EnableCMEKSpec": "UPDATE_CMEK",
    "UpdateCMEKSpec": "UPDATE_CMEK",
    "UpdateCMEKStatus": "REVOKE_CMEK",
    "SetMaintenanceWindow": "SET_CLUSTER_MAINTENANCE_WINDOW",
    "DeleteMaintenanceWindow": "DELETE_CLUSTER_MAINTENANCE_WINDOW",
    "SetClientCACert": "SET_CLIENT_CA_CERT",
    "CreateRestore": "RESTORE_CLUSTER",
    "SetUpgradeDeferral": "UPDATE_CLUSTER_VERSION_UPGRADE_DEFERRAL",
    "EditEgressRule": "EDIT_EGRESS_RULE",
    "SetEgressTrafficPolicy": "SET_EGRESS_TRAFFIC_POLICY",
    "SetRolesForUser": "ASSIGN_USER_ROLE",
    "AddUserToRole": "ADD_USER_TO_ROLE",
    "RemoveUserFromRole": "REMOVE_USER_FROM_ROLE",
}


@request("ListInvoices")
def invoice_filter(call):
    status = (call.query or {}).get("status")
    if status is not None:
        call.query = dict(call.query, status=CONTRACT_STATUSES.get(status, status))
    for key in ("start_time", "end_time"):  # live-only filters on the period
        if (call.query or {}).get(key) is not None:
            call.notes[key] = call.query.pop(key)


def _usd(cents):
    return {"amount": round((cents or 0) / 100.0, 2), "currency": "USD"}


def _invoice_cluster(cluster_id, name):
    """The cluster of an invoice item, as much as the invoice names of it (a past cluster)."""
    return {"id": cluster_id, "name": name or "", "cockroach_version": "", "upgrade_status": "FINALIZED",
            "plan": "STANDARD", "cloud_provider": "GCP", "state": "DELETED", "creator_id": "",
            "operation_status": "UNSPECIFIED", "config": {}, "regions": [], "cidr_range": "", "labels": {},
            "is_customer_cloud_account": False}


def live_invoice(data, value, items=None):
    """An invoice of the contract's shape as the live ``Invoice``; ``items``: its line items
    (the contract's ``line_items``), grouped per cluster."""
    grouped = {}
    for item in items or []:
        key = item.get("cluster_id") or ""
        entry = grouped.setdefault(key, {"cluster": _invoice_cluster(key, item.get("cluster_name")),
                                         "line_items": [], "cents": 0})
        quantity = item.get("quantity") or 0
        entry["line_items"].append({
            "description": item.get("description") or "", "quantity": quantity,
            "quantity_unit": UNITS.get(item.get("unit"), item.get("unit") or "HOURS"),
            "total": _usd(item.get("amount")),
            "unit_cost": round((item.get("amount") or 0) / 100.0 / quantity, 6) if quantity else 0})
        entry["cents"] += item.get("amount") or 0
    invoice_items = [{"cluster": e["cluster"], "line_items": e["line_items"], "totals": [_usd(e["cents"])]}
                     for e in sorted(grouped.values(), key=lambda e: e["cluster"]["name"])]
    return {"invoice_id": value.get("id"), "status": STATUSES.get(value.get("status"), value.get("status")),
            "period_start": value.get("period_start"), "period_end": value.get("period_end"),
            "totals": [_usd(value.get("total_amount"))], "balances": [], "adjustments": [],
            "invoice_items": invoice_items}


def _in_period(call, invoice):
    start, end = call.notes.get("start_time"), call.notes.get("end_time")
    return (start is None or (invoice.get("period_start") or "") >= start) and \
        (end is None or (invoice.get("period_end") or "") <= end)


@answer("ListInvoices")
def invoices(call, value):
    stored = call.data["invoices"]
    return {"invoices": [live_invoice(call.data, i, (stored.get(i.get("id")) or {}).get("_line_items"))
                         for i in value.get("invoices") or [] if _in_period(call, i)]}


@answer("GetInvoice")
def invoice(call, value):
    return live_invoice(call.data, value, value.get("line_items"))


def live_action(operation_id):
    """``CreateCluster`` -> ``AUDIT_LOG_ACTION_CREATE_CLUSTER`` (None: the live vocabulary has no word for it)."""
    name = ACTIONS.get(operation_id) or re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", operation_id).upper()
    return "AUDIT_LOG_ACTION_" + name


@answer("ListAuditLogs")
def audit_logs(call, value):
    known = set(strict_document()["components"]["schemas"]["AuditLogAction"]["enum"])
    entries = []
    for entry in value.get("entries") or []:
        out = dict(entry, source="AUDIT_LOG_SOURCE_CC_API")
        action = live_action(entry.get("action") or "")
        if action in known:
            out["action"] = action
        else:
            out.pop("action", None)  # (not required: an action the live vocabulary lacks is left out)
        if not isinstance(out.get("payload"), str):
            out["payload"] = json.dumps(out.get("payload") or {}, sort_keys=True)
        if isinstance(entry.get("status"), int) and entry["status"] >= 400:
            out["error"] = "HTTP %d" % entry["status"]
        entries.append(out)
    return dict(value, entries=entries)
