"""CMEK in the live wire format: a region spec is ``{region, key_spec: {type, uri,
auth_principal}}`` (the contract: ``key``); UpdateCMEKStatus takes ``{action: REVOKE}`` (the
contract: ``{status: ROTATE|REVOKE}``; the live service rotates a key by UpdateCMEKSpec with
a new one, so ROTATE is not in its vocabulary and the strict document refuses it).

An answer is ``{status, region_infos: [{region, status, key_infos: [{spec, status,
created_at, updated_at}]}]}``: per region, the keys it had (kept in ``extras`` when a spec
update replaces them, answered DISABLED) and its current one (with the CMEK status).
"""

from . import answer, extras, request


def _region_specs(body):
    specs = []
    for spec in (body or {}).get("region_specs") or []:
        spec = dict(spec) if isinstance(spec, dict) else spec
        if isinstance(spec, dict) and "key_spec" in spec:
            spec["key"] = spec.pop("key_spec")
        specs.append(spec)
    return specs


def _stored(call):
    children = call.data["cluster_children"].get(call.path.get("cluster_id")) or {}
    return (children.get("cmek") or {}).get("config")


@request("EnableCMEKSpec", "UpdateCMEKSpec")
def spec(call):
    call.body = dict(call.body or {}, region_specs=_region_specs(call.body))
    record = _stored(call) if call.operation_id == "UpdateCMEKSpec" else None
    if record is not None:  # the keys it replaces, with the time they were set
        call.notes["before"] = ((record.get("spec") or {}).get("region_specs") or [], record.get("updated_at"))


@request("UpdateCMEKStatus")
def status(call):
    call.body = {"status": (call.body or {}).get("action")}


def live_cmek(call, value):
    """A CMEK answer (contract shape) in the live shape."""
    record = _stored(call) or {}
    kept = record.get("_live") or {}
    past, since = kept.get("past_keys") or {}, kept.get("key_since") or {}
    status_ = value.get("status")
    infos = []
    for region_spec in (value.get("spec") or {}).get("region_specs") or []:
        region = region_spec.get("region")
        keys = [dict(old, status="DISABLED") for old in past.get(region, [])]
        keys.append({"spec": region_spec.get("key") or {}, "status": status_,
                     "created_at": since.get(region) or value.get("created_at"),
                     "updated_at": value.get("updated_at") or value.get("created_at")})
        infos.append({"region": region, "status": status_, "key_infos": keys})
    return {"status": status_, "region_infos": infos}


@answer("UpdateCMEKSpec")
def updated(call, value):
    record = _stored(call)
    if record is not None and "before" in call.notes:
        old_specs, since = call.notes["before"]
        new_keys = dict((s.get("region"), s.get("key")) for s in (value.get("spec") or {}).get("region_specs") or [])
        old_keys = dict((s.get("region"), s.get("key")) for s in old_specs)
        past = extras(record).setdefault("past_keys", {})
        key_since = extras(record).setdefault("key_since", {})
        for old in old_specs:
            region = old.get("region")
            if new_keys.get(region) != old.get("key"):
                past.setdefault(region, []).append({"spec": old.get("key"), "created_at": key_since.get(region, since),
                                                    "updated_at": value.get("updated_at")})
        for region, key in new_keys.items():
            if old_keys.get(region) != key:
                key_since[region] = value.get("updated_at")
    return live_cmek(call, value)


@answer("GetCMEKClusterInfo", "EnableCMEKSpec", "UpdateCMEKStatus")
def one(call, value):
    return live_cmek(call, value)
