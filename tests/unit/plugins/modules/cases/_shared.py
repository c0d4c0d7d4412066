# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""What the cases of several modules share (see _load.py for the files of cases): the case
type, ansible-core's messages, the ids and the texts they name."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import collections

UNKNOWN_ID = "11111111-2222-4333-8444-555555555555"
ROLE_ARN = "arn:aws:iam::123456789012:role/cockroach"
WHEN = "2026-11-28T10:00:00Z"
EARLIER = "2026-11-27T10:00:00Z"

Bad = collections.namedtuple("Bad", "id msg reads args")


def bad(case_id, msg, reads=(), **args):
    """One bad input: its pytest id, the text its ``msg`` holds, the reads it may cost."""
    return Bad(case_id, msg, tuple(reads), args)


def unsupported(module, option="bogus"):
    return "Unsupported parameters for (cockroachdb.cloud.%s) module: %s" % (module, option)


def not_converted(option, to):
    """ansible-core's message for a value of the wrong type (its wording varies by version)."""
    return ("'%s'" % option, "unable to convert to %s" % to)


NEITHER_EMAIL_NOR_ID = ("user 'carol.example.com' is not an email address (name@example.com), nor a user id (a UUID "
                        "such as 8c4b6a31-0c5f-4f6e-9d8a-2b7e1f3c4d5a): give the person's email or their user id")


NO_CLUSTER = "no cluster named 'nope-db' among 3 clusters"
NO_CLUSTER_ID = "no cluster with id %s" % UNKNOWN_ID
EMPTY_CLUSTER = "cluster must not be empty: give the name or the id of the cluster"
