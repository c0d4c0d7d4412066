# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""Service accounts by name or id, and the id inside an API key's secret: what service
accounts, API keys and role grants share."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import API
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import path_segment
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.waiters import fetch_or_none
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources import _cluster_lookup
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources._common import _one_of

ACCOUNTS_PATH = API + "/service-accounts"
# A key's secret is CCDB1_<id part>_<secret part>; its id is the public CCDB1_<id part>.
_SECRET_RE = re.compile(r"^(CCDB1_[A-Za-z0-9]+)_[A-Za-z0-9]+$")


def find_account(client, ref):
    """(the service account named or with the id ``ref``, or None; how many accounts were read)."""
    if _cluster_lookup.looks_like_id(ref):
        found = fetch_or_none(client, "%s/%s" % (ACCOUNTS_PATH, path_segment(ref)))()
        return found, None
    accounts = client.list_all(ACCOUNTS_PATH, "service_accounts")
    return _one_of([a for a in accounts if a.get("name") == ref], "service account", ref), len(accounts)


def account_missing(ref, count):
    if count is None:
        return "no service account with id %s" % ref
    return "no service account named %r among %d service account%s" % (ref, count, "" if count == 1 else "s")


# -- API keys ------------------------------------------------------------------------------------

def key_id_of(secret):
    """The id (``CCDB1_<id part>``) of the key whose secret is ``secret``, or None."""
    match = _SECRET_RE.match(secret or "")
    return match.group(1) if match else None
