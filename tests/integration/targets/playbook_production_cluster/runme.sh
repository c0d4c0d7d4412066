#!/usr/bin/env bash
# playbooks/production_cluster.yml as users run it: `--check --diff` on an organization where
# nothing exists yet (a fresh, empty emulator of its own), then for real (with -vvv), then
# again.
#   --check --diff  every task changed (predicted), none failed, 0 mutating requests
#   apply -vvv      every task changed, none failed; neither the SQL user's password nor the
#                   Datadog API key in the output
#   re-run          no task changed, 0 mutating requests, 22 requests
#   (apply and re-run name their tasks as the --check run does: --names-as)
# (the roles' argument checks and includes left out, see
# playbook_team_dev_clusters/role_report.py), and then what the cluster has, read from the API.
set -eu -o pipefail
cd "$(dirname "$0")"
PLAYBOOK=production_cluster
# The collection: ansible-test runs this script from a copy of the target, outside it.
ROOT="${ANSIBLE_COLLECTIONS_PATH%%:*}/ansible_collections/cockroachdb/cloud"
if [[ ! -f "$ROOT/playbooks/$PLAYBOOK.yml" ]]; then ROOT=$(cd ../../../.. && pwd); fi
# shellcheck source=../../playbook_target.sh
source "$ROOT/tests/integration/playbook_target.sh"
export PROD_SQL_PASSWORD="prod-password-$RANDOM$RANDOM"
export DATADOG_API_KEY="0123456789abcdef$RANDOM$RANDOM"
no_secrets() {  # no_secrets <name>: neither secret is in $WORK/<name>.out
  if grep -qF "$PROD_SQL_PASSWORD" "$WORK/$1.out"; then fail "the SQL user's password is in the $1 output"; fi
  if grep -qF "$DATADOG_API_KEY" "$WORK/$1.out"; then fail "the Datadog API key is in the $1 output"; fi
}

run check --check --diff
"$PY" "$ROLE_REPORT" "$WORK/check.out" "$URL" "$WORK/mark" --changed all --mutations 0 \
  --warning "no cluster named 'orders-prod' among 0 clusters; in check mode this task predicts"
no_secrets check
run apply -vvv
"$PY" "$ROLE_REPORT" "$WORK/apply.out" "$URL" "$WORK/mark" --changed all --names-as "$WORK/check.out.roles"
no_secrets apply

run again --diff
# A no-op costs 22 requests: the folders' listing and the clusters' listing; then, by id, the
# maintenance window, the version deferral and the backups; a read of the cluster (for its
# plan) and one of the setting for CMEK, the private endpoint services and their connections;
# the databases, the SQL users and the allowlist; and the cluster and the setting again for the
# log export and each of the three metric exports.
"$PY" "$ROLE_REPORT" "$WORK/again.out" "$URL" "$WORK/mark" --changed none --names-as "$WORK/check.out.roles" --mutations 0 --requests 22
no_secrets again

# What the cluster has now, read from the API (after the checks of the request log).
"$PY" "$ROOT/tests/integration/api_check.py" "$URL" "$KEY" "$DATADOG_API_KEY" <<'PYTHON'
datadog_key = args[0]
cluster = next(c for c in get("/api/v1/clusters")["clusters"] if c["name"] == "orders-prod")
base = "/api/v1/clusters/%s" % cluster["id"]
folders = dict((f["resource_id"], f["name"]) for f in get("/api/v1/folders")["folders"])
metrics = dict((kind, get(base + "/metricexport/" + kind)) for kind in ("cloudwatch", "datadog", "prometheus"))


def window(answer):
    """A maintenance window in the contract's words: the live service sends its start as an
    offset from Monday 00:00 UTC (Sunday 02:00 is 525600s)."""
    if "offset_duration" not in answer:
        return answer
    hours = int(answer["offset_duration"].rstrip("s")) // 3600
    return {"day_of_week": (hours // 24 + 1) % 7, "start_hour": hours % 24, "window_duration": answer["window_duration"]}


def policy(name):
    """DEFERRAL_60_DAYS is the live service's name of FIXED_DEFERRAL."""
    return "FIXED_DEFERRAL" if name == "DEFERRAL_60_DAYS" else name


found = {
    "state": cluster["state"],
    "regions": sorted((r["name"], r["node_count"]) for r in cluster["regions"]),
    "visibility": cluster["network_visibility"],
    "delete_protection": cluster["delete_protection"],
    "folder": folders.get(cluster["parent_id"]),
    "maintenance": window(get(base + "/maintenance-window")),
    "deferral": policy(get(base + "/version-deferral")["deferral_policy"]),
    "backups": dict((k, v) for k, v in get(base + "/backups-config").items() if k != "cluster_id"),
    "cmek": get(base + "/cmek")["status"],
    "services": sorted((s["region_name"], s["status"]) for s in get(base + "/networking/private-endpoint-services")["services"]),
    "connections": [(c["endpoint_id"], c["status"]) for c in get(base + "/networking/private-endpoint-connections")["connections"]],
    "users": [u["name"] for u in get(base + "/sql-users")["users"]],
    "log_export": get(base + "/logexport")["status"],
    "metrics": sorted((kind, m["status"]) for kind, m in metrics.items()),
}
expected = {
    "state": "CREATED",
    "regions": [("us-east-1", 3), ("us-west-2", 3)],
    "visibility": "PRIVATE",
    "delete_protection": "ENABLED",
    "folder": "prod",
    "maintenance": {"day_of_week": 0, "start_hour": 2, "window_duration": "21600s"},
    "deferral": "FIXED_DEFERRAL",
    "backups": {"enabled": True, "frequency_minutes": 15, "retention_days": 30},
    "cmek": "ENABLED",
    "services": [("us-east-1", "AVAILABLE"), ("us-west-2", "AVAILABLE")],
    "connections": [("vpce-0123456789abcdef0", "STATUS_AVAILABLE")],
    "users": ["orders_app"],
    "log_export": "ENABLED",
    "metrics": [("cloudwatch", "ENABLED"), ("datadog", "ENABLED"), ("prometheus", "ENABLED")],
}
if found != expected:
    sys.exit("FAILED: the cluster has %s, expected %s" % (found, expected))
if datadog_key in json.dumps(metrics["datadog"]):
    sys.exit("FAILED: the API shows the Datadog key")
print("the cluster: %s" % found)
PYTHON
