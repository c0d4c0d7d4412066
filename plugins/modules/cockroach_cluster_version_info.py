#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: cockroach_cluster_version_info
short_description: List the major CockroachDB versions available for clusters
version_added: 0.1.0
description:
  - Lists the major CockroachDB versions (such as V(v24.3)) that new or upgraded dedicated
    clusters can run, newest last.
author:
  - CockroachDB Cloud collection maintainers (@cockroachdb)
extends_documentation_fragment:
  - cockroachdb.cloud.cockroach
  - cockroachdb.cloud.cockroach.ACTIONGROUP
  - cockroachdb.cloud.cockroach.INFO
"""

EXAMPLES = r"""
- name: Find the newest major version
  cockroachdb.cloud.cockroach_cluster_version_info:
  register: versions

- name: Show it
  ansible.builtin.debug:
    msg: "Newest: {{ versions.latest }}"
"""

RETURN = r"""
versions:
  description: The major versions, oldest first (by version number; the live service lists them newest first).
  returned: always
  type: list
  elements: str
  sample: ["v23.2", "v24.1", "v24.2", "v24.3"]
latest:
  description: The newest major version (the last of RV(versions)); empty when none.
  returned: always
  type: str
  sample: v24.3
"""

from ansible_collections.cockroachdb.cloud.plugins.module_utils._module import ModuleTask
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.cluster_versions import version_info

TASK = ModuleTask({}, version_info)


def main():
    TASK.main()


if __name__ == "__main__":
    main()
