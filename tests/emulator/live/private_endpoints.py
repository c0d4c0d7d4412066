"""Private endpoints in the live wire format.

A service names itself at its top level (``name``, ``endpoint_service_id``,
``availability_zone_ids``); the ``aws`` object, which the contract gives for every cloud,
comes on AWS clusters only. A connection is added by ``endpoint_id`` alone (the strict
document refuses the contract's ``region_name``): the service finds the region from the
endpoint, which the emulator cannot know, so the connection joins the cluster's first region,
as an add without ``region_name`` does in the contract. A connection carries no ``id`` but its
service's ``endpoint_service_id`` and ``service_name``; a delete answers ``{}``.
"""

from . import answer


def live_service(service):
    details = service.get("aws") or {}
    out = dict(service, name=details.get("service_name", ""), endpoint_service_id=details.get("service_id", ""),
               availability_zone_ids=list(details.get("availability_zone_ids") or []))
    if service.get("cloud_provider") != "AWS":
        out.pop("aws", None)
    return out


@answer("ListPrivateEndpointServices", "CreatePrivateEndpointServices")
def services(call, value):
    return dict(value, services=[live_service(s) for s in value.get("services") or []])


def live_connection(call, connection):
    services = call.emu.store.cluster_children(call.path.get("cluster_id"), "private_endpoint_services", list)
    service = next((s for s in services if s.get("region_name") == connection.get("region_name")), {})
    details = service.get("aws") or {}
    return dict(connection, endpoint_service_id=details.get("service_id", ""),
                service_name=details.get("service_name", ""))


@answer("AddPrivateEndpointConnection")
def added(call, value):
    return live_connection(call, value)


@answer("ListPrivateEndpointConnections")
def connections(call, value):
    return dict(value, connections=[live_connection(call, c) for c in value.get("connections") or []])


@answer("DeletePrivateEndpointConnection")
def deleted(call, value):
    return {}
