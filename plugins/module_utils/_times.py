# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
#
# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""Times as the API and the tasks write them (RFC 3339): read into aware datetimes in UTC,
written back with a Z."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import datetime
import re

from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import InvalidInput

_RFC3339 = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?([Zz]|([+-])(\d{2}):(\d{2}))$")


def parse_time(value, option="time"):
    """``value`` (RFC 3339: ``2026-11-28T10:00:00Z``, ``...12:00:00.5+02:00``) as an aware
    datetime in UTC; InvalidInput naming ``option`` when it is not one."""
    match = _RFC3339.match(str(value).strip()) if value is not None else None
    try:
        if match is None:
            raise ValueError(value)
        year, month, day, hour, minute, second = (int(match.group(i)) for i in range(1, 7))
        micro = int((match.group(7) or "0")[:6].ljust(6, "0"))  # (digits past microseconds dropped)
        moment = datetime.datetime(year, month, day, hour, minute, second, micro, tzinfo=datetime.timezone.utc)
        if match.group(9):
            offset = datetime.timedelta(hours=int(match.group(10)), minutes=int(match.group(11)))
            moment = moment - offset if match.group(9) == "+" else moment + offset
        return moment
    except (ValueError, OverflowError):
        raise InvalidInput("%s must be an RFC 3339 time such as 2026-11-28T10:00:00Z, got %r" % (option, value)) from None


def from_timestamp(seconds):
    """Seconds since the epoch (``time.time()``, the client's ``now()``) as an aware datetime in UTC."""
    return datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc)


def api_time(moment):
    """An aware datetime in UTC as the API writes times (with a Z)."""
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
