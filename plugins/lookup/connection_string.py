# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
name: connection_string
short_description: SQL connection strings of CockroachDB Cloud clusters
version_added: 0.1.0
author:
  - CockroachDB Cloud collection maintainers (@cockroachdb)
description:
  - Returns the SQL connection string of each cluster named in the terms, as the CockroachDB
    Cloud API gives it (C(GetConnectionString)). The password is never part of it.
  - A term is a cluster name or a cluster id (a UUID). Names cost one listing of the clusters
    for all of them (pages of 500), ids one read each; then one request per term for its
    connection string.
  - A cluster that does not exist (or is deleted) is an error that names it.
extends_documentation_fragment:
  - cockroachdb.cloud.cockroach_plugin
options:
  _terms:
    description:
      - Names or ids of the clusters.
    type: list
    elements: str
    required: true
  database:
    description:
      - Database named in the connection string; the API uses C(defaultdb) when not set.
    type: str
  sql_user:
    description:
      - SQL user named in the connection string.
    type: str
  os:
    description:
      - Operating system the connection string is formatted for.
    type: str
    choices: [MAC, LINUX, WINDOWS]
notes:
  - The lookup runs on the controller and only sends GET requests.
seealso:
  - module: cockroachdb.cloud.cockroach_cluster_info
  - plugin: cockroachdb.cloud.clusters
    plugin_type: inventory
"""

EXAMPLES = r"""
- name: Connection string of the cluster orders-prod for the SQL user app
  ansible.builtin.debug:
    msg: "{{ lookup('cockroachdb.cloud.connection_string', 'orders-prod', sql_user='app', database='orders') }}"

- name: One connection string per cluster, by name or id, as a list
  ansible.builtin.set_fact:
    dsns: "{{ query('cockroachdb.cloud.connection_string', 'orders-prod', '5d56c004-1ae9-4f72-9fc8-ed1a0cda3957', os='LINUX') }}"

- name: With the API key and URL given explicitly (else COCKROACH_API_KEY and COCKROACH_SERVER)
  ansible.builtin.debug:
    msg: >-
      {{ lookup('cockroachdb.cloud.connection_string', 'orders-dev',
                api_key=vault_cockroach_api_key, api_url='http://127.0.0.1:8080') }}

- name: For each host of the cockroachdb.cloud.clusters inventory (its id host variable)
  ansible.builtin.debug:
    msg: "{{ lookup('cockroachdb.cloud.connection_string', id, sql_user='reporting') }}"
"""

RETURN = r"""
_raw:
  description:
    - One connection string per term, in the order of the terms.
  type: list
  elements: str
  sample:
    - postgresql://app@orders-prod-5d56.aws-us-east-1.cockroachlabs.cloud:26257/orders?sslmode=verify-full
"""

from ansible.errors import AnsibleLookupError
from ansible.module_utils.common.text.converters import to_native, to_text
from ansible.plugins.lookup import LookupBase

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import ApiError, explain
from ansible_collections.cockroachdb.cloud.plugins.module_utils._plugin_client import (
    API_OPTIONS,
    MissingApiKey,
    client_from_options,
)
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources._cluster_lookup import (
    CLUSTERS_PATH,
    CONNECTION_OPTIONS,
    ClusterNotFound,
    get_connection_string,
    looks_like_id,
    lookup_clusters,
    missing_message,
    require_cluster,
)


class LookupModule(LookupBase):

    client = None  # built on first use; tests may set one

    def run(self, terms, variables=None, **kwargs):
        self.set_options(var_options=variables, direct=kwargs)
        names = [to_text(term).strip() for term in terms or []]
        if not names or any(not name for name in names):
            raise AnsibleLookupError("cockroachdb.cloud.connection_string needs one or more cluster names or ids, "
                                     "none empty; got %r" % (list(terms or []),))
        if self.client is None:
            try:
                self.client = client_from_options(dict((name, self.get_option(name)) for name in API_OPTIONS))
            except (MissingApiKey, ApiError) as error:
                raise AnsibleLookupError(to_native(error))
        query = dict((option, self.get_option(option)) for option in CONNECTION_OPTIONS if self.get_option(option))
        try:
            clusters = self._clusters(names)
            return [self._connection_string(clusters[name], query) for name in names]
        except ApiError as error:
            raise AnsibleLookupError(explain(error))

    def _clusters(self, terms):
        """Each term's cluster: one listing for all the names, one read per id."""
        names = [term for term in terms if not looks_like_id(term)]
        found, count = lookup_clusters(self.client, names) if names else ({}, 0)
        for term in terms:
            if term in found:
                continue
            if looks_like_id(term):
                found[term] = require_cluster(self.client, term)
            elif term not in found:
                raise ClusterNotFound(missing_message(term, count), method="GET", path=CLUSTERS_PATH)
        return found

    def _connection_string(self, cluster, query):
        value = get_connection_string(self.client, cluster["id"], query)
        if not value:
            raise AnsibleLookupError("the API gave no connection string for "
                                     "cluster %s" % cluster.get("name"))
        return value
