# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""organization on the in-process emulator: the organization, invoices, the audit log."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import InvalidInput
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.organization import (
    audit_log_info,
    invoice_info,
    organization_info,
)
from ansible_collections.cockroachdb.cloud.plugins.modules import cockroach_audit_log_info, cockroach_invoice_info
from ansible_collections.cockroachdb.cloud.tests.unit.plugins.module_utils._resources.org_helpers import (
    FOLDERS,
    UNKNOWN_ID,
    task,
)


def test_organization_info(emulator):
    result = organization_info(emulator.context({}))
    assert result["organization"]["name"] == "Emulated Organization" and result["changed"] is False


def test_invoice_info_all_by_status_and_one_with_line_items(emulator):
    every = invoice_info(emulator.context(task(cockroach_invoice_info)))["invoices"]
    assert [i["status"] for i in every] == ["Finalized", "Finalized", "Draft"]  # oldest period first
    assert all("line_items" not in i for i in every)
    mark = emulator.mark()
    drafts = invoice_info(emulator.context(task(cockroach_invoice_info, status="Draft")))["invoices"]
    # (the status is spelled as the server's wire format wants it: its first answer says which)
    assert emulator.queries(mark) == [("/api/v1/organization", {}), ("/api/v1/invoices", {"status": "Draft"})]
    assert [i["id"] for i in drafts] == [every[2]["id"]]
    one = invoice_info(emulator.context(task(cockroach_invoice_info, id=every[0]["id"])))["invoices"]
    assert len(one) == 1 and len(one[0]["line_items"]) == 2 and one[0]["total_amount"] == 14500
    assert invoice_info(emulator.context(task(cockroach_invoice_info, id=UNKNOWN_ID)))["invoices"] == []


@pytest.mark.parametrize("spelling", ["Draft", "DRAFT"])
def test_invoice_status_takes_both_spellings_and_sends_each_server_its_own(emulator, live, spelling):
    for server, sent in ((emulator, "Draft"), (live, "DRAFT")):
        mark = server.mark()
        drafts = invoice_info(server.context(task(cockroach_invoice_info, status=spelling)))["invoices"]
        assert server.queries(mark)[-1] == ("/api/v1/invoices", {"status": sent})
        assert [i["status"] for i in drafts] == [sent]


def test_live_invoices_keep_the_live_shape(live):
    every = invoice_info(live.context(task(cockroach_invoice_info)))["invoices"]
    assert [i["status"] for i in every] == ["FINALIZED", "FINALIZED", "DRAFT"]  # oldest period first
    assert [i["period_start"] for i in every] == sorted(i["period_start"] for i in every)
    assert every[0]["totals"] == [{"amount": 145.0, "currency": "USD"}]
    mark = live.mark()
    one = invoice_info(live.context(task(cockroach_invoice_info, id=every[0]["invoice_id"])))["invoices"]
    assert live.queries(mark) == [("/api/v1/invoices/%s" % every[0]["invoice_id"], {})]
    assert sum(len(item["line_items"]) for item in one[0]["invoice_items"]) == 2
    assert invoice_info(live.context(task(cockroach_invoice_info, id=UNKNOWN_ID)))["invoices"] == []


def test_live_organization_info(live):
    result = organization_info(live.context({}))
    assert result["organization"]["name"] == "Emulated Organization" and result["organization"]["label"]


# -- audit log -----------------------------------------------------------------------------------

def audit(emulator, **given):
    return audit_log_info(emulator.context(task(cockroach_audit_log_info, **given)))


@pytest.fixture
def logged(emulator):
    """Seven audit entries (the emulator's clock stands still: their times still increase)."""
    for index in range(7):
        emulator.admin.post(FOLDERS, {"name": "logged-%d" % index})
    return emulator.admin.get("/api/v1/auditlogevents")["entries"]


def test_audit_log_follows_the_cursor_to_the_end(emulator, logged):
    mark = emulator.mark()
    result = audit(emulator, page_size=3)
    assert result == {"changed": False, "entries": logged, "next_starting_from": None}
    assert emulator.queries(mark) == [
        ("/api/v1/auditlogevents", {"sort_order": "ASC", "limit": "3"}),
        ("/api/v1/auditlogevents", {"sort_order": "ASC", "limit": "3", "starting_from": logged[2]["created_at"]}),
        ("/api/v1/auditlogevents", {"sort_order": "ASC", "limit": "3", "starting_from": logged[5]["created_at"]})]


def test_audit_log_stops_at_the_limit_and_says_where_to_go_on(emulator, logged):
    mark = emulator.mark()
    result = audit(emulator, page_size=3, limit=4)
    assert result["entries"] == logged[:4] and result["next_starting_from"] == logged[3]["created_at"]
    assert [q["limit"] for _p, q in emulator.queries(mark)] == ["3", "1"]
    rest = audit(emulator, since=result["next_starting_from"])
    assert rest["entries"] == logged[4:]


def test_audit_log_a_window_in_both_orders(emulator, logged):
    window = dict(since=logged[1]["created_at"], until=logged[5]["created_at"], page_size=2)
    assert audit(emulator, **window)["entries"] == logged[2:5]
    mark = emulator.mark()
    backwards = audit(emulator, sort_order="DESC", **window)
    assert backwards["entries"] == logged[4:1:-1]
    assert emulator.queries(mark)[0][1]["starting_from"] == logged[5]["created_at"]
    assert audit(emulator, sort_order="DESC", limit=2)["entries"] == logged[:-3:-1]


@pytest.mark.parametrize("given, message", [
    (dict(since="yesterday"), "since must be an RFC 3339 time such as 2026-11-28T10:00:00Z, got 'yesterday'"),
    (dict(until="2026-13-01T00:00:00Z"), "until must be an RFC 3339 time"),
    (dict(since="2026-11-28T10:00:00Z", until="2026-11-28T09:00:00Z"), "since (2026-11-28T10:00:00Z) must be before"),
    (dict(limit=0), "limit must be at least 1"),
    (dict(page_size=1001), "page_size must be between 1 and 1000, got 1001"),
])
def test_audit_log_input_checks(emulator, given, message):
    mark = emulator.mark()
    with pytest.raises(InvalidInput) as failure:
        audit(emulator, **given)
    assert message in str(failure.value)
    assert emulator.since(mark) == []


def test_live_audit_log_follows_the_cursor(live):
    for index in range(5):
        live.admin.post(FOLDERS, {"name": "logged-%d" % index})
    logged = live.admin.get("/api/v1/auditlogevents")["entries"]
    assert [e["action"] for e in logged] == ["AUDIT_LOG_ACTION_CREATE_FOLDER"] * 5
    mark = live.mark()
    result = audit(live, page_size=2, limit=3)
    assert result["entries"] == logged[:3] and result["next_starting_from"] == logged[2]["created_at"]
    assert [q["limit"] for _p, q in live.queries(mark)] == ["2", "1"]
    window = dict(since=logged[0]["created_at"], until=logged[4]["created_at"], page_size=2)
    assert audit(live, sort_order="DESC", **window)["entries"] == logged[3:0:-1]
