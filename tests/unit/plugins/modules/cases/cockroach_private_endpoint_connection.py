# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""cockroach_private_endpoint_connection's cases for the unit tests that go over every module (see _load.py)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.tests.unit.plugins.modules.cases._shared import bad

VPCE = "vpce-0123456789abcdef0"

#: test_bad_input.py: input the module refuses, each with the text of its message.
BAD_INPUT = [
    bad("endpoint-id-empty", "endpoint_id must not be empty", cluster="orders-db", endpoint_id=""),
    bad("endpoint-id-malformed", "endpoint_id '-vpce' is not an endpoint id", cluster="orders-db", endpoint_id="-vpce"),
    bad("region-blank", "region must not be empty", cluster="orders-db", endpoint_id=VPCE, region=" "),
    bad("endpoint-id-and-connections", "parameters are mutually exclusive: endpoint_id|connections",
        cluster="orders-db", endpoint_id=VPCE, connections=[]),
    bad("connections-and-region", "parameters are mutually exclusive: connections|region", cluster="orders-db",
        connections=[{"endpoint_id": VPCE}], region="us-east-1"),
    bad("endpoint-id-and-purge", "parameters are mutually exclusive: endpoint_id|purge", cluster="orders-db",
        endpoint_id=VPCE, purge=True),
    bad("endpoint-twice", "connections[0] and connections[1] both name the endpoint %s" % VPCE, cluster="orders-db",
        connections=[{"endpoint_id": VPCE}, {"endpoint_id": VPCE}]),
    bad("connection-region-empty", "connections[0].region must not be empty", cluster="orders-db",
        connections=[{"endpoint_id": VPCE, "region": ""}]),
    bad("connection-without-endpoint", ("missing required arguments: endpoint_id", "connections"),
        cluster="orders-db", connections=[{"region": "us-east-1"}]),
    bad("purge-with-absent", "purge applies to state=present only", cluster="orders-db",
        connections=[{"endpoint_id": VPCE}], purge=True, state="absent"),
    bad("serverless-cluster", "private connectivity is only available on dedicated clusters", ["ListClusters"],
        cluster="web-app", endpoint_id=VPCE),
    bad("not-an-aws-endpoint", "endpoint_id 'pe-1' is not an AWS VPC endpoint id",
        ["ListClusters", "ListPrivateEndpointConnections"], cluster="orders-db", endpoint_id="pe-1"),
    bad("region-not-the-clusters", "region eu-west-1 is not a region of cluster orders-db (us-east-1)",
        ["ListClusters", "ListPrivateEndpointConnections"], cluster="orders-db", endpoint_id=VPCE, region="eu-west-1"),
    bad("no-service-yet", "cluster orders-db has no private endpoint service in us-east-1",
        ["ListClusters", "ListPrivateEndpointConnections", "ListPrivateEndpointServices"], cluster="orders-db",
        endpoint_id=VPCE),
]

#: test_bad_input.py: input the module accepts, which the connection options' cases complete.
VALID_INPUT = dict(cluster="orders-db", endpoint_id=VPCE)

#: test_options_used.py: where the module's ``only_with`` rules are declared (by name: a
#: description class of module_utils, or a name of the module itself).
RULES_FROM = ("PrivateEndpointConnections",)
