"""The one status machine behind log export, the metric exports and CMEK (status_machine.py).

The clock is moved by hand: no test waits for a transition.
"""

import pytest

from tests.emulator import clock, lifecycle
from tests.emulator.errors import ApiError
from tests.emulator.status_machine import StatusMachine

EXPORT = {"ENABLE": ("ENABLING", "ENABLED"), "DISABLE": ("DISABLING", "DISABLED")}
KEYS = {"ENABLE": ("ENABLING", "ENABLED"), "REVOKE": ("REVOKING", "REVOKED")}


@pytest.fixture
def now(monkeypatch):
    """The emulator's clock, moved with ``now.advance(seconds)``."""

    class Clock:
        value = 1_800_000_000.0

        def advance(self, seconds):
            self.value += seconds

    fake = Clock()
    monkeypatch.setattr(clock, "now", lambda: fake.value)
    return fake


class FakeContext:
    """The parts of RequestContext the machine uses."""

    def __init__(self, async_seconds=10):
        self.cluster = {"id": "c-1", "name": "prod"}
        self.kinds = {}
        self.async_seconds = async_seconds

    def children(self, kind, default=dict):
        return self.kinds.setdefault(kind, default())

    def schedule(self, record, transitional, final):
        lifecycle.schedule(record, self.async_seconds, transitional, final)


def status_of(machine, ctx):
    record = machine.current(ctx)
    return record and record["status"]


def answer(call):
    with pytest.raises(ApiError) as error:
        call()
    return error.value.status, error.value.message


def test_enable_then_disable_until_the_record_is_gone(now):
    machine, ctx = StatusMachine("log export", "log_export", EXPORT, absent="configured"), FakeContext()
    assert answer(lambda: machine.existing(ctx)) == (404, "log export is not configured for cluster prod")
    machine.enable(ctx, new=lambda: {"cluster_id": "c-1"})
    assert status_of(machine, ctx) == "ENABLING"
    assert answer(lambda: machine.enable(ctx, new=dict)) == (
        409, "log export of cluster prod is ENABLING; retry once it has settled")
    now.advance(10)
    assert status_of(machine, ctx) == "ENABLED"
    record = machine.disable(ctx, updated_at="t1")
    assert (record["status"], record["updated_at"]) == ("DISABLING", "t1")
    assert machine.disable(ctx, updated_at="t2")["updated_at"] == "t1"  # already on its way
    now.advance(10)
    assert machine.current(ctx) is None and ctx.kinds["log_export"] == {}


def test_a_machine_without_disable_keeps_its_final_state(now):
    machine, ctx = StatusMachine("CMEK", "cmek", KEYS), FakeContext()
    record = machine.enable(ctx, new=lambda: {"cluster_id": "c-1"})
    now.advance(10)
    machine.start(ctx, record, "REVOKE")
    assert answer(lambda: machine.check_settled(ctx, record)) == (
        409, "CMEK of cluster prod is REVOKING; retry once it has settled")
    now.advance(10)
    assert status_of(machine, ctx) == "REVOKED"
    machine.check_settled(ctx, record)
    assert machine.busy == {"ENABLING", "REVOKING"} and machine.gone is None


# (label, path, provider, enable body, 404 wording): every export goes through the same states.
EXPORTS = [
    ("log export", "logexport", "GCP", {"type": "GCP_CLOUD_LOGGING", "auth_principal": "my-project"}, "configured"),
    ("CloudWatch metric export", "metricexport/cloudwatch", "AWS",
     {"role_arn": "arn:aws:iam::123456789012:role/metrics"}, "enabled"),
    ("Datadog metric export", "metricexport/datadog", "GCP", {"api_key": "0123456789abcdef"}, "enabled"),
    ("Prometheus metric export", "metricexport/prometheus", "GCP", None, "enabled"),
]


@pytest.mark.parametrize("label, path, provider, body, absent", EXPORTS, ids=[e[1] for e in EXPORTS])
def test_every_export_moves_through_the_same_states(make_api, now, label, path, provider, body, absent):
    api = make_api(async_seconds=60)
    cluster = api.create_cluster(plan="dedicated", provider=provider)
    now.advance(60)  # CREATED
    url = "/api/v1/clusters/%s/%s" % (cluster["id"], path)
    assert api.ok(api.post(url, body))["status"] == "ENABLING"
    busy = api.post(url, body)
    assert busy.status_code == 409
    assert busy.get_json()["message"] == "%s of cluster test-cluster is ENABLING; retry once it has settled" % label
    now.advance(60)
    assert api.ok(api.get(url))["status"] == "ENABLED"
    assert api.ok(api.delete(url))["status"] == "DISABLING"
    assert api.ok(api.get(url))["status"] == "DISABLING"
    now.advance(60)
    gone = api.get(url)
    assert gone.status_code == 404
    assert gone.get_json()["message"] == "%s is not %s for cluster test-cluster" % (label, absent)


def test_cmek_moves_through_its_states(make_api, now):
    api = make_api(async_seconds=60)
    cluster = api.create_cluster(plan="dedicated")
    now.advance(60)
    url = "/api/v1/clusters/%s/cmek" % cluster["id"]
    specs = {"region_specs": [{"region": "us-central1", "key": {
        "type": "GCP_CLOUD_KMS", "uri": "projects/p/locations/l/keyRings/r/cryptoKeys/k", "auth_principal": "sa"}}]}
    assert api.ok(api.post(url, specs))["status"] == "ENABLING"
    busy = api.put(url, specs)
    assert busy.status_code == 409
    assert busy.get_json()["message"] == "CMEK of cluster test-cluster is ENABLING; retry once it has settled"
    now.advance(60)
    assert api.ok(api.patch(url, {"status": "ROTATE"}))["status"] == "ROTATING"
    now.advance(60)
    assert api.ok(api.patch(url, {"status": "REVOKE"}))["status"] == "REVOKING"
    now.advance(60)
    assert api.ok(api.get(url))["status"] == "REVOKED"
