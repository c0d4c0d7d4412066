"""Billing: the organization's invoices (seeded; the API only reads them).

Line items are kept privately (``_line_items``) so that lists stay small; only
``GetInvoice`` shows them.
"""

from ..errors import not_found
from ..permissions import BILLING
from ..registry import operation
from ..store import public


@operation("ListInvoices", roles=BILLING, scope="org")
def list_invoices(ctx):
    status = ctx.query.get("status")
    invoices = [public(invoice) for invoice in ctx.data["invoices"].values()
                if not status or invoice["status"] == status]
    return {"invoices": invoices}


@operation("GetInvoice", roles=BILLING, scope="org")
def get_invoice(ctx, invoice_id):
    invoice = ctx.data["invoices"].get(invoice_id)
    if invoice is None:
        raise not_found("invoice", invoice_id)
    shown = public(invoice)
    shown["line_items"] = [dict(item) for item in invoice.get("_line_items", [])]
    return shown
