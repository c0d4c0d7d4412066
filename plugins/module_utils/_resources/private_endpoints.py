# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""A dedicated cluster's private endpoint services (one Singleton for all its regions) and
private endpoint connections, one by endpoint id or the whole set."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

from ansible_collections.cockroachdb.cloud.plugins.module_utils._client import ApiError
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import (
    InvalidInput,
    OnlyWith,
    path_segment,
    refuse_blank,
)
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.collection import Collection
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.fields import Field, Fields
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.sets import Set, listed_once, set_entries
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.singleton import Singleton
from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.waiters import Waiter
from ansible_collections.cockroachdb.cloud.plugins.module_utils._resources._cluster_lookup import dedicated_cluster

# == private endpoints ================================================================================
#
# A dedicated cluster gets one private endpoint service per region (one POST makes them all);
# a user creates an endpoint on the cloud side against a service's name, then adds it here as a
# connection, keyed by the cloud's endpoint id.

PRIVATE_FEATURE = "private connectivity"
SERVICES_PATH = "networking/private-endpoint-services"
CONNECTIONS_PATH = "networking/private-endpoint-connections"
ENDPOINT_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:/-]{0,254}$")
AWS_ENDPOINT_ID_RE = re.compile(r"^vpce-[0-9a-f]{8,17}$")
SERVICES_READY = Waiter("status", pending=("CREATING",), failed=("CREATE_FAILED",), items="services")
# (STATUS_PENDING_ACCEPTANCE, STATUS_EXPIRED and STATUS_DELETED are the live service's words; the contract has
# none of them.)
CONNECTION_READY = Waiter(
    "status", pending=("STATUS_PENDING", "STATUS_PENDING_ACCEPTANCE"),
    failed=("STATUS_REJECTED", "STATUS_FAILED", "STATUS_EXPIRED"),
    hints={"STATUS_REJECTED": "the service did not accept the endpoint: check that it was created against this "
                              "cluster's service of its region, then remove the connection (state=absent) and "
                              "add it again",
           "STATUS_FAILED": "remove the connection (state=absent) and add it again",
           "STATUS_EXPIRED": "the endpoint was not accepted in time: remove the connection (state=absent), then "
                             "add it again"})
CONNECTION_GONE = ("STATUS_DELETED",)


def cluster_regions(cluster):
    return [region["name"] for region in (cluster or {}).get("regions") or []]


def connection_region(item):
    """The region of an API connection: ``region_name`` (the live document also declares ``region``
    in a connection's required fields: both are read)."""
    return item.get("region_name") or item.get("region")


class _RegionField(Field):
    """The connection's region: read from either key; the live service takes no region in an add
    (it finds it from the endpoint), so it is not sent there (``live``)."""

    def read(self, resource):
        value = connection_region(resource or {})
        return self.default if value is None else value


def check_endpoint_id(endpoint_id, where="endpoint_id"):
    if not isinstance(endpoint_id, str) or not endpoint_id.strip():
        raise InvalidInput("%s must not be empty: give the id of the endpoint on the cloud side, such as "
                           "vpce-0123456789abcdef0" % where)
    if not ENDPOINT_ID_RE.match(endpoint_id):
        raise InvalidInput("%s %r is not an endpoint id: up to 255 letters, digits and . _ : / -, starting with a "
                           "letter or a digit, such as vpce-0123456789abcdef0" % (where, endpoint_id))


class PrivateEndpointServices(Singleton):
    """``networking/private-endpoint-services`` of a dedicated cluster: one service per region,
    made by one POST (no body). There is no update and no delete; a POST again adds the regions
    the cluster gained since. The resource is the listing, ``{services: [...]}`` (none: absent)."""

    kind = "services"
    noun = "private endpoint services"
    scope = dedicated_cluster(PRIVATE_FEATURE)
    path = SERVICES_PATH
    items = "services"  # for the info module's listing
    paginated = False
    delete_method = None
    ready_waiter = SERVICES_READY

    def lookup(self):
        value = self.read(self.base)
        return value if value and value.get("services") else None

    def regions(self):
        return [] if self.scope.missing else cluster_regions(self.scope.cluster)

    def view(self, resource):
        """The regions that have a service (for ``--diff``)."""
        return {"regions": sorted(s.get("region_name") for s in (resource or {}).get("services") or [])}

    def managed_view(self, resource):
        return self.view(resource)

    def public(self, resource):
        return [dict(service) for service in (resource or {}).get("services") or []]

    def changes(self, current):
        served = set(s.get("region_name") for s in current.get("services") or [])
        missing = [region for region in self.regions() if region not in served]
        return {"regions": missing} if missing else {}

    def predicted(self, regions):
        provider = None if self.scope.missing else self.scope.cluster.get("cloud_provider")
        return [dict((k, v) for k, v in (("region_name", region), ("cloud_provider", provider),
                                         ("status", "AVAILABLE")) if v is not None) for region in regions]

    def predict_create(self):
        return {"services": self.predicted(self.regions())}

    def predict_update(self, current, changes):
        return {"services": list(current.get("services") or []) + self.predicted(changes["regions"])}

    def send(self):
        """POST: safe to send again (it makes what is missing); a 409 means they exist."""
        self.scope.ready_for_change()
        try:
            return self.client.post(self.base, idempotent=True)
        except ApiError as error:
            if error.status != 409:
                raise
            return self.read(self.base)

    def create(self):
        return self.send()

    def update(self, current, changes):
        return self.send()


class _Services(object):
    """The services that connections join, read once when a connection is to be added: a region
    without one is refused before any change; one still CREATING is waited for before the add."""

    def __init__(self, task):
        self.task = task
        self.value = None

    def check(self, regions):
        task = self.task
        if task.scope.missing or not regions:
            return
        self.value = task.client.get("%s/%s" % (task.scope.path, SERVICES_PATH))
        by_region = dict((s.get("region_name"), s) for s in self.value.get("services") or [])
        name = task.scope.cluster.get("name")
        lacking = sorted(set(r for r in regions if r not in by_region))
        if lacking:
            raise InvalidInput("cluster %s has no private endpoint service in %s: create its services first "
                               "(cockroachdb.cloud.cockroach_private_endpoint_services), then the endpoint on the "
                               "cloud side against the service's name" % (name, ", ".join(lacking)))
        busy = sorted(set(r for r in regions if by_region[r].get("status") in SERVICES_READY.pending))
        if busy and not task.params.get("wait", True):
            raise InvalidInput("the private endpoint service of cluster %s in %s is still CREATING; add the "
                               "connection once it is AVAILABLE, or with wait=true to wait for it"
                               % (name, ", ".join(busy)))

    def wait(self):
        if self.value is None or SERVICES_READY.settled(self.value):
            return
        task = self.task
        path = "%s/%s" % (task.scope.path, SERVICES_PATH)
        timeout = task.params.get("wait_timeout")
        self.value = SERVICES_READY.wait_ready(task.client, lambda: task.client.get(path),
                                               600 if timeout is None else timeout,
                                               "private endpoint services of %s" % task.scope.describe(), self.value)


def _connection_region(task, region):
    """The region a new connection joins: the task's (a region of the cluster), else the first."""
    if task.scope.missing:
        return region
    regions = cluster_regions(task.scope.cluster)
    if region is None:
        return regions[0] if regions else None
    if region not in regions:
        raise InvalidInput("region %s is not a region of cluster %s (%s)"
                           % (region, task.scope.cluster.get("name"), ", ".join(regions)))
    return region


def _joined(task, endpoint_id, region, answer):
    """Warn when a connection joined another region than the task's: the live service takes no
    region, it connects the endpoint to the service it was created against."""
    joined = connection_region(answer) if isinstance(answer, dict) else None
    if region is not None and joined is not None and joined != region:
        task.ctx.warn("private endpoint connection %s joined region %s, not %s: the service connects an endpoint to "
                      "the service of the region it was created in; a later run refuses region %s for it (remove "
                      "it with state=absent and connect the endpoint of that region)" % (endpoint_id, joined, region,
                                                                                         region))


def _check_endpoint_for_provider(task, endpoint_id, where="endpoint_id"):
    cluster = None if task.scope.missing else task.scope.cluster
    if cluster and cluster.get("cloud_provider") == "AWS" and not AWS_ENDPOINT_ID_RE.match(endpoint_id):
        raise InvalidInput("%s %r is not an AWS VPC endpoint id such as vpce-0123456789abcdef0 (cluster %s is on AWS)"
                           % (where, endpoint_id, cluster.get("name")))


class PrivateEndpointConnections(Collection):
    """``networking/private-endpoint-connections``: one connection by the cloud's endpoint id,
    added (then STATUS_PENDING until the service accepts it) or removed. The listing is not
    paginated and a connection has no GET of its own: waits read the listing."""

    kind = "private_endpoint_connection"
    scope = dedicated_cluster(PRIVATE_FEATURE)
    path = CONNECTIONS_PATH
    items = "connections"
    key = "endpoint_id"
    item_key = "endpoint_id"
    paginated = False
    member_get = False
    ready_waiter = CONNECTION_READY
    only_with = (OnlyWith("region", "state", "present", warn=True, hint="removing a connection takes no region"),)
    fields = Fields(
        Field("endpoint_id", update=False),
        _RegionField("region", api="region_name", create="region_name", update=False, live=dict(create=False),
                     immutable="{kind} {name} is in region {have}; it cannot move to {want}: remove it (state=absent) "
                               "and connect the endpoint of that region"),
    )

    def __init__(self, ctx):
        super(PrivateEndpointConnections, self).__init__(ctx)
        self.services = _Services(self)

    def gone(self, item):
        return item.get("status") in CONNECTION_GONE

    def check_input(self):
        super(PrivateEndpointConnections, self).check_input()
        check_endpoint_id(self.params.get("endpoint_id"))
        refuse_blank(self.params, "region", "leave it out for the cluster's first region")

    def validate(self, current):
        super(PrivateEndpointConnections, self).validate(current)
        if current is None:
            _check_endpoint_for_provider(self, self.params["endpoint_id"])
            self.services.check([_connection_region(self, self.params.get("region"))])

    def create(self):
        self.scope.ready_for_change()
        self.services.wait()
        created = super(PrivateEndpointConnections, self).create()
        _joined(self, self.params["endpoint_id"], self.params.get("region"), created)
        return created

    def predict_create(self):
        predicted = super(PrivateEndpointConnections, self).predict_create()
        region = _connection_region(self, self.params.get("region"))
        if region is not None:
            predicted["region_name"] = region
        if not self.scope.missing:
            predicted["cloud_provider"] = self.scope.cluster.get("cloud_provider")
        predicted["status"] = "STATUS_AVAILABLE"
        return predicted


class PrivateEndpointConnectionSet(Set):
    """The private endpoint connections of a cluster as a set keyed by endpoint id
    (``connections``, ``purge``). A connection's region cannot change."""

    kind = "private_endpoint_connections"
    noun = "private endpoint connection"
    scope = dedicated_cluster(PRIVATE_FEATURE)
    path = CONNECTIONS_PATH
    items = "connections"
    option = "connections"
    key_field = "endpoint_id"
    paginated = False
    ready_waiter = CONNECTION_READY
    fields = Fields(Field("region"))

    def __init__(self, ctx):
        super(PrivateEndpointConnectionSet, self).__init__(ctx)
        self.services = _Services(self)

    def canonical(self, item):
        return dict(item, region=connection_region(item))

    def managed(self, item):
        return item.get("status") not in CONNECTION_GONE

    def public(self, member):
        public = super(PrivateEndpointConnectionSet, self).public(member)
        public.pop("region", None)
        return public

    def desired(self, entries):
        """``[(endpoint_id, {region set})]``, each checked."""
        wanted, seen = [], {}
        for where, entry in set_entries(entries, "connections", "endpoint_id and region"):
            endpoint_id = entry.get("endpoint_id")
            check_endpoint_id(endpoint_id, where + ".endpoint_id")
            listed_once(seen, endpoint_id, where, "endpoint")
            region = entry.get("region")
            if region is not None and not region.strip():
                raise InvalidInput("%s.region must not be empty: leave it out for the cluster's first region" % where)
            values = {"region": region} if region is not None and self.state == "present" else {}
            wanted.append((endpoint_id, values))
        return wanted

    def compare(self, current):
        plan = super(PrivateEndpointConnectionSet, self).compare(current)
        for before, after in plan.update:  # only the region can differ
            raise InvalidInput("private endpoint connection %s is in region %s; it cannot move to %s: remove it "
                               "(state=absent) and connect the endpoint of that region"
                               % (before["endpoint_id"], before["region"], after["region"]))
        index = dict((key, i) for i, (key, _values) in enumerate(self.wanted))
        for member in plan.add:
            _check_endpoint_for_provider(self, member["endpoint_id"],
                                         "connections[%d].endpoint_id" % index[member["endpoint_id"]])
        self.services.check([m["region"] for m in plan.add if m.get("region")])
        return plan

    def new_member(self, key, values):
        member = super(PrivateEndpointConnectionSet, self).new_member(key, values)
        member["_sent_region"] = values.get("region") is not None
        member["region"] = _connection_region(self, values.get("region"))
        cluster = None if self.scope.missing else self.scope.cluster
        predicted = (("region_name", member["region"]), ("cloud_provider", cluster and cluster.get("cloud_provider")),
                     ("status", "STATUS_AVAILABLE"))
        member.update((k, v) for k, v in predicted if v is not None)
        return member

    def apply(self, plan):
        if plan.add:
            self.scope.ready_for_change()
            self.services.wait()
        return super(PrivateEndpointConnectionSet, self).apply(plan)

    def item_path(self, member):
        return "%s/%s" % (self.base, path_segment(member["endpoint_id"]))

    def create_body(self, member):
        """The endpoint id, and its region when the task gives one, to the contract's API (the live
        service finds the region from the endpoint and takes none)."""
        body = {"endpoint_id": member["endpoint_id"]}
        if member.get("_sent_region") and self.wire != "live":
            body["region_name"] = member["region"]
        return body

    def add(self, member):
        added = super(PrivateEndpointConnectionSet, self).add(member)
        if member.get("_sent_region"):
            _joined(self, member["endpoint_id"], member["region"], added)
        return added

    def update_body(self, before, after):
        raise NotImplementedError("a connection has no field to update: it is only added or removed")


def connection_task(ctx):
    """What cockroach_private_endpoint_connection runs: the set (``connections``) or one (``endpoint_id``)."""
    return (PrivateEndpointConnectionSet if ctx.params.get("connections") is not None
            else PrivateEndpointConnections).task(ctx)
