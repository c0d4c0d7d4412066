"""Audit logs: the entries the request pipeline appends for each mutating request.

Paging follows the service: ``starting_from`` is an exclusive time cursor (entries
after it in ASC order, before it in DESC order), ``limit`` caps the page, and
``next_starting_from`` is the cursor for the next page while more entries remain.
"""

from .. import clock
from ..errors import bad_request
from ..permissions import ORG_ADMIN
from ..registry import operation

DEFAULT_LIMIT = 200
MAX_LIMIT = 1000


def _limit(text):
    try:
        limit = int(text) if text else DEFAULT_LIMIT
    except ValueError:
        raise bad_request("limit must be an integer, got %r" % text) from None
    if not 1 <= limit <= MAX_LIMIT:
        raise bad_request("limit must be between 1 and %d, got %d" % (MAX_LIMIT, limit))
    return limit


def _cursor(text):
    """``starting_from`` in the entries' own format, so plain string order compares times."""
    try:
        return clock.iso(clock.parse_iso(text))
    except (ValueError, TypeError, OverflowError, OSError):
        raise bad_request("starting_from must be an RFC 3339 time, got %r" % text) from None


@operation("ListAuditLogs", roles=ORG_ADMIN, scope="org")
def list_audit_logs(ctx):
    limit = _limit(ctx.query.get("limit"))
    order = (ctx.query.get("sort_order") or "ASC").upper()
    if order not in ("ASC", "DESC"):
        raise bad_request("sort_order must be ASC or DESC, got %r" % ctx.query.get("sort_order"))
    # Entries are appended as requests finish, so the log is already in time order.
    entries = ctx.data["audit_logs"]
    entries = list(reversed(entries)) if order == "DESC" else list(entries)
    if ctx.query.get("starting_from"):
        cursor = _cursor(ctx.query["starting_from"])
        if order == "ASC":
            entries = [e for e in entries if e["created_at"] > cursor]
        else:
            entries = [e for e in entries if e["created_at"] < cursor]
    page = [{k: v for k, v in e.items() if not k.startswith("_")} for e in entries[:limit]]
    answer = {"entries": page}
    if len(entries) > limit:
        answer["next_starting_from"] = page[-1]["created_at"]
    return answer
