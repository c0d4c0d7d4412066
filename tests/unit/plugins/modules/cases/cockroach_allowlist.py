# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""cockroach_allowlist's cases for the unit tests that go over every module (see _load.py)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.tests.unit.plugins.modules.cases._shared import EMPTY_CLUSTER, NO_CLUSTER, bad, not_converted

#: test_bad_input.py: input the module refuses, each with the text of its message.
BAD_INPUT = [
    bad("mask-out-of-range", "entries[0]: mask 33 is out of range", cluster="web-app",
        entries=[{"cidr": "10.0.0.0/33"}]),
    bad("cidr-and-cidr-ip", "entries[0]: give either cidr or cidr_ip with cidr_mask, not both", cluster="web-app",
        entries=[{"cidr": "10.0.0.0/8", "cidr_ip": "10.0.0.0"}]),
    bad("cidr-ip-without-mask", "entries[0]: cidr_ip needs cidr_mask", cluster="web-app",
        entries=[{"cidr_ip": "10.0.0.1"}]),
    bad("cidr-mask-without-ip", "entries[0]: cidr_mask needs cidr_ip", cluster="web-app", entries=[{"cidr_mask": 8}]),
    bad("ipv6", "entries[0]: '::1' is an IPv6 address", cluster="web-app", entries=[{"cidr": "::1/128"}]),
    bad("part-over-255", "entries[0]: '300.0.0.1' is not an IPv4 address", cluster="web-app",
        entries=[{"cidr": "300.0.0.1/32"}]),
    bad("leading-zeros", "entries[0]: '010.0.0.1' has a part with leading zeros", cluster="web-app",
        entries=[{"cidr": "010.0.0.1"}]),
    bad("cidr-empty", "entries[0]: cidr is empty", cluster="web-app", entries=[{"cidr": " "}]),
    bad("network-twice", "entries[0] and entries[1] both name the network 10.0.0.0/8", cluster="web-app",
        entries=[{"cidr": "10.0.0.0/8"}, {"cidr": "10.1.0.0/8"}]),
    bad("mask-a-word", not_converted("cidr_mask", "int"), cluster="web-app",
        entries=[{"cidr_ip": "10.0.0.0", "cidr_mask": "eight"}]),
    bad("state-not-a-choice", "value of state must be one of: present, absent, got: purged", cluster="web-app",
        entries=[{"cidr": "10.0.0.0/8"}], state="purged"),
    bad("purge-with-absent", "purge applies to state=present only", cluster="web-app", entries=[{"cidr": "10.0.0.0/8"}],
        purge=True, state="absent"),
    bad("entry-not-a-dict", "dictionary requested", cluster="web-app", entries=["10.0.0.0/8"]),
    bad("sql-not-a-bool", not_converted("sql", "bool"), cluster="web-app",
        entries=[{"cidr": "10.0.0.0/8", "sql": "yes please"}]),
    bad("entries-missing", "missing required arguments: entries", cluster="web-app"),
    bad("cluster-empty", EMPTY_CLUSTER, cluster="", entries=[{"cidr": "10.0.0.0/8"}]),
    bad("cluster-unknown", NO_CLUSTER, ["ListClusters"], cluster="nope-db", entries=[{"cidr": "10.0.0.0/8"}]),
]

#: test_bad_input.py: input the module accepts, which the connection options' cases complete.
VALID_INPUT = dict(cluster="web-app", entries=[{"cidr": "10.0.0.0/8"}])
