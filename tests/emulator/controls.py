"""``/_emulator/`` test controls, served only with ``--test-controls``.

GET  health                 liveness
POST reset                  back to a fresh organization (same admin key); clears the log
POST seed                   {"clusters": N, "plan", "provider", "name_prefix"}: add clusters
GET  requests[?since=SEQ]   the request log; DELETE requests clears it
GET  secrets                 every secret seen in requests and answers (passwords, keys), and the admin key
GET|PUT|DELETE faults       fault injection: {"rate", "seed", "kinds", "latency_ms", "methods", "operations"}
GET|PATCH config            {"async_seconds", "rate_limit", "validate_responses"} at run time
POST clusters/<id>/state    {"state", "operation_status"?, "upgrade_status"?}: force a cluster's
                            state, e.g. CREATION_FAILED, to test how clients handle it
POST clusters/<id>/records/<kind>/<key>  {"status": ...}: force fields of a sub-resource's
                            record (a restore's status FAILED, a metric export's ERROR)
DELETE clusters?name_prefix=P  remove clusters (and their sub-resources) whose name starts
                            with P, for good: no DELETED record is left
GET  state                  the whole state (debugging: API key and password digests, and the
                            admin key itself, which the start line prints anyway)
"""

from flask import Blueprint, request

from .errors import ApiError
from .faults import DEFAULT_KINDS
from .ratelimit import RateLimiter


def _json_body():
    body = request.get_json(silent=True)
    if body is None:
        body = {}
    if not isinstance(body, dict):
        raise ApiError(400, "the body must be a JSON object")
    return body


def blueprint(emu):
    # Imported here: the app module imports this one.
    from .app import json_response  # pylint: disable=import-outside-toplevel
    from .handlers import clusters  # pylint: disable=import-outside-toplevel

    bp = Blueprint("emulator_controls", __name__, url_prefix="/_emulator")

    @bp.get("/health")
    def health():
        return json_response({"ok": True})

    @bp.post("/reset")
    def reset():
        emu.reset()
        return json_response({"ok": True})

    @bp.post("/seed")
    def seed():
        body = _json_body()
        count = body.get("clusters", 0)
        if not isinstance(count, int) or not 0 <= count <= 100000:
            raise ApiError(400, "clusters must be an integer between 0 and 100000")
        plan, provider = body.get("plan", "SERVERLESS"), body.get("provider", "GCP")
        if plan not in ("SERVERLESS", "DEDICATED") or provider not in ("AWS", "GCP", "AZURE"):
            raise ApiError(400, "plan must be SERVERLESS or DEDICATED and provider AWS, GCP or AZURE")
        with emu.store.lock:
            ids = clusters.seed_clusters(
                emu.store.data, count,
                plan=plan, provider=provider,
                prefix=body.get("name_prefix", "seeded"))
            emu.store.save()
        return json_response({"created": ids})

    @bp.post("/clusters/<cluster_id>/state")
    def force_cluster_state(cluster_id):
        body = _json_body()
        if not isinstance(body.get("state"), str) or not body["state"]:
            raise ApiError(400, "state must be a non-empty string, e.g. CREATION_FAILED")
        with emu.store.lock:
            cluster = emu.store.data["clusters"].get(cluster_id)
            if cluster is None:
                raise ApiError(404, "cluster %r not found" % cluster_id)
            cluster.pop("_until", None)
            cluster.pop("_then", None)
            for field in ("state", "operation_status", "upgrade_status"):
                if isinstance(body.get(field), str):
                    cluster[field] = body[field]
            emu.store.save()
            return json_response(dict(cluster))

    @bp.post("/clusters/<cluster_id>/records/<kind>/<key>")
    def force_record(cluster_id, kind, key):
        """Set fields of one of a cluster's sub-resource records, dropping any pending
        transition: ``kind`` and ``key`` as /_emulator/state shows them under
        ``cluster_children`` (``restores/<restore id>``, ``metric_export/datadog``,
        ``log_export/config``...). Only string, number and boolean fields; no ``_`` ones."""
        body = _json_body()
        if not body or any(k.startswith("_") or isinstance(v, (dict, list)) or v is None for k, v in body.items()):
            raise ApiError(400, "give the fields to set, e.g. {\"status\": \"FAILED\"}: strings, numbers or "
                                "booleans, none starting with _")
        with emu.store.lock:
            records = emu.store.data["cluster_children"].get(cluster_id, {}).get(kind)
            record = records.get(key) if isinstance(records, dict) else None
            if not isinstance(record, dict):
                raise ApiError(404, "cluster %r has no %s record %r" % (cluster_id, kind, key))
            record.pop("_until", None)
            record.pop("_then", None)
            record.update(body)
            emu.store.save()
            return json_response({k: v for k, v in record.items() if not k.startswith("_")})

    @bp.delete("/clusters")
    def purge_clusters():
        prefix = request.args.get("name_prefix", "")
        if not prefix:
            raise ApiError(400, "name_prefix is required (an empty prefix would remove every cluster)")
        with emu.store.lock:
            data = emu.store.data
            doomed = [cid for cid, c in data["clusters"].items() if c["name"].startswith(prefix)]
            for cluster_id in doomed:
                del data["clusters"][cluster_id]
                data["cluster_children"].pop(cluster_id, None)
            emu.store.save()
        return json_response({"removed": len(doomed)})

    @bp.get("/requests")
    def requests_log():
        since = request.args.get("since", type=int, default=0)
        return json_response({"requests": [e for e in list(emu.requests) if e["seq"] > since]})

    @bp.delete("/requests")
    def clear_requests():
        emu.clear_request_log()
        return json_response({"ok": True})

    @bp.get("/secrets")
    def get_secrets():
        return json_response({"secrets": sorted(emu.secrets_seen | {emu.admin_key})})

    @bp.get("/faults")
    def get_faults():
        return json_response(emu.faults.describe())

    @bp.put("/faults")
    def set_faults():
        body = _json_body()
        try:
            emu.faults.configure(rate=body.get("rate", 0.0), seed=body.get("seed"),
                                 kinds=body.get("kinds", DEFAULT_KINDS),
                                 latency_ms=body.get("latency_ms", 0.0),
                                 methods=body.get("methods"), operations=body.get("operations"))
        except (TypeError, ValueError) as exc:
            raise ApiError(400, str(exc)) from None
        return json_response(emu.faults.describe())

    @bp.delete("/faults")
    def clear_faults():
        emu.faults.configure()
        return json_response(emu.faults.describe())

    @bp.get("/config")
    def get_config():
        return json_response({"async_seconds": emu.config.async_seconds,
                              "rate_limit": emu.config.rate_limit,
                              "validate_responses": emu.config.validate_responses})

    @bp.patch("/config")
    def set_config():
        body = _json_body()
        numbers = {name: body[name] for name in ("async_seconds", "rate_limit") if name in body}
        for name, value in numbers.items():
            if not isinstance(value, (int, float)) or value < 0:
                raise ApiError(400, "%s must be a number >= 0" % name)
        if not isinstance(body.get("validate_responses", False), bool):
            raise ApiError(400, "validate_responses must be true or false")
        # All checked before any is applied: a bad field changes nothing.
        for name, value in numbers.items():
            setattr(emu.config, name, float(value))
        emu.config.validate_responses = body.get("validate_responses", emu.config.validate_responses)
        emu.limiter = RateLimiter(emu.config.rate_limit)
        return get_config()

    @bp.get("/state")
    def state():
        return json_response(emu.store.snapshot())

    return bp
