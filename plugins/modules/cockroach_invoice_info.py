#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: cockroach_invoice_info
short_description: Show the invoices of a CockroachDB Cloud organization
version_added: 0.2.0
description:
  - Shows the organization's invoices (one request; O(status) filters them), or one invoice
    with its line items (O(id), one request).
  - With O(status), when the server's wire format is not known yet (O(api_format=auto)), one
    read of the organization comes first (the server's answer says how it spells the status).
  - An invoice that does not exist is not an error; the module returns an empty list.
author:
  - CockroachDB Cloud collection maintainers (@cockroachdb)
extends_documentation_fragment:
  - cockroachdb.cloud.cockroach
  - cockroachdb.cloud.cockroach.ACTIONGROUP
  - cockroachdb.cloud.cockroach.INFO
options:
  id:
    description:
      - Id of the invoice to show, with its line items.
      - Mutually exclusive with O(status).
    type: str
  status:
    description:
      - Only show the invoices with this status.
      - The project's contract spells them V(Finalized) and V(Draft), the live service V(FINALIZED)
        and V(DRAFT); both spellings are accepted and each server is sent its own.
    type: str
    choices: [Finalized, Draft, FINALIZED, DRAFT]
notes:
  - The invoices are shown as the server sends them. From a server of the project's contract, an
    invoice has C(id), C(status) (C(Finalized) or C(Draft)), C(total_amount) in US cents and, with
    O(id), C(line_items). The live service names the id C(invoice_id), spells the status C(FINALIZED)
    or C(DRAFT), gives the amounts in dollars as C(totals) (C([{amount, currency}])) and the line
    items per cluster in C(invoice_items).
  - Reading invoices needs C(ORG_ADMIN) or C(BILLING_COORDINATOR).
seealso:
  - module: cockroachdb.cloud.cockroach_organization_info
"""

EXAMPLES = r"""
- name: The finalized invoices
  cockroachdb.cloud.cockroach_invoice_info:
    status: Finalized
  register: invoices

- name: The last one, with its line items
  cockroachdb.cloud.cockroach_invoice_info:
    # (invoice_id on the live service, id on a server of the project's contract)
    id: "{{ invoices.invoices[-1].invoice_id | default(invoices.invoices[-1].id) }}"
  register: last

- name: Print its period
  ansible.builtin.debug:
    msg: "{{ last.invoices[0].status }} invoice for {{ last.invoices[0].period_start }} to {{ last.invoices[0].period_end }}"
"""

RETURN = r"""
invoices:
  description:
    - The invoices as the API returns them, oldest period first; with O(id), the one invoice
      with its C(line_items), none when it does not exist.
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: Id of the invoice (C(invoice_id) on the live service).
      type: str
    status:
      description: C(Finalized) or C(Draft) (C(FINALIZED) or C(DRAFT) on the live service).
      type: str
    period_start:
      description: Start of the billing period.
      type: str
    period_end:
      description: End of the billing period.
      type: str
    total_amount:
      description: Total, in US cents (the live service gives C(totals) instead, in dollars).
      type: float
    line_items:
      description:
        - The invoice's items (cluster, description, quantity, unit, amount in cents).
        - The live service gives them per cluster, in C(invoice_items), in every invoice.
      type: list
      elements: dict
      returned: with O(id)
  sample:
    - id: 4e5f6a7b-8c9d-4e0f-a1b2-c3d4e5f6a7b8
      status: Finalized
      period_start: "2026-10-01T00:00:00.000000Z"
      period_end: "2026-10-31T00:00:00.000000Z"
      total_amount: 14500
      line_items:
        - {cluster_name: orders-prod, description: Compute, quantity: 720, unit: HOURS, amount: 12000}
        - {cluster_name: orders-prod, description: Storage, quantity: 100, unit: GIB_MONTHS, amount: 2500}
"""

from ansible_collections.cockroachdb.cloud.plugins.module_utils._module import ModuleTask
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources.organization import invoice_info

ARGUMENT_SPEC = dict(
    id=dict(type="str"),
    status=dict(type="str", choices=["Finalized", "Draft", "FINALIZED", "DRAFT"]),
)


TASK = ModuleTask(ARGUMENT_SPEC, invoice_info, mutually_exclusive=[["id", "status"]])


def main():
    TASK.main()


if __name__ == "__main__":
    main()
