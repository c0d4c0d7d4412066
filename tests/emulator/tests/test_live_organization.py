"""The organization in the live wire format: invoices (FINALIZED/DRAFT, also as the filter;
the contract's spelling refused; invoice_id, totals, invoice_items), audit log entries in the
live vocabulary; every answer passes the strict live document (validate_responses)."""

import json

import pytest


def test_organization(live_api):
    org = live_api.ok(live_api.get("/api/v1/organization"))
    assert set(org) >= {"id", "name", "label", "created_at"}


def test_invoices_in_the_live_shape(live_api):
    invoices = live_api.ok(live_api.get("/api/v1/invoices"))["invoices"]
    assert [i["status"] for i in invoices] == ["FINALIZED", "FINALIZED", "DRAFT"]
    first = invoices[0]
    assert "id" not in first and "total_amount" not in first
    assert first["totals"] == [{"amount": 145.0, "currency": "USD"}] and first["balances"] == []
    items = [line for item in first["invoice_items"] for line in item["line_items"]]
    assert sorted(line["description"] for line in items) == ["Compute", "Storage"]
    assert sum(line["total"]["amount"] for line in items) == 145.0
    one = live_api.ok(live_api.get("/api/v1/invoices/%s" % first["invoice_id"]))
    assert one == first


@pytest.mark.parametrize("status, count", [("FINALIZED", 2), ("DRAFT", 1)])
def test_the_status_filter_takes_the_live_spelling(live_api, status, count):
    invoices = live_api.ok(live_api.get("/api/v1/invoices", query={"status": status}))["invoices"]
    assert [i["status"] for i in invoices] == [status] * count


@pytest.mark.parametrize("status", ["Finalized", "Draft", "finalized"])
def test_the_contract_spelling_is_refused(live_api, status):
    response = live_api.get("/api/v1/invoices", query={"status": status})
    assert response.status_code == 400, response.get_json()


def test_invoices_by_period(live_api):
    invoices = live_api.ok(live_api.get("/api/v1/invoices"))["invoices"]
    after = live_api.ok(live_api.get("/api/v1/invoices", query={"start_time": invoices[1]["period_start"]}))
    assert [i["invoice_id"] for i in after["invoices"]] == [i["invoice_id"] for i in invoices[1:]]


def test_audit_log_entries_in_the_live_vocabulary(live_api):
    live_api.ok(live_api.post("/api/v1/folders", {"name": "logged", "parent_id": "root"}))
    cluster = live_api.create_cluster("audited-one")
    live_api.ok(live_api.post("/api/v1/clusters/%s/databases" % cluster["id"], {"name": "app"}))
    entries = live_api.ok(live_api.get("/api/v1/auditlogevents"))["entries"]
    # (the live vocabulary has no word for CreateDatabase: no action)
    assert [e.get("action") for e in entries] == ["AUDIT_LOG_ACTION_CREATE_FOLDER", "AUDIT_LOG_ACTION_CREATE_CLUSTER", None]
    assert {e["source"] for e in entries} == {"AUDIT_LOG_SOURCE_CC_API"}
    assert json.loads(entries[0]["payload"]) == {"name": "logged", "parent_id": "root"}
    assert entries[1]["cluster_id"] == cluster["id"]
    page = live_api.ok(live_api.get("/api/v1/auditlogevents", query={"limit": 1}))
    assert page["next_starting_from"] == entries[0]["created_at"]
