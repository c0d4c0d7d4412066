"""IP allowlist of a cluster: entries keyed by ``cidr_ip`` + ``cidr_mask``.

Addresses are kept in canonical form (host bits zeroed: ``10.1.2.3/24`` is stored and
answered as ``10.1.2.0/24``) and compared that way, so adding ``10.1.2.3/24`` when
``10.1.2.0/24`` exists is a 409. Only IPv4 is accepted. Defaults: ``sql`` true, ``ui``
false, ``name`` "". An update changes the ``name``/``ui``/``sql`` fields it sends and
keeps the others; its body's ``cidr_ip``/``cidr_mask`` must name the entry of the path.
Entries have no creation time in the contract: ``pagination.as_of_time`` does not
filter the listing (served in the order entries were added).
"""

import ipaddress

from ..errors import bad_request, conflict, not_found
from ..permissions import OPERATE_CLUSTER, READ_CLUSTER
from ..registry import operation
from ..store import public

FLAGS = ("sql", "ui")


def canonical(cidr_ip, cidr_mask):
    """(ip, mask) with host bits zeroed; 400 unless it is an IPv4 network."""
    try:
        mask = int(cidr_mask)
        if isinstance(cidr_mask, bool) or not 0 <= mask <= 32:
            raise ValueError(cidr_mask)
        network = ipaddress.IPv4Network("%s/%d" % (cidr_ip, mask), strict=False)
    except (TypeError, ValueError):
        raise bad_request("invalid CIDR %s/%s: give an IPv4 address (a.b.c.d) and a mask "
                          "between 0 and 32" % (cidr_ip, cidr_mask)) from None
    return str(network.network_address), network.prefixlen


def _key(ip, mask):
    return "%s/%d" % (ip, mask)


def _fields(body, entry=None):
    """The name/sql/ui fields of ``body`` merged over ``entry`` (or the defaults)."""
    fields = dict(entry or {"name": "", "sql": True, "ui": False})
    if body.get("name") is not None:
        if not isinstance(body["name"], str) or len(body["name"]) > 255:
            raise bad_request("name must be a string of at most 255 characters")
        fields["name"] = body["name"]
    for flag in FLAGS:
        if body.get(flag) is not None:
            if not isinstance(body[flag], bool):
                raise bad_request("%s must be true or false" % flag)
            fields[flag] = body[flag]
    return {k: fields[k] for k in ("name", "sql", "ui")}


def _find(ctx, cidr_ip, cidr_mask):
    ip, mask = canonical(cidr_ip, cidr_mask)
    entries = ctx.children("allowlist")
    if _key(ip, mask) not in entries:
        raise not_found("allowlist entry", _key(ip, mask))
    return entries, _key(ip, mask)


@operation("ListAllowlistEntries", roles=READ_CLUSTER, scope="cluster")
def list_allowlist_entries(ctx, cluster_id):
    items, pagination = ctx.page(ctx.children("allowlist").values(), created_key=None)
    return {"allowlist": items, "pagination": pagination}


@operation("AddAllowlistEntry", roles=OPERATE_CLUSTER, scope="cluster")
def add_allowlist_entry(ctx, cluster_id):
    ip, mask = canonical(ctx.body.get("cidr_ip"), ctx.body.get("cidr_mask"))
    fields = _fields(ctx.body)
    entries = ctx.children("allowlist")
    if _key(ip, mask) in entries:
        raise conflict("allowlist entry %s already exists in cluster %s; update it instead"
                       % (_key(ip, mask), cluster_id))
    entry = {"cidr_ip": ip, "cidr_mask": mask, **fields}
    entries[_key(ip, mask)] = entry
    return public(entry)


@operation("UpdateAllowlistEntry", roles=OPERATE_CLUSTER, scope="cluster")
def update_allowlist_entry(ctx, cluster_id, cidr_ip, cidr_mask):
    entries, key = _find(ctx, cidr_ip, cidr_mask)
    body_key = _key(*canonical(ctx.body.get("cidr_ip"), ctx.body.get("cidr_mask")))
    if body_key != key:
        raise bad_request("the body names allowlist entry %s but the path names %s; the CIDR "
                          "of an entry cannot change (delete it and add a new one)" % (body_key, key))
    entry = entries[key]
    entry.update(_fields(ctx.body, entry))
    return public(entry)


@operation("DeleteAllowlistEntry", roles=OPERATE_CLUSTER, scope="cluster")
def delete_allowlist_entry(ctx, cluster_id, cidr_ip, cidr_mask):
    entries, key = _find(ctx, cidr_ip, cidr_mask)
    return public(entries.pop(key))
