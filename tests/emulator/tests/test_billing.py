"""Billing: seeded invoices, the status filter, line items only on GetInvoice, roles."""

INVOICES = "/api/v1/invoices"


def _org_role(api, name):
    return {"name": name, "resource": {"type": "ORGANIZATION", "id": api.emulator.store.data["organization"]["id"]}}


def test_list_invoices(api):
    invoices = api.ok(api.get(INVOICES))["invoices"]
    assert [i["status"] for i in invoices] == ["Finalized", "Finalized", "Draft"]
    for invoice in invoices:
        assert set(invoice) == {"id", "status", "period_start", "period_end", "total_amount"}
        assert invoice["period_start"] < invoice["period_end"]
    drafts = api.ok(api.get(INVOICES, query={"status": "Draft"}))["invoices"]
    assert drafts == [invoices[2]]
    finalized = api.ok(api.get(INVOICES, query={"status": "Finalized"}))["invoices"]
    assert finalized == invoices[:2]
    response = api.get(INVOICES, query={"status": "Paid"})
    assert response.status_code == 400 and "status" in response.get_json()["message"]


def test_get_invoice_with_line_items(api):
    listed = api.ok(api.get(INVOICES))["invoices"][0]
    invoice = api.ok(api.get("%s/%s" % (INVOICES, listed["id"])))
    line_items = invoice.pop("line_items")
    assert invoice == listed
    assert line_items and sum(item["amount"] for item in line_items) == invoice["total_amount"]
    assert {"description", "amount"} <= set(line_items[0])
    response = api.get("%s/no-such-invoice" % INVOICES)
    assert response.status_code == 404 and "no-such-invoice" in response.get_json()["message"]


def test_roles_enforced(api):
    _new_account, billing = api.new_key([_org_role(api, "BILLING_COORDINATOR")], name="billing")
    _new_account, member = api.new_key([_org_role(api, "ORG_MEMBER")], name="member")
    invoice_id = api.ok(api.get(INVOICES, key=billing))["invoices"][0]["id"]
    assert api.get("%s/%s" % (INVOICES, invoice_id), key=billing).status_code == 200
    assert api.get(INVOICES, key=member).status_code == 403
    assert api.get("%s/%s" % (INVOICES, invoice_id), key=member).status_code == 403
