# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""What the organization's info modules read: the organization, invoices, the audit log."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import API
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import (
    InvalidInput,
    path_segment,
    refuse_blank,
)
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.waiters import fetch_or_none
from ansible_collections.cockroachdb.cloud.plugins.module_utils._times import parse_time


# -- the info modules of the organization --------------------------------------------------------

def organization_info(ctx):
    return {"changed": False, "organization": ctx.client.get("%s/organization" % API)}


# An invoice's status as each wire format spells it (the option takes both spellings).
INVOICE_STATUSES = {"contract": {"finalized": "Finalized", "draft": "Draft"},
                    "live": {"finalized": "FINALIZED", "draft": "DRAFT"}}


def invoice_status(client, status):
    """The ``status`` option (``Finalized`` or ``FINALIZED``...) as the server's wire format spells it."""
    return INVOICE_STATUSES[client.wire][status.lower()]


def invoice_info(ctx):
    """Every invoice (``status`` filters), or the one of ``id`` with its line items."""
    params = ctx.params
    refuse_blank(params, "id", "give an invoice id, or leave it out to list every invoice")
    if params.get("id") is not None:
        found = fetch_or_none(ctx.client, "%s/invoices/%s" % (API, path_segment(params["id"])))()
        return {"changed": False, "invoices": [found] if found else []}
    query = {"status": invoice_status(ctx.client, params["status"])} if params.get("status") else None
    invoices = ctx.client.get("%s/invoices" % API, params=query).get("invoices") or []
    return {"changed": False, "invoices": sorted(invoices, key=lambda i: i.get("period_start") or "")}


# -- the audit log -------------------------------------------------------------------------------

AUDIT_PAGE_MAX = 1000


def audit_log_info(ctx):
    """The audit log entries between ``since`` and ``until`` (both exclusive), in
    ``sort_order``, following the API's cursor to the end or until ``limit`` entries."""
    params = ctx.params
    since = parse_time(params["since"], "since") if params.get("since") is not None else None
    until = parse_time(params["until"], "until") if params.get("until") is not None else None
    if since and until and since >= until:
        raise InvalidInput("since (%s) must be before until (%s)" % (params["since"], params["until"]))
    limit = params.get("limit")
    if limit is not None and limit < 1:
        raise InvalidInput("limit must be at least 1 (leave it out to read every entry), got %d" % limit)
    page_size = 200 if params.get("page_size") is None else params["page_size"]
    if not 1 <= page_size <= AUDIT_PAGE_MAX:
        raise InvalidInput("page_size must be between 1 and %d, got %d" % (AUDIT_PAGE_MAX, page_size))
    ascending = (params.get("sort_order") or "ASC") == "ASC"
    # The API's cursor is exclusive: from `since` upwards, or from `until` downwards.
    cursor = params.get("since") if ascending else params.get("until")
    stop = until if ascending else since
    entries, more = [], None
    while True:
        query = {"sort_order": "ASC" if ascending else "DESC",
                 "limit": page_size if limit is None else min(page_size, limit - len(entries))}
        if cursor:
            query["starting_from"] = cursor
        page = ctx.client.get("%s/auditlogevents" % API, params=query)
        batch = page.get("entries") or []
        ended = False
        for entry in batch:
            when = parse_time(entry.get("created_at"), "the API's created_at")
            if stop is not None and (when >= stop if ascending else when <= stop):
                ended = True
                break
            entries.append(entry)
        cursor = page.get("next_starting_from")
        if ended or not cursor or not batch:
            break
        if limit is not None and len(entries) >= limit:
            more = entries[-1].get("created_at")
            break
    return {"changed": False, "entries": entries, "next_starting_from": more}
