"""Regions and major versions in the live wire format: a region carries its ``location`` and
``distance`` (from the caller, here 0), a major version its support status, end of support,
release type and the versions it can upgrade to; versions come newest first."""

from .. import seed
from . import answer

# The emulator's regions' locations (the live document requires one).
LOCATIONS = {
    "us-east-1": "N. Virginia", "us-east-2": "Ohio", "us-west-2": "Oregon", "eu-central-1": "Frankfurt",
    "eu-west-1": "Ireland", "ap-south-1": "Mumbai", "ap-southeast-1": "Singapore", "ca-central-1": "Montreal",
    "us-central1": "Iowa", "us-east1": "South Carolina", "us-west2": "Los Angeles", "europe-west1": "Belgium",
    "europe-west3": "Frankfurt", "asia-southeast1": "Singapore", "southamerica-east1": "Sao Paulo",
    "eastus2": "Virginia", "westus2": "Washington", "westeurope": "Netherlands", "centralindia": "Pune",
}
SUPPORT_END_YEAR = 2026  # the oldest major version's end of support; each later one a half year on


@answer("ListAvailableRegions")
def regions(call, value):
    return dict(value, regions=[dict(r, location=r.get("location") or LOCATIONS.get(r.get("name"), r.get("name") or ""),
                                     distance=r.get("distance", 0.0))
                                for r in value.get("regions") or []])


def live_version(major):
    majors = list(seed.VERSIONS)
    index = majors.index(major) if major in majors else len(majors)
    year, half = SUPPORT_END_YEAR + index // 2, index % 2
    return {"version": major, "support_status": "SUPPORTED", "release_type": "REGULAR",
            "support_end": "%d-%02d-01T00:00:00Z" % (year, 6 if half else 1),
            "allowed_upgrades": majors[index + 1:index + 2]}


@answer("ListMajorClusterVersions")
def versions(call, value):
    """Newest first, as the live document says it sorts them (when they fit in one page: the
    contract's handler pages them oldest first)."""
    shown = [live_version(v.get("version")) for v in value.get("versions") or []]
    if not (value.get("pagination") or {}).get("next_page") and not (call.query or {}).get("pagination.page"):
        shown.reverse()
    return dict(value, versions=shown)
