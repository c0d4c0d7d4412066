"""Regions and major versions in the live wire format: location and distance on each region,
support status, end, release type and upgrades on each version (newest first); every answer
passes the strict live document (validate_responses)."""


def test_regions(live_api):
    regions = live_api.ok(live_api.get("/api/v1/clusters/available-regions",
                                       query={"provider": "AWS", "serverless": "true"}))["regions"]
    assert regions and all(r["provider"] == "AWS" and r["serverless"] for r in regions)
    assert all(set(r) == {"name", "provider", "serverless", "location", "distance"} for r in regions)
    assert next(r for r in regions if r["name"] == "us-east-1")["location"] == "N. Virginia"
    assert live_api.get("/api/v1/clusters/available-regions", query={"provider": "IBM"}).status_code == 400


def test_versions_newest_first(live_api):
    versions = live_api.ok(live_api.get("/api/v1/cluster-versions"))["versions"]
    names = [v["version"] for v in versions]
    assert names == sorted(names, key=lambda v: tuple(int(p) for p in v[1:].split(".")), reverse=True)
    assert all(v["support_status"] in ("SUPPORTED", "UNSUPPORTED", "PREVIEW") for v in versions)
    assert versions[0]["allowed_upgrades"] == [] and versions[1]["allowed_upgrades"] == [names[0]]
