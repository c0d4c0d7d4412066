# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""cockroach_cmek's cases for the unit tests that go over every module (see _load.py)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.tests.unit.plugins.modules.cases._shared import ROLE_ARN, bad, unsupported

KMS_KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
GCP_KEY = "projects/my-project/locations/us-central1/keyRings/cockroach/cryptoKeys/cmek"


def cmek_specs(*regions):
    """Region specs with an AWS KMS key each (and no principal)."""
    return [{"region": region, "key": {"uri": KMS_KEY}} for region in regions]


#: test_bad_input.py: input the module refuses, each with the text of its message.
BAD_INPUT = [
    bad("region-specs-empty", "region_specs must name at least one region and its key", cluster="orders-db",
        region_specs=[]),
    bad("uri-not-a-key", "region_specs[0].key.uri 'not-a-key' is not a key URI", cluster="orders-db",
        region_specs=[{"region": "us-east-1", "key": {"uri": "not-a-key"}}], auth_principal=ROLE_ARN),
    bad("uri-of-another-type", "region_specs[0].key.uri must be the resource name of a Cloud KMS key",
        cluster="orders-db", region_specs=[{"region": "us-east-1", "key": {"uri": KMS_KEY, "type": "GCP_CLOUD_KMS"}}],
        auth_principal=ROLE_ARN),
    bad("principal-missing", "region_specs[0].key needs an auth_principal", cluster="orders-db",
        region_specs=cmek_specs("us-east-1")),
    bad("principal-not-a-role", "region_specs[0].key.auth_principal must be the ARN of an AWS IAM role",
        cluster="orders-db", region_specs=cmek_specs("us-east-1"), auth_principal="bob"),
    bad("region-twice", "region_specs[0] and region_specs[1] both give a key for us-east-1", cluster="orders-db",
        region_specs=cmek_specs("us-east-1", "us-east-1"), auth_principal=ROLE_ARN),
    bad("region-empty", "region_specs[0] needs a region", cluster="orders-db",
        region_specs=[{"region": " ", "key": {"uri": KMS_KEY}}], auth_principal=ROLE_ARN),
    bad("key-a-number", "region_specs[0].key must be a dictionary of its options, got 0", cluster="orders-db",
        region_specs=[{"region": "us-east-1", "key": 0}]),
    bad("key-missing", ("missing required arguments: key", "region_specs"), cluster="orders-db",
        region_specs=[{"region": "us-east-1"}]),
    bad("action-with-region-specs", "action=rotate acts on the keys that CMEK has", cluster="orders-db",
        action="rotate", region_specs=cmek_specs("us-east-1"), auth_principal=ROLE_ARN),
    bad("principal-without-region-specs", "auth_principal only applies with region_specs: it is the default of "
                                          "region_specs[].key.auth_principal",
        cluster="orders-db", auth_principal=ROLE_ARN),
    bad("action-not-a-choice", "value of action must be one of: rotate, revoke, got: explode", cluster="orders-db",
        action="explode"),
    bad("principal-with-action", "auth_principal only applies with region_specs", cluster="orders-db", action="rotate",
        auth_principal=ROLE_ARN),
    bad("state-not-an-option", unsupported("cockroach_cmek", "state"), cluster="orders-db", state="absent"),
    bad("serverless-cluster", "CMEK is only available on dedicated clusters; cluster web-app is serverless",
        ["ListClusters"], cluster="web-app",
        region_specs=[{"region": "us-central1", "key": {"uri": GCP_KEY}}],
        auth_principal="cockroach-cmek@my-project.iam.gserviceaccount.com"),
    bad("region-not-the-clusters", "region_specs: eu-west-1 is not a region of cluster orders-db (us-east-1)",
        ["ListClusters", "GetCMEKClusterInfo"], cluster="orders-db",
        region_specs=[{"region": "eu-west-1", "key": {"uri": KMS_KEY}}], auth_principal=ROLE_ARN),
    bad("key-of-another-cloud", "the key of us-east-1 is of type GCP_CLOUD_KMS, which does not fit cluster orders-db",
        ["ListClusters", "GetCMEKClusterInfo"], cluster="orders-db",
        region_specs=[{"region": "us-east-1", "key": {"uri": GCP_KEY}}],
        auth_principal="cockroach-cmek@my-project.iam.gserviceaccount.com"),
    bad("rotate-before-setup", "CMEK of cluster orders-db is not set up: set it up with region_specs",
        ["ListClusters", "GetCMEKClusterInfo"], cluster="orders-db", action="rotate"),
]

#: test_bad_input.py: input the module accepts, which the connection options' cases complete.
VALID_INPUT = dict(cluster="orders-db")

#: test_options_used.py: where the module's ``only_with`` rules are declared (by name: a
#: description class of module_utils, or a name of the module itself).
RULES_FROM = ("Cmek",)
