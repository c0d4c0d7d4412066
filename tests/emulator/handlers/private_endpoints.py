"""Private endpoints of a dedicated cluster: one endpoint service per cluster region,
and the connections (cloud endpoints) accepted into them.

A service is ``{region_name, cloud_provider, status, aws: {service_name, service_id,
availability_zone_ids}}`` (NOTES.md); the ``aws`` object is given for every provider,
with names shaped like that provider's (zone ids only on AWS). Status ``CREATING`` ->
``AVAILABLE``. Creating services again returns the existing ones (idempotent), plus
one for any region the cluster gained since.

A connection is ``{id, endpoint_id, region_name, cloud_provider, status}``, keyed by
``endpoint_id``; status ``STATUS_PENDING`` -> ``STATUS_AVAILABLE``. It joins the
service of the body's ``region_name`` (an optional field beyond the contract) or of
the cluster's first region, which must be ``AVAILABLE``.

Serverless clusters have no private endpoints: creating services or adding a
connection answers 400, reads answer empty lists and deleting a connection 404.
"""

import hashlib
import re

from ..errors import bad_request, conflict, not_found
from ..permissions import OPERATE_CLUSTER, READ_CLUSTER
from ..plans import is_dedicated, require_dedicated
from ..registry import operation
from ..store import public

ENDPOINT_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:/-]{0,254}$")


def _hex(*parts):
    # Stable per cluster and region, so repeated runs show the same service names.
    return hashlib.sha256("/".join(parts).encode()).hexdigest()


def _service_details(cluster, region):
    digest = _hex(cluster["id"], region)
    provider = cluster["cloud_provider"]
    if provider == "AWS":
        service_id = "vpce-svc-%s" % digest[:17]
        name = "com.amazonaws.vpce.%s.%s" % (region, service_id)
        parts = region.split("-")  # us-east-1 -> use1, as AWS names its zone ids
        prefix = parts[0] + parts[1][0] + parts[-1]
        zones = ["%s-az%d" % (prefix, n) for n in (1, 2, 3)]
    elif provider == "GCP":
        service_id = "sa-%s" % digest[:16]
        name = "projects/crl-prod-%s/regions/%s/serviceAttachments/%s" % (digest[16:22], region, service_id)
        zones = []
    else:
        service_id = "pls-%s" % digest[:16]
        name = "%s.%s.%s.azure.privatelinkservice" % (service_id, digest[16:24], region)
        zones = []
    return {"service_name": name, "service_id": service_id, "availability_zone_ids": zones}


def _services(ctx):
    return ctx.children("private_endpoint_services", default=list)


def _connections(ctx):
    return ctx.children("private_endpoint_connections")


@operation("ListPrivateEndpointServices", roles=READ_CLUSTER, scope="cluster")
def list_private_endpoint_services(ctx, cluster_id):
    if not is_dedicated(ctx.cluster):
        return {"services": []}
    return {"services": [public(service) for service in _services(ctx)]}


@operation("CreatePrivateEndpointServices", roles=OPERATE_CLUSTER, scope="cluster")
def create_private_endpoint_services(ctx, cluster_id):
    cluster = ctx.cluster
    require_dedicated(cluster, "private endpoints", verb="are")
    services = _services(ctx)
    # Idempotent: existing services stay as they are; a region added since gets its own.
    served = {service["region_name"] for service in services}
    for region in cluster["regions"]:
        if region["name"] not in served:
            service = {"region_name": region["name"], "cloud_provider": cluster["cloud_provider"],
                       "aws": _service_details(cluster, region["name"])}
            ctx.schedule(service, {"status": "CREATING"}, {"status": "AVAILABLE"})
            services.append(service)
    return {"services": [public(service) for service in services]}


@operation("ListPrivateEndpointConnections", roles=READ_CLUSTER, scope="cluster")
def list_private_endpoint_connections(ctx, cluster_id):
    if not is_dedicated(ctx.cluster):
        return {"connections": []}
    return {"connections": [public(c) for c in _connections(ctx).values()]}


def _service_for(ctx, region):
    """The AVAILABLE service of ``region`` (400 when it is missing or not ready)."""
    service = next((s for s in _services(ctx) if s["region_name"] == region), None)
    if service is None:
        raise bad_request("cluster %s has no private endpoint service in %s: call "
                          "CreatePrivateEndpointServices first" % (ctx.cluster["name"], region))
    if public(service)["status"] != "AVAILABLE":
        raise bad_request("the private endpoint service of cluster %s in %s is %s; wait until "
                          "it is AVAILABLE" % (ctx.cluster["name"], region, service["status"]))
    return service


@operation("AddPrivateEndpointConnection", roles=OPERATE_CLUSTER, scope="cluster")
def add_private_endpoint_connection(ctx, cluster_id):
    cluster = ctx.cluster
    require_dedicated(cluster, "private endpoints", verb="are")
    endpoint_id = ctx.body.get("endpoint_id")
    if not isinstance(endpoint_id, str) or not ENDPOINT_ID_RE.match(endpoint_id):
        raise bad_request("invalid endpoint_id %r: give the cloud provider's endpoint id "
                          "(e.g. vpce-0123456789abcdef0)" % (endpoint_id,))
    regions = [r["name"] for r in cluster["regions"]]
    region = ctx.body.get("region_name") or regions[0]
    if region not in regions:
        raise bad_request("region_name %r is not a region of cluster %s (%s)"
                          % (region, cluster["name"], ", ".join(regions)))
    _service_for(ctx, region)
    connections = _connections(ctx)
    if endpoint_id in connections:
        raise conflict("endpoint %s is already connected to cluster %s" % (endpoint_id, cluster["name"]))
    connection = {"id": ctx.new_id(), "endpoint_id": endpoint_id, "region_name": region,
                  "cloud_provider": cluster["cloud_provider"]}
    ctx.schedule(connection, {"status": "STATUS_PENDING"}, {"status": "STATUS_AVAILABLE"})
    connections[endpoint_id] = connection
    return public(connection)


@operation("DeletePrivateEndpointConnection", roles=OPERATE_CLUSTER, scope="cluster")
def delete_private_endpoint_connection(ctx, cluster_id, endpoint_id):
    # No 400 for serverless clusters here: none has a connection, so 404 (as the contract lists).
    connections = _connections(ctx)
    if endpoint_id not in connections:
        raise not_found("private endpoint connection", endpoint_id)
    return public(connections.pop(endpoint_id))
