"""Available regions in the live wire format: each with a location and a distance."""

from . import answer


@answer("ListAvailableRegions")
def regions(call, value):
    return dict(value, regions=[dict(region, location=region.get("location") or region.get("name", ""),
                                     distance=region.get("distance", 0.0))
                                for region in value.get("regions") or []])
