#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: cockroach_egress_rule
short_description: Manage the egress rules of a dedicated CockroachDB Cloud cluster
version_added: 0.2.0
description:
  - Adds, edits and removes the egress rules of a dedicated cluster, which allow its outbound
    traffic to a host name (FQDN) or an IPv4 network (CIDR) on some ports. One rule per task
    (O(name)), or several in one task (O(rules)) with O(purge) to make them the whole set.
  - A rule is identified by its name. A rule that exists is edited in place (one request with
    the fields that change; to the live service, the whole rule, since it wants the destination
    and its type in every edit), never removed and added again. After a change the module waits
    until the rule is C(ACTIVE) (see O(wait)); a rule that ends C(FAILED) makes the task fail.
  - Destinations are compared in canonical form (host names in lowercase; networks with their
    host bits cleared, a bare address is a C(/32)), ports as a set.
  - Serverless clusters have no egress rules; asking for one fails before any change.
author:
  - CockroachDB Cloud collection maintainers (@cockroachdb)
extends_documentation_fragment:
  - cockroachdb.cloud.cockroach
  - cockroachdb.cloud.cockroach.CLUSTER
  - cockroachdb.cloud.cockroach.WAIT
  - cockroachdb.cloud.cockroach.ACTIONGROUP
  - cockroachdb.cloud.cockroach.CHECK_MODE_DIFF
options:
  name:
    description:
      - Name of the rule, unique in the cluster (1 to 63 characters).
      - Exactly one of O(name) and O(rules) is required.
    type: str
  destination:
    description:
      - Where the traffic may go, a host name such as V(api.example.com) (V(*.example.com) for
        its subdomains) or an IPv4 network such as V(10.0.0.0/8) (V(203.0.113.7) is one
        address). No IPv6, no port (see O(ports)).
      - Required to add a rule. Checked before any request.
    type: str
  type:
    description:
      - V(FQDN) for a host name, V(CIDR) for a network. It follows from O(destination); when
        given, it must be the destination's (checked before any request).
    type: str
    choices: [FQDN, CIDR]
  ports:
    description:
      - The destination ports, each 1 to 65535 and listed once (checked before any request);
        compared without regard to order. An empty list allows every port, as does a new rule
        without O(ports).
    type: list
    elements: int
  description:
    description:
      - What the rule is for, at most 255 characters.
      - The contract's C(EgressRule) has no such field; the service (and the emulator) keep
        it. Left unset, it is not managed. No description and an empty one are the same.
      - The live service requires a description to add a rule, so a rule added without
        O(description) is sent an empty one there (none to the contract's API).
    type: str
  rules:
    description:
      - Several rules in one task, each with the options of a single rule (O(name),
        O(destination), O(type), O(ports), O(description)). Two entries with the same name
        are an error.
      - With O(state=present), a rule that does not exist is added (it needs a destination);
        one that exists is edited when a field the entry sets differs. With O(state=absent),
        the listed rules are removed (their other fields are ignored).
    type: list
    elements: dict
    suboptions:
      name:
        description: Name of the rule.
        type: str
        required: true
      destination:
        description: Host name or IPv4 network, as O(destination).
        type: str
      type:
        description: V(FQDN) or V(CIDR), as O(type).
        type: str
        choices: [FQDN, CIDR]
      ports:
        description: The destination ports, as O(ports).
        type: list
        elements: int
      description:
        description: What the rule is for, as O(description).
        type: str
  purge:
    description:
      - With O(rules) and O(state=present), whether to remove the rules that O(rules) does not
        name. Rules that the service manages itself (C(crl_managed)) are never removed.
      - An empty O(rules) with O(purge=true) removes every rule.
    type: bool
    default: false
  state:
    description:
      - V(present) adds or edits the rule (or the listed rules), V(absent) removes it.
      - With V(absent) and O(name), O(destination), O(type), O(ports) and O(description) are
        not used, and a warning says so. (With O(rules), their fields are ignored.)
    type: str
    choices: [present, absent]
    default: present
  wait_timeout:
    description:
      - Seconds to wait for the cluster, and for changed rules to be C(ACTIVE).
    type: int
    default: 600
notes:
  - One rule per task costs one listing of the cluster's rules (pages of 500) on a task that
    changes nothing, plus one listing of the clusters when O(cluster) is a name, or one read of
    the cluster when it is an id (to refuse serverless clusters). With O(rules), the same.
  - A removal sends an C(idempotency_key), so that a retry whose first answer was lost is
    answered with the removed rule rather than C(404).
  - O(rules) waits for all the rules it lists at once, with one listing per poll.
seealso:
  - module: cockroachdb.cloud.cockroach_egress_rule_info
  - name: Egress perimeter controls
    description: The service's guide to egress rules and the default-deny traffic policy.
    link: https://www.cockroachlabs.com/docs/cockroachcloud/egress-perimeter-controls
"""

EXAMPLES = r"""
- name: Let the cluster reach the backup bucket's endpoint on HTTPS
  cockroachdb.cloud.cockroach_egress_rule:
    cluster: orders-prod
    name: backups
    destination: s3.us-east-1.amazonaws.com
    ports: [443]
    description: Backups to S3

- name: Allow the Kafka subnet (edits the rule in place when it exists)
  cockroachdb.cloud.cockroach_egress_rule:
    cluster: orders-prod
    name: kafka
    destination: 10.20.0.0/16
    ports: [9092, 9093]

- name: Make the cluster's egress rules exactly these
  cockroachdb.cloud.cockroach_egress_rule:
    cluster: orders-prod
    rules:
      - name: backups
        destination: s3.us-east-1.amazonaws.com
        ports: [443]
      - name: changefeeds
        destination: "*.confluent.cloud"
        ports: [9092]
    purge: true
  register: egress

- name: Show what changed
  ansible.builtin.debug:
    msg: "added {{ egress.added }}, updated {{ egress.updated }}, removed {{ egress.removed }}"

- name: Remove a rule
  cockroachdb.cloud.cockroach_egress_rule:
    cluster: orders-prod
    name: kafka
    state: absent
"""

RETURN = r"""
egress_rule:
  description:
    - With O(name), the rule as the API returns it after the change and the wait (C(ports)
      sorted); in check mode, the predicted one. Empty when O(state=absent).
    - The live service answers one rule wrapped in an object under the key C(rule); this is
      the rule itself, with the fields that service adds (C(cluster_id), C(crl_managed)).
  returned: with O(name)
  type: dict
  contains:
    id:
      description: Id of the rule.
      type: str
    name:
      description: Name of the rule.
      type: str
    destination:
      description: The host name or network, in canonical form.
      type: str
    type:
      description: C(FQDN) or C(CIDR).
      type: str
    ports:
      description: The destination ports, sorted; empty for every port.
      type: list
      elements: int
    description:
      description: What the rule is for (absent or empty when it has none).
      type: str
    crl_managed:
      description:
        - Whether the service manages the rule itself (the live service says so); O(purge)
          never removes those.
      type: bool
    cluster_id:
      description: The id of the cluster (the live service answers it).
      type: str
    state:
      description: C(ACTIVE) once applied; C(PENDING) while it is being applied; C(FAILED).
      type: str
    created_at:
      description: When the rule was added.
      type: str
  sample:
    id: 6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b
    name: backups
    destination: s3.us-east-1.amazonaws.com
    type: FQDN
    ports: [443]
    description: Backups to S3
    state: ACTIVE
    created_at: "2026-11-28T10:00:00.000000Z"
egress_rules:
  description:
    - With O(rules), every rule of the cluster after the task, sorted by name, each as in
      RV(egress_rule). In check mode, the predicted rules.
  returned: with O(rules)
  type: list
  elements: dict
  sample:
    - {id: 6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b, name: backups, destination: s3.us-east-1.amazonaws.com,
       type: FQDN, ports: [443], state: ACTIVE}
added:
  description: With O(rules), the names of the rules added (or that would be, in check mode), sorted.
  returned: with O(rules)
  type: list
  elements: str
  sample: [changefeeds]
updated:
  description: With O(rules), the names of the rules edited (or that would be), sorted.
  returned: with O(rules)
  type: list
  elements: str
  sample: [backups]
removed:
  description: With O(rules), the names of the rules removed (or that would be), sorted.
  returned: with O(rules)
  type: list
  elements: str
  sample: [kafka]
cluster_id:
  description: With O(rules), the id of the cluster.
  returned: with O(rules)
  type: str
  sample: 3b1f0a7e-6a89-4c1e-9f61-2f4a8f3c0d2a
"""

from ansible_collections.cockroachdb.cloud.plugins.module_utils._module import ModuleTask, cluster_argument_spec
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.egress_rules import egress_rule_task

RULE_OPTIONS = dict(
    destination=dict(type="str"),
    type=dict(type="str", choices=["FQDN", "CIDR"]),
    ports=dict(type="list", elements="int"),
    description=dict(type="str"),
)

ARGUMENT_SPEC = cluster_argument_spec(
    name=dict(type="str"),
    rules=dict(type="list", elements="dict", options=dict(RULE_OPTIONS, name=dict(type="str", required=True))),
    purge=dict(type="bool", default=False),
    state=dict(type="str", default="present", choices=["present", "absent"]),
    **RULE_OPTIONS
)


TASK = ModuleTask(ARGUMENT_SPEC, egress_rule_task, required_one_of=[["name", "rules"]],
                  mutually_exclusive=[["name", "rules"], ["rules", "destination"], ["rules", "type"],
                                      ["rules", "ports"], ["rules", "description"], ["name", "purge"]])


def main():
    TASK.main()


if __name__ == "__main__":
    main()
