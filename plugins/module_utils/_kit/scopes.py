# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""Where a resource lives: the organization (``OrgScope``), or a place a resource file
describes with the same methods (one cluster: ``ClusterScope`` in
``_resources/_cluster_lookup.py``). A scope gives the path that the resource's paths hang
from, and makes sure the place accepts changes before the first one (a cluster that is
CREATING or LOCKED is waited for then, never on a no-op)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import API
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import InvalidInput

DEFAULT_WAIT_TIMEOUT = 600


def check_wait_timeout(params):
    """Refuse a negative ``wait_timeout`` (every wait would end at once, after the change)."""
    timeout = params.get("wait_timeout")
    if timeout is not None and timeout < 0:
        raise InvalidInput("wait_timeout must be 0 or more seconds, got %d" % timeout)


class OrgScope(object):
    """Resources of the organization: nothing to resolve, nothing to wait for."""

    path = API
    missing = False  # (a ClusterScope's cluster may not exist yet; the organization always does)

    def __init__(self, ctx):
        self.ctx = ctx

    def check_input(self):
        pass

    def ready_for_change(self):
        pass

    def check_plan(self):
        pass

    def describe(self):
        return "the organization"

    def not_found(self, error):
        """The failure that says the scope does not exist, for ``error``; None: not that."""
        return None

    def absent_because(self, error):
        """Whether ``error`` (raised while reading) means the resource is absent."""
        return False

    def info(self):
        """What the scope adds to a result."""
        return {}
