#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: cockroach_audit_log_info
short_description: Read the audit log of a CockroachDB Cloud organization
version_added: 0.2.0
description:
  - Reads the organization's audit log entries (one per change made through the API or the
    Console) in a time window, oldest first (or newest first), following the API's cursor
    page after page to the end of the window or until O(limit) entries.
  - Secrets in the entries' payloads are masked by the service.
author:
  - CockroachDB Cloud collection maintainers (@cockroachdb)
extends_documentation_fragment:
  - cockroachdb.cloud.cockroach
  - cockroachdb.cloud.cockroach.ACTIONGROUP
  - cockroachdb.cloud.cockroach.INFO
options:
  since:
    description:
      - Only entries after this time (exclusive), an RFC 3339 time such as
        V(2026-11-28T10:00:00Z) (checked before any request).
    type: str
  until:
    description:
      - Only entries before this time (exclusive), an RFC 3339 time. Must be after O(since).
    type: str
  sort_order:
    description:
      - V(ASC) reads from O(since) forwards, V(DESC) from O(until) backwards (newest first).
    type: str
    choices: [ASC, DESC]
    default: ASC
  limit:
    description:
      - At most this many entries; by default every entry of the window. When the limit cut
        the listing short, RV(next_starting_from) says where to go on.
    type: int
  page_size:
    description:
      - Entries per request, 1 to 1000.
    type: int
    default: 200
notes:
  - Reading the audit log needs C(ORG_ADMIN).
seealso:
  - module: cockroachdb.cloud.cockroach_organization_info
"""

EXAMPLES = r"""
- name: What changed since yesterday morning
  cockroachdb.cloud.cockroach_audit_log_info:
    since: "2026-11-27T08:00:00Z"
  register: audit

- name: Print who did what
  ansible.builtin.debug:
    msg: "{{ audit.entries | map(attribute='action') | list }}"

- name: The ten newest entries
  cockroachdb.cloud.cockroach_audit_log_info:
    sort_order: DESC
    limit: 10
"""

RETURN = r"""
entries:
  description: The entries as the API returns them, in O(sort_order).
  returned: always
  type: list
  elements: dict
  contains:
    created_at:
      description: When the change was made.
      type: str
    action:
      description:
        - What was done (the operation, C(CreateFolder)).
        - The live service names it C(AUDIT_LOG_ACTION_CREATE_FOLDER).
      type: str
    source:
      description:
        - Where it came from (C(API), C(CONSOLE)).
        - The live service names it C(AUDIT_LOG_SOURCE_CC_API), C(AUDIT_LOG_SOURCE_UI)...
      type: str
    user_id:
      description:
        - Id of the user or service account that made it.
        - The live service gives C(user_email) or C(service_account_name) instead.
      type: str
    cluster_id:
      description: Id of the cluster it concerns, empty when none.
      type: str
    payload:
      description:
        - The request, secrets masked.
        - The live service gives it as a JSON string.
      type: raw
  sample:
    - created_at: "2026-11-28T10:00:00.000000Z"
      action: CreateFolder
      source: API
      user_id: 5f1e2d3c-4b5a-4968-8776-655443322110
      cluster_id: ""
      payload: {name: prod, parent_id: root}
next_starting_from:
  description:
    - When O(limit) cut the listing short, the time of the last entry returned (give it as
      O(since), or as O(until) with V(DESC), to read on); else null.
  returned: always
  type: str
  sample: "2026-11-28T10:00:00.000000Z"
"""

from ansible_collections.cockroachdb.cloud.plugins.module_utils._module import ModuleTask
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.organization import audit_log_info

ARGUMENT_SPEC = dict(
    since=dict(type="str"),
    until=dict(type="str"),
    sort_order=dict(type="str", default="ASC", choices=["ASC", "DESC"]),
    limit=dict(type="int"),
    page_size=dict(type="int", default=200),
)


TASK = ModuleTask(ARGUMENT_SPEC, audit_log_info)


def main():
    TASK.main()


if __name__ == "__main__":
    main()
