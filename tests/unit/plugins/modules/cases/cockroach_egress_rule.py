# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""cockroach_egress_rule's cases for the unit tests that go over every module (see _load.py)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.tests.unit.plugins.modules.cases._shared import NO_CLUSTER, bad, not_converted

#: test_bad_input.py: input the module refuses, each with the text of its message.
BAD_INPUT = [
    bad("destination-a-url", "destination: 'https://api.example.com' holds a ':'", cluster="orders-db", name="api",
        destination="https://api.example.com"),
    bad("destination-with-port", "destination: 'api.example.com:443' holds a ':'", cluster="orders-db", name="api",
        destination="api.example.com:443"),
    bad("destination-not-a-host-name", "destination: 'localhost' is not a host name", cluster="orders-db", name="api",
        destination="localhost"),
    bad("destination-empty", "destination is empty", cluster="orders-db", name="api", destination=""),
    bad("network-as-fqdn", "destination: type FQDN needs a host name", cluster="orders-db", name="net",
        destination="10.0.0.0/8", type="FQDN"),
    bad("type-not-a-choice", "value of type must be one of: FQDN, CIDR, got: DNS", cluster="orders-db", name="api",
        destination="api.example.com", type="DNS"),
    bad("port-zero", "ports: port 0 is out of range; ports are 1 to 65535", cluster="orders-db", name="api",
        destination="api.example.com", ports=[0]),
    bad("port-twice", "ports: port 443 is listed twice", cluster="orders-db", name="api",
        destination="api.example.com", ports=[443, 443]),
    bad("port-a-name", not_converted("ports", "int"), cluster="orders-db", name="api", destination="api.example.com",
        ports=["https"]),
    bad("name-too-long", "is too long: an egress rule's name has at most 63 characters", cluster="orders-db",
        name="r" * 64, destination="api.example.com"),
    bad("name-empty", "name must not be empty", cluster="orders-db", name="", destination="api.example.com"),
    bad("description-too-long", "description is too long (256 characters): at most 255", cluster="orders-db",
        name="api", destination="api.example.com", description="d" * 256),
    bad("name-and-rules", "parameters are mutually exclusive: name|rules", cluster="orders-db", name="api",
        rules=[{"name": "api"}]),
    bad("rules-and-destination", "parameters are mutually exclusive: rules|destination", cluster="orders-db",
        rules=[{"name": "api"}], destination="api.example.com"),
    bad("rule-twice", "rules[0] and rules[1] both name the egress rule api", cluster="orders-db",
        rules=[{"name": "api", "destination": "api.example.com"}, {"name": "api", "destination": "b.example.com"}]),
    bad("rule-port-out-of-range", "rules[0].ports: port 70000 is out of range", cluster="orders-db",
        rules=[{"name": "api", "destination": "api.example.com", "ports": [70000]}]),
    bad("purge-with-absent", "purge applies to state=present only", cluster="orders-db", rules=[{"name": "api"}],
        purge=True, state="absent"),
    bad("serverless-cluster", "egress perimeter control is only available on dedicated clusters", ["ListClusters"],
        cluster="web-app", name="api", destination="api.example.com"),
    bad("create-without-destination", "to create egress rule api, also give: destination",
        ["ListClusters", "ListEgressRules"], cluster="orders-db", name="api"),
    bad("rules-create-without-destination", "egress rule api does not exist on cluster orders-db: give its destination",
        ["ListClusters", "ListEgressRules"], cluster="orders-db", rules=[{"name": "api"}]),
    bad("cluster-unknown", NO_CLUSTER, ["ListClusters"], cluster="nope-db", name="api", destination="api.example.com"),
]

#: test_bad_input.py: input the module accepts, which the connection options' cases complete.
VALID_INPUT = dict(cluster="orders-db", name="api")

#: test_options_used.py: where the module's ``only_with`` rules are declared (by name: a
#: description class of module_utils, or a name of the module itself).
RULES_FROM = ("EgressRules",)
