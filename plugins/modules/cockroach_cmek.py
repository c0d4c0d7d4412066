#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: cockroach_cmek
short_description: Encrypt a dedicated CockroachDB Cloud cluster with customer-managed keys (CMEK)
version_added: 0.2.0
description:
  - Sets up customer-managed encryption keys (CMEK) for a dedicated cluster, one key per
    region (O(region_specs)), replaces that key specification, and rotates or revokes the keys
    on request (O(action)).
  - The first task that gives O(region_specs) sets CMEK up; a later one with other specs
    replaces them all (the API replaces the whole specification). The module then waits until
    CMEK is C(ENABLED) again (see O(wait)).
  - O(action=rotate) and O(action=revoke) are actions, never implied by a re-run of a task
    without them. Revoking is idempotent, keys that are C(REVOKED) (or C(REVOKING)) are not
    revoked again. Rotating sends a rotation each time the task runs, except while one is
    under way (C(ROTATING)), which is waited for instead. Revoked keys can neither rotate nor
    change.
  - CMEK cannot be turned off through the API, so the module has no C(state) option.
  - Serverless clusters have no CMEK; asking for it fails before any change.
author:
  - CockroachDB Cloud collection maintainers (@cockroachdb)
extends_documentation_fragment:
  - cockroachdb.cloud.cockroach
  - cockroachdb.cloud.cockroach.CLUSTER
  - cockroachdb.cloud.cockroach.WAIT
  - cockroachdb.cloud.cockroach.ACTIONGROUP
  - cockroachdb.cloud.cockroach.CHECK_MODE_DIFF
options:
  region_specs:
    description:
      - The key of each cluster region, the whole list (compared as a set keyed by region).
        Required to set CMEK up. Mutually exclusive with O(action).
      - Checked before any request (a region given twice, a key URI or principal of the wrong
        shape); the regions must be the cluster's and the key type must fit the cluster's cloud
        provider, checked after reading the cluster and before any change.
    type: list
    elements: dict
    suboptions:
      region:
        description: A region of the cluster, such as V(us-east-1).
        type: str
        required: true
      key:
        description:
          - The key that encrypts the region's data.
          - C(key_spec), the live service's name for it, is an alias. The module sends it as
            C(key) to a server of the contract's format and as C(key_spec) to the live service
            (O(api_format)), and reads the key a region uses from either answer (C(spec.region_specs),
            or the key of C(region_infos[].key_infos) that is not C(DISABLED)).
        type: dict
        required: true
        aliases: [key_spec]
        suboptions:
          uri:
            description:
              - The key. V(AWS_KMS), the key's ARN
                (V(arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab));
                V(GCP_CLOUD_KMS), its resource name
                (V(projects/my-project/locations/us-central1/keyRings/cockroach/cryptoKeys/cmek));
                V(AZURE_KEY_VAULT), its URL (V(https://my-vault.vault.azure.net/keys/cmek)).
              - A URI of none of these shapes is refused before any request.
            type: str
            required: true
          type:
            description:
              - The kind of key. By default the one the shape of O(region_specs[].key.uri)
                says; it must fit the cluster's cloud provider (V(AWS_KMS) on AWS,
                V(GCP_CLOUD_KMS) on GCP, V(AZURE_KEY_VAULT) on Azure).
            type: str
            choices: [AWS_KMS, GCP_CLOUD_KMS, AZURE_KEY_VAULT]
          auth_principal:
            description:
              - Who CockroachDB Cloud acts as to use the key. For V(AWS_KMS), the ARN of an IAM
                role it can assume; for V(GCP_CLOUD_KMS), the email of a service account.
              - Defaults to O(auth_principal).
            type: str
  auth_principal:
    description:
      - The O(region_specs[].key.auth_principal) of the keys that do not give one.
      - Only with O(region_specs); without it, the task fails before any request.
    type: str
  action:
    description:
      - V(rotate) rotates the keys (C(ROTATING), then C(ENABLED)); V(revoke) revokes them
        (C(REVOKING), then C(REVOKED)), after which the cluster's data can no longer be read. Needs CMEK to
        be set up. See the description for when the module sends nothing.
      - The contract's API takes them as C(status) V(ROTATE) and V(REVOKE); the live service
        takes C(action) V(REVOKE) and has no rotate action. With the live service (see
        O(api_format)), V(rotate) fails before any change and says what to do instead, which is
        to give O(region_specs) with a new key for each region (the service moves to it and lists
        the old key as C(DISABLED)).
    type: str
    choices: [rotate, revoke]
  wait_timeout:
    description:
      - Seconds to wait for the cluster, and for CMEK to settle after a change.
    type: int
    default: 1800
notes:
  - A task that changes nothing reads CMEK once, plus one listing of the clusters when
    O(cluster) is a name, or one read of the cluster when it is an id.
  - CMEK is set up on a cluster that exists; see the service's guide for the IAM role or
    service account that CockroachDB Cloud needs, and the key policy.
seealso:
  - module: cockroachdb.cloud.cockroach_cmek_info
  - name: Customer-Managed Encryption Keys
    description: The service's guide to CMEK.
    link: https://www.cockroachlabs.com/docs/cockroachcloud/cmek
"""

EXAMPLES = r"""
- name: Encrypt the cluster's region with a KMS key of the organization's account
  cockroachdb.cloud.cockroach_cmek:
    cluster: orders-prod
    auth_principal: arn:aws:iam::123456789012:role/cockroach-cmek
    region_specs:
      - region: us-east-1
        key:
          uri: arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab

- name: Rotate the keys (each run of this task rotates them; the contract's API only, see action)
  cockroachdb.cloud.cockroach_cmek:
    cluster: orders-prod
    action: rotate
  when: rotate_keys | default(false) | bool

- name: Revoke the keys (once; a re-run sends nothing)
  cockroachdb.cloud.cockroach_cmek:
    cluster: orders-prod
    action: revoke
  when: revoke_keys | default(false) | bool
"""

RETURN = r"""
cmek:
  description:
    - CMEK of the cluster as the API returns it, after the change and the wait; in check
      mode, the predicted one.
  returned: always
  type: dict
  contains:
    cluster_id:
      description: Id of the cluster (the contract's format).
      type: str
      returned: with the contract's format (O(api_format))
    status:
      description:
        - C(ENABLED) once settled, C(REVOKED) once revoked; C(ENABLING), C(ROTATING) or
          C(REVOKING) when O(wait=false).
      type: str
    spec:
      description: "The key specification, C({region_specs: [{region, key: {type, uri, auth_principal}}]})."
      type: dict
      returned: with the contract's format (O(api_format))
    region_infos:
      description:
        - "Per region, its status and the keys it had and has (the live format):
          C([{region, status, key_infos: [{spec: {type, uri, auth_principal}, status, created_at, updated_at}]}]);
          a key the region no longer uses is C(DISABLED)."
      type: list
      elements: dict
      returned: with the live format (O(api_format))
    created_at:
      description: When CMEK was set up.
      type: str
      returned: with the contract's format (O(api_format))
    updated_at:
      description: When it last changed.
      type: str
      returned: with the contract's format (O(api_format))
  sample:
    cluster_id: 0b8d9c3a-8f2e-4d1b-a9e4-5c6f7a8b9c0d
    status: ENABLED
    spec:
      region_specs:
        - region: us-east-1
          key:
            type: AWS_KMS
            uri: arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab
            auth_principal: arn:aws:iam::123456789012:role/cockroach-cmek
    created_at: "2026-11-28T10:00:00.000000Z"
    updated_at: "2026-11-28T10:00:00.000000Z"
diff:
  description:
    - The region specs before and after (sorted by region). With O(action), the status before
      and after, and the action under C(after.action).
  returned: success
  type: dict
  sample:
    before: {status: ENABLED}
    after: {status: ENABLED, action: rotate}
"""

from ansible_collections.cockroachdb.cloud.plugins.module_utils._module import ModuleTask, cluster_argument_spec
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.cmek import Cmek

ARGUMENT_SPEC = cluster_argument_spec(
    1800,
    region_specs=dict(type="list", elements="dict", options=dict(
        region=dict(type="str", required=True),
        key=dict(type="dict", required=True, no_log=False, aliases=["key_spec"], options=dict(
            uri=dict(type="str", required=True),
            type=dict(type="str", choices=["AWS_KMS", "GCP_CLOUD_KMS", "AZURE_KEY_VAULT"]),
            auth_principal=dict(type="str"),
        )),
    )),
    auth_principal=dict(type="str"),
    action=dict(type="str", choices=["rotate", "revoke"]),
)


TASK = ModuleTask(ARGUMENT_SPEC, Cmek.task)


def main():
    TASK.main()


if __name__ == "__main__":
    main()
