"""List pagination as the service does it: opaque page tokens, limit, as_of_time, sort_order."""

import base64
import json

from . import clock
from .errors import bad_request

DEFAULT_LIMIT = 100
MAX_LIMIT = 500


def _token(offset, as_of):
    raw = json.dumps({"o": offset, "t": as_of}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _read_token(token):
    try:
        padded = token + "=" * (-len(token) % 4)
        data = json.loads(base64.urlsafe_b64decode(padded.encode()))
        offset = int(data["o"])
        if offset < 0:
            raise ValueError(offset)
        return offset, data.get("t")
    except (ValueError, KeyError, TypeError, json.JSONDecodeError):
        raise bad_request("invalid pagination.page token %r" % token) from None


def paginate(items, query, created_key="created_at"):
    """Return (page, pagination) for ``items`` (oldest first) under the request's query.

    ``as_of_time`` hides what was created after it; the page token remembers the time
    of the first page (or the given ``as_of_time``), so items created while a client
    walks the pages do not shift them. Deletions between pages still shift the offset.
    """
    limit = int(query.get("pagination.limit") or DEFAULT_LIMIT)
    if not 1 <= limit <= MAX_LIMIT:
        raise bad_request("pagination.limit must be between 1 and %d" % MAX_LIMIT)
    offset, as_of = 0, None
    if query.get("pagination.page"):
        offset, as_of = _read_token(query["pagination.page"])
    if as_of is None and created_key and not query.get("pagination.as_of_time"):
        as_of = clock.now()  # later pages of this listing ignore what is created meanwhile
    if query.get("pagination.as_of_time"):
        try:
            as_of = clock.parse_iso(query["pagination.as_of_time"])
        except ValueError:
            raise bad_request("pagination.as_of_time is not an RFC 3339 time") from None
    if as_of is not None and created_key:
        cutoff = clock.iso(as_of)
        items = [item for item in items if item.get(created_key, "") <= cutoff]
    if (query.get("pagination.sort_order") or "ASC").upper() == "DESC":
        items = list(reversed(items))
    page = items[offset:offset + limit]
    pagination = {"time": clock.iso(clock.now())}
    if offset + limit < len(items):
        pagination["next"] = _token(offset + limit, as_of)
    if items:
        pagination["last"] = _token(((len(items) - 1) // limit) * limit, as_of)
    return page, pagination
