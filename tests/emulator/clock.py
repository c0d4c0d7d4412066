"""Time in the API's format (RFC 3339, UTC, with a Z)."""

import datetime
import time


def now():
    return time.time()


def iso(ts):
    return (
        datetime.datetime.fromtimestamp(ts, tz=datetime.timezone.utc)
        .isoformat(timespec="microseconds")
        .replace("+00:00", "Z")
    )


def parse_iso(text):
    """Parse an RFC 3339 timestamp to epoch seconds; ValueError when it is not one."""
    value = text.strip()
    if value.endswith(("Z", "z")):
        value = value[:-1] + "+00:00"
    parsed = datetime.datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=datetime.timezone.utc)
    try:
        # In UTC, so that ``iso`` can write it back: 0001-01-01T00:00+01:00 is in year 0.
        return parsed.astimezone(datetime.timezone.utc).timestamp()
    except OverflowError:
        raise ValueError("%r is out of the range of years 1 to 9999 in UTC" % text) from None
