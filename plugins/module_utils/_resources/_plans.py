# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""A cluster's plan in both vocabularies. The live service names tiers: BASIC and STANDARD
(serverless) and ADVANCED (dedicated); the contract names kinds: SERVERLESS and DEDICATED.
Options take either; a kind matches each of its tiers, a tier matches itself (and, on a
server that only names kinds, its kind)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

KINDS = {"BASIC": "SERVERLESS", "STANDARD": "SERVERLESS", "SERVERLESS": "SERVERLESS",
         "ADVANCED": "DEDICATED", "DEDICATED": "DEDICATED"}
TIERS = ("BASIC", "STANDARD", "ADVANCED")
PLANS = TIERS + ("SERVERLESS", "DEDICATED")
WORDS = "basic, standard or advanced (or serverless, dedicated)"


def kind(plan):
    """SERVERLESS or DEDICATED for a plan of either vocabulary (None when unknown)."""
    return KINDS.get((plan or "").upper())


def is_serverless(cluster):
    return kind(cluster.get("plan")) == "SERVERLESS"


def normalize(plan):
    """A plan option upper-cased, or a ValueError naming the values it takes."""
    if plan is None:
        return None
    value = str(plan).strip().upper()
    if value not in KINDS:
        raise ValueError("plan must be %s, got %r" % (WORDS, plan))
    return value


def matches(have, wanted):
    """Whether a cluster's plan ``have`` is what a task or filter asks for (``wanted``)."""
    have, wanted = (have or "").upper(), (wanted or "").upper()
    if have == wanted:
        return True
    if wanted in ("SERVERLESS", "DEDICATED"):
        return kind(have) == wanted
    return have in ("SERVERLESS", "DEDICATED") and kind(wanted) == have


def tier_for(plan, usage_limits=None):
    """The live tier a create sends for a plan option: a tier as given; a serverless cluster
    with provisioned vCPUs is STANDARD, else BASIC (limits in request units and storage)."""
    plan = (plan or "").upper()
    if plan in TIERS:
        return plan
    if kind(plan) == "DEDICATED":
        return "ADVANCED"
    return "STANDARD" if (usage_limits or {}).get("provisioned_virtual_cpus") else "BASIC"


def groups(plan):
    """The inventory group suffixes of a cluster's plan: the plan itself and its kind."""
    plan = (plan or "").lower()
    if not plan:
        return []
    family = (kind(plan) or "").lower()
    return [plan] if not family or family == plan else [plan, family]
