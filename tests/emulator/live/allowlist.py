"""The IP allowlist in the live wire format: an update names its entry in the path only (the
contract's handler wants the network in the body too), and the listing says whether the last
change is still ``propagating`` (the emulator applies changes at once: never)."""

from . import answer, request


@request("UpdateAllowlistEntry")
def update_entry(call):
    call.body = dict(call.body or {}, cidr_ip=call.path.get("cidr_ip"), cidr_mask=call.path.get("cidr_mask"))


@answer("ListAllowlistEntries")
def listing(call, value):
    return dict(value, propagating=False)
