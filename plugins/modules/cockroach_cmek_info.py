#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: cockroach_cmek_info
short_description: Show the customer-managed encryption keys (CMEK) of a dedicated CockroachDB Cloud cluster
version_added: 0.2.0
description:
  - Shows the CMEK specification and status of a dedicated cluster, or nothing when CMEK is
    not set up.
  - A serverless cluster has no CMEK; asking for it fails.
author:
  - CockroachDB Cloud collection maintainers (@cockroachdb)
extends_documentation_fragment:
  - cockroachdb.cloud.cockroach
  - cockroachdb.cloud.cockroach.CLUSTER_INFO
  - cockroachdb.cloud.cockroach.ACTIONGROUP
  - cockroachdb.cloud.cockroach.INFO
notes:
  - One read of CMEK, plus one listing of the clusters when O(cluster) is a name (one read of
    the cluster when it is an id). It sends only GET requests.
seealso:
  - module: cockroachdb.cloud.cockroach_cmek
"""

EXAMPLES = r"""
- name: Read the CMEK of a cluster
  cockroachdb.cloud.cockroach_cmek_info:
    cluster: orders-prod
  register: keys

- name: Warn when the cluster's data is not encrypted with its own keys
  ansible.builtin.debug:
    msg: "CMEK of orders-prod is {{ keys.cmek.status | default('not set up') }}"
  when: keys.cmek.status | default('') != 'ENABLED'
"""

RETURN = r"""
cmek:
  description:
    - CMEK as the API returns it (see RV(cockroachdb.cloud.cockroach_cmek#module:cmek)); empty
      when it is not set up.
    - The live service (O(api_format)) answers C({status, region_infos}) instead of C(spec),
      the keys per region under C(region_infos[].key_infos).
  returned: always
  type: dict
  sample:
    cluster_id: 0b8d9c3a-8f2e-4d1b-a9e4-5c6f7a8b9c0d
    status: ENABLED
    spec:
      region_specs:
        - region: us-central1
          key:
            type: GCP_CLOUD_KMS
            uri: projects/my-project/locations/us-central1/keyRings/cockroach/cryptoKeys/cmek
            auth_principal: cockroach-cmek@my-project.iam.gserviceaccount.com
"""

from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.info import singleton_info
from ansible_collections.cockroachdb.cloud.plugins.module_utils._module import ModuleTask, cluster_info_argument_spec
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.cmek import Cmek

ARGUMENT_SPEC = cluster_info_argument_spec()


TASK = ModuleTask(ARGUMENT_SPEC, lambda ctx: singleton_info(ctx, Cmek, "cmek"))


def main():
    TASK.main()


if __name__ == "__main__":
    main()
