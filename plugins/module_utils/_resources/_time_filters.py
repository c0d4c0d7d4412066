# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""The time window (``since``/``until``) of the backup and restore listings, as query parameters."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import InvalidInput
from ansible_collections.cockroachdb.cloud.plugins.module_utils._times import api_time, parse_time


# -- times ----------------------------------------------------------------------------------------

def time_query(params):
    """The ``start_time`` / ``end_time`` filters of a listing, checked (an end before the
    start is refused) and written as the API writes times."""
    bounds = dict((option, parse_time(params[option], option)) for option in ("start_time", "end_time")
                  if params.get(option) is not None)
    if len(bounds) == 2 and bounds["end_time"] < bounds["start_time"]:
        raise InvalidInput("end_time %s is before start_time %s" % (params["end_time"], params["start_time"]))
    return dict((option, api_time(moment)) for option, moment in bounds.items())
