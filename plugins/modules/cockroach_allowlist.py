#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: cockroach_allowlist
short_description: Manage the IP allowlist entries of a CockroachDB Cloud cluster
version_added: 0.1.0
description:
  - Adds, updates and removes the IP allowlist entries of a cluster, several in one task.
  - Each entry is identified by its network (CIDR). Networks are compared in canonical form,
    with host bits cleared (V(10.0.0.5/24) is V(10.0.0.0/24)); a bare address means a
    single host (V(10.0.0.5) is V(10.0.0.5/32)).
  - Reads the current allowlist once (all pages, 500 entries each), then sends one request
    per entry to add, update or remove; the API has no call for several entries. A re-run
    with the same entries sends no change.
  - Entries are added and updated before others are removed, so that a network that keeps
    its access never loses it while the task runs.
  - With O(purge=true), entries that O(entries) does not name are removed.
author:
  - CockroachDB Cloud collection maintainers (@cockroachdb)
extends_documentation_fragment:
  - cockroachdb.cloud.cockroach
  - cockroachdb.cloud.cockroach.CLUSTER
  - cockroachdb.cloud.cockroach.WAIT
  - cockroachdb.cloud.cockroach.ACTIONGROUP
  - cockroachdb.cloud.cockroach.CHECK_MODE_DIFF
options:
  entries:
    description:
      - The allowlist entries to manage.
      - Give each network with O(entries[].cidr), or with O(entries[].cidr_ip) and
        O(entries[].cidr_mask). Two entries that name the same network (after host bits are
        cleared) are an error.
      - With O(state=present), an entry that does not exist is added; one that exists is
        updated when a field this task sets differs. Fields left unset are not managed.
      - With O(state=absent), the entries with these networks are removed; their other fields
        are ignored.
      - An empty list with O(purge=true) removes every entry.
    type: list
    elements: dict
    required: true
    suboptions:
      cidr:
        description:
          - The network as V(a.b.c.d/n), such as V(10.0.0.0/24), or a single address
            (V(203.0.113.7), the same as V(203.0.113.7/32)).
          - IPv4 only. Parts with leading zeros (V(010.0.0.0)) are refused, as some tools
            read them as octal.
          - Mutually exclusive with O(entries[].cidr_ip) and O(entries[].cidr_mask).
        type: str
      cidr_ip:
        description:
          - The network's address, such as V(10.0.0.0). Needs O(entries[].cidr_mask).
        type: str
      cidr_mask:
        description:
          - The network's prefix length, 0 to 32 (V(32) for a single address).
        type: int
      name:
        description:
          - A label for the entry. A new entry without one gets an empty name.
        type: str
      sql:
        description:
          - Whether the network may open SQL connections. A new entry without it gets V(true).
        type: bool
      ui:
        description:
          - Whether the network may open the DB Console. A new entry without it gets V(false).
        type: bool
  purge:
    description:
      - Whether to remove the entries that O(entries) does not name. Only with O(state=present).
    type: bool
    default: false
  state:
    description:
      - V(present) adds or updates the entries, V(absent) removes them.
      - With V(absent), a cluster that does not exist holds no entry, so nothing is done.
    type: str
    choices: [present, absent]
    default: present
  wait_timeout:
    description:
      - Seconds to wait for a busy cluster before the first change.
    type: int
    default: 600
notes:
  - A re-run that changes nothing sends one request per 500 entries of the allowlist, plus
    one listing of the clusters when O(cluster) is a name.
  - An API error in the middle of several changes stops the task; the message says how many
    entries were added, updated and removed before it. A re-run carries out the rest.
  - The API accepts about 10 requests per second per API key; the module waits as the API
    asks (HTTP 429 and C(Retry-After)), so a task that changes many entries takes a while.
seealso:
  - module: cockroachdb.cloud.cockroach_allowlist_info
  - module: cockroachdb.cloud.cockroach_cluster
"""

EXAMPLES = r"""
- name: Let the office and the CI runner connect over SQL
  cockroachdb.cloud.cockroach_allowlist:
    cluster: orders-prod
    entries:
      - cidr: 198.51.100.0/24
        name: office
      - cidr: 203.0.113.7
        name: ci-runner

- name: Let the office open the DB Console too (updates the entry in place)
  cockroachdb.cloud.cockroach_allowlist:
    cluster: orders-prod
    entries:
      - cidr: 198.51.100.0/24
        ui: true

- name: Make the allowlist exactly these entries (removes every other one)
  cockroachdb.cloud.cockroach_allowlist:
    cluster: orders-prod
    entries:
      - cidr_ip: 198.51.100.0
        cidr_mask: 24
        name: office
        sql: true
        ui: true
    purge: true
  register: allowlist

- name: Show what changed
  ansible.builtin.debug:
    msg: "added {{ allowlist.added }}, updated {{ allowlist.updated }}, removed {{ allowlist.removed }}"

- name: Remove the CI runner
  cockroachdb.cloud.cockroach_allowlist:
    cluster: orders-prod
    entries:
      - cidr: 203.0.113.7/32
    state: absent

- name: Make an entry of the address of every app server of the inventory
  ansible.builtin.set_fact:
    app_entries: "{{ app_entries | default([]) + [{'cidr': hostvars[item].ansible_host, 'name': item}] }}"
  loop: "{{ groups['app'] }}"
  run_once: true

- name: Allow the app servers, and only them
  cockroachdb.cloud.cockroach_allowlist:
    cluster: orders-prod
    entries: "{{ app_entries }}"
    purge: true
  run_once: true
"""

RETURN = r"""
allowlist:
  description:
    - The whole allowlist of the cluster after the task, sorted by network (address, then
      mask). In check mode, the predicted allowlist.
  returned: success
  type: list
  elements: dict
  contains:
    cidr:
      description: The network in canonical form.
      type: str
      sample: 10.0.0.0/24
    cidr_ip:
      description: The network's address.
      type: str
      sample: 10.0.0.0
    cidr_mask:
      description: The network's prefix length.
      type: int
      sample: 24
    name:
      description: The entry's label (empty when it has none).
      type: str
      sample: office
    sql:
      description: Whether the network may open SQL connections.
      type: bool
      sample: true
    ui:
      description: Whether the network may open the DB Console.
      type: bool
      sample: false
  sample:
    - {cidr: 10.0.0.0/24, cidr_ip: 10.0.0.0, cidr_mask: 24, name: office, sql: true, ui: false}
    - {cidr: 203.0.113.7/32, cidr_ip: 203.0.113.7, cidr_mask: 32, name: ci-runner, sql: true, ui: false}
added:
  description: The networks added (or that would be, in check mode), sorted.
  returned: success
  type: list
  elements: str
  sample: [203.0.113.7/32]
updated:
  description: The networks whose name, sql or ui changed (or would), sorted.
  returned: success
  type: list
  elements: str
  sample: [10.0.0.0/24]
removed:
  description: The networks removed (or that would be, in check mode), sorted.
  returned: success
  type: list
  elements: str
  sample: []
cluster_id:
  description: Id of the cluster; null when O(state=absent) and the cluster does not exist.
  returned: success
  type: str
  sample: 3b1f0a7e-6a89-4c1e-9f61-2f4a8f3c0d2a
diff:
  description:
    - The whole allowlist before and after the task, under C(entries) as
      C({cidr, name, sql, ui}) sorted by network (address, then mask). An entry that does not
      change stands on both sides, so the unified diff of C(--diff) pairs every entry with
      itself and shows additions, updates and removals as such. A task that changes nothing
      has the same list on both sides.
  returned: success
  type: dict
  sample:
    before:
      entries:
        - {cidr: 9.9.9.0/24, name: old, sql: true, ui: false}
        - {cidr: 10.0.0.0/24, name: office, sql: true, ui: false}
    after:
      entries:
        - {cidr: 10.0.0.0/24, name: office, sql: true, ui: true}
        - {cidr: 203.0.113.7/32, name: ci-runner, sql: true, ui: false}
"""

from ansible_collections.cockroachdb.cloud.plugins.module_utils._module import ModuleTask, cluster_argument_spec
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.allowlist import Allowlist

ARGUMENT_SPEC = cluster_argument_spec(
    # cidr versus cidr_ip/cidr_mask is checked by the description, which names the entry.
    entries=dict(type="list", elements="dict", required=True, options=dict(
        cidr=dict(type="str"),
        cidr_ip=dict(type="str"),
        cidr_mask=dict(type="int"),
        name=dict(type="str"),
        sql=dict(type="bool"),
        ui=dict(type="bool"),
    )),
    purge=dict(type="bool", default=False),
    state=dict(type="str", default="present", choices=["present", "absent"]),
)


TASK = ModuleTask(ARGUMENT_SPEC, Allowlist.task)


def main():
    TASK.main()


if __name__ == "__main__":
    main()
