#!/usr/bin/env bash
# playbooks/private_cluster.yml as users run it: `--check --diff` on an organization where
# nothing exists yet (a fresh, empty emulator of its own), then for real, then again.
#   --check --diff  every task changed (predicted), none failed, 0 mutating requests
#   apply           every task changed, none failed
#   re-run          no task changed, 0 mutating requests, 10 requests
#   (apply and re-run name their tasks as the --check run does: --names-as)
# and then what the cluster has, read from the API.
set -eu -o pipefail
cd "$(dirname "$0")"
PLAYBOOK=private_cluster
# The collection: ansible-test runs this script from a copy of the target, outside it.
ROOT="${ANSIBLE_COLLECTIONS_PATH%%:*}/ansible_collections/cockroachdb/cloud"
if [[ ! -f "$ROOT/playbooks/$PLAYBOOK.yml" ]]; then ROOT=$(cd ../../../.. && pwd); fi
# shellcheck source=../../playbook_target.sh
source "$ROOT/tests/integration/playbook_target.sh"

run check --check --diff
"$PY" "$REPORT" "$WORK/check.out" "$URL" "$WORK/mark" --changed all --mutations 0 \
  --warning "no cluster named 'private-cluster' among 0 clusters; in check mode this task predicts"
run apply
"$PY" "$REPORT" "$WORK/apply.out" "$URL" "$WORK/mark" --changed all --names-as "$WORK/check.out"

run again
# A no-op costs 10 requests: the clusters' listing, then for CMEK, the services, the connections
# and the egress rules a read of the cluster (for its plan) and one of them, and the allowlist's.
"$PY" "$REPORT" "$WORK/again.out" "$URL" "$WORK/mark" --changed none --names-as "$WORK/check.out" --mutations 0 --requests 10

# What the cluster has now, read from the API (after the checks of the request log).
"$PY" "$ROOT/tests/integration/api_check.py" "$URL" "$KEY" <<'PYTHON'
cluster = next(c for c in get("/api/v1/clusters")["clusters"] if c["name"] == "private-cluster")
net = "/api/v1/clusters/%s/networking" % cluster["id"]
found = {
    "visibility": cluster["network_visibility"],
    "cmek": get("/api/v1/clusters/%s/cmek" % cluster["id"])["status"],
    "services": [s["status"] for s in get(net + "/private-endpoint-services")["services"]],
    "connections": [(c["endpoint_id"], c["status"]) for c in get(net + "/private-endpoint-connections")["connections"]],
    "egress": sorted((r["name"], r["state"]) for r in get(net + "/egress-rules")["rules"]),
    "allowlist": sorted("%s/%s" % (e["cidr_ip"], e["cidr_mask"]) for e in get(net + "/allowlist")["allowlist"]),
}
expected = {
    "visibility": "PRIVATE",
    "cmek": "ENABLED",
    "services": ["AVAILABLE"],
    "connections": [("vpce-0123456789abcdef0", "STATUS_AVAILABLE")],
    "egress": [("backups", "ACTIVE"), ("changefeeds", "ACTIVE"), ("kms", "ACTIVE")],
    "allowlist": ["192.0.2.0/28", "198.51.100.0/24"],
}
if found != expected:
    sys.exit("FAILED: the cluster has %s, expected %s" % (found, expected))
print("the cluster: %s" % found)
PYTHON
