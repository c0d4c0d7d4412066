# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This plugin_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""Progress on long waits of in-process tasks, as ``terraform apply`` says "Still
creating... [2m30s elapsed]": a line at most every COCKROACH_PROGRESS_INTERVAL seconds
(30 by default; 0 turns it off), none when ANSIBLE_DISPLAY_OK_HOSTS is false."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import os

from ansible.module_utils.parsing.convert_bool import boolean

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import seconds

INTERVAL_ENV = "COCKROACH_PROGRESS_INTERVAL"
DEFAULT_INTERVAL = 30.0


def interval_from_environment():
    """Seconds between two lines, 0 for none."""
    if not boolean(os.environ.get("ANSIBLE_DISPLAY_OK_HOSTS", "true"), strict=False):
        return 0.0
    try:
        return max(0.0, float(os.environ.get(INTERVAL_ENV, DEFAULT_INTERVAL)))
    except ValueError:
        return DEFAULT_INTERVAL


class Progress(object):
    """``client.progress`` for one task: ``say(line)`` when a wait has lasted another interval."""

    def __init__(self, task, host, say, interval=None):
        self.task = task
        self.host = host
        self.say = say
        self.interval = interval_from_environment() if interval is None else interval
        self.next_at = self.interval

    def __call__(self, what, value, waited, timeout):
        if self.interval <= 0 or waited < self.next_at:
            return
        while self.next_at <= waited:
            self.next_at += self.interval
        state = ""
        if isinstance(value, dict):
            status = value.get("state") or value.get("status")
            state = ", now %s" % status if status else ""
        self.say("%s [%s]: still waiting for %s%s [%s elapsed of %s]"
                 % (self.task, self.host, what, state, seconds(waited), seconds(timeout)))
